// Fans processing events out to open pages. Whichever process runs the job (maybe a worker on
// another machine) NOTIFYs; each server LISTENs once and hands events to its subscribers.
import type { Logger } from 'pino';
import { listen, type Listener } from '../platform/db/index.js';
import { VIDEO_EVENTS_CHANNEL, type VideoEvent } from '../videos/index.js';

type Subscriber = (event: VideoEvent) => void;

export class VideoEventsHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private listener: Promise<Listener> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  /** Calls `onEvent` for each event of this video until the returned function is called. */
  async subscribe(videoId: string, onEvent: Subscriber): Promise<() => void> {
    this.listener ??= listen(
      this.connectionString,
      VIDEO_EVENTS_CHANNEL,
      (payload) => this.dispatch(payload),
      this.log,
    );
    await this.listener;
    const set = this.subscribers.get(videoId) ?? new Set<Subscriber>();
    set.add(onEvent);
    this.subscribers.set(videoId, set);
    return () => {
      set.delete(onEvent);
      if (set.size === 0) this.subscribers.delete(videoId);
    };
  }

  private dispatch(payload: unknown) {
    const event = payload as VideoEvent;
    for (const subscriber of this.subscribers.get(event.videoId) ?? []) subscriber(event);
  }

  async close(): Promise<void> {
    const listener = await this.listener;
    this.listener = undefined;
    await listener?.close();
  }
}
