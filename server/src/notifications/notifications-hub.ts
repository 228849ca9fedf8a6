// Fans notification signals out to open streams. Whichever process records a notification (a
// worker on another machine, usually) NOTIFYs; each server LISTENs once and wakes the streams of
// that recipient. Closing the hub ends every stream, so shutdown never waits on an open page.
import type { Logger } from 'pino';
import { listen, type Listener } from '../platform/db/index.js';
import { NOTIFICATIONS_CHANNEL, type NotificationSignal } from './notifications.service.js';

type Stream = { onSignal: (signal: NotificationSignal) => void; end: () => void };

export class NotificationsHub {
  private readonly streams = new Map<string, Set<Stream>>();
  private listener: Promise<Listener> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  /** Registers a recipient's stream until the returned function is called. */
  async subscribe(recipientId: string, stream: Stream): Promise<() => void> {
    this.listener ??= listen(
      this.connectionString,
      NOTIFICATIONS_CHANNEL,
      (payload) => this.dispatch(payload as NotificationSignal),
      this.log,
    );
    await this.listener;
    const set = this.streams.get(recipientId) ?? new Set<Stream>();
    set.add(stream);
    this.streams.set(recipientId, set);
    return () => {
      set.delete(stream);
      if (set.size === 0) this.streams.delete(recipientId);
    };
  }

  private dispatch(signal: NotificationSignal) {
    for (const stream of this.streams.get(signal.recipientId) ?? []) stream.onSignal(signal);
  }

  async close(): Promise<void> {
    for (const set of [...this.streams.values()]) for (const stream of [...set]) stream.end();
    const listener = await this.listener;
    this.listener = undefined;
    await listener?.close();
  }
}
