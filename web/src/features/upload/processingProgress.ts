// Follows a video's processing: server-sent events from GET /api/v1/videos/:id/progress (one
// `data: {"videoId","state","percent","isPlayable"}` per change), until it is ready or failed.
// Where the stream cannot be opened at all, it asks GET /api/v1/videos/:id every few seconds.
import type { Schemas } from '@shortwave/api-client';
import { getVideo } from './videos.api';

export type ProcessingState = Schemas['Video']['state'];

export type ProcessingUpdate = {
  state: ProcessingState;
  /** 0–100, whole. */
  percent: number;
  isPlayable: boolean;
};

const STATES: readonly ProcessingState[] = ['uploading', 'processing', 'ready', 'failed'];
const POLL_INTERVAL_MS = 3_000;

export const isFinalState = (state: ProcessingState) => state === 'ready' || state === 'failed';

/** One event's data, or null for anything that is not one (the stream's comments never are). */
export function parseProcessingEvent(data: string): ProcessingUpdate | null {
  let event: unknown;
  try {
    event = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof event !== 'object' || event === null) return null;
  const { state, percent, isPlayable } = event as Record<string, unknown>;
  if (!STATES.includes(state as ProcessingState)) return null;
  // Heartbeats carry the encoder's fraction as it is (37.52...); ready is 100.
  const wholePercent = typeof percent === 'number' && Number.isFinite(percent) ? percent : 0;
  return {
    state: state as ProcessingState,
    percent: state === 'ready' ? 100 : Math.max(0, Math.min(99, Math.floor(wholePercent))),
    isPlayable: isPlayable === true,
  };
}

/** Calls `onUpdate` for each change until the video is ready or failed; returns a stop function. */
export function followProcessing(
  videoId: string,
  onUpdate: (update: ProcessingUpdate) => void,
): () => void {
  let isStopped = false;
  let pollTimer: number | undefined;
  const source = new EventSource(`/api/v1/videos/${encodeURIComponent(videoId)}/progress`);

  const stop = () => {
    isStopped = true;
    source.close();
    window.clearTimeout(pollTimer);
  };
  const deliver = (update: ProcessingUpdate) => {
    if (isStopped) return;
    // Stop first: the server ends the stream after the last event, and an EventSource would
    // otherwise reconnect.
    if (isFinalState(update.state)) stop();
    onUpdate(update);
  };

  source.addEventListener('message', (message: MessageEvent<string>) => {
    const update = parseProcessingEvent(message.data);
    if (update) deliver(update);
  });
  source.addEventListener('error', () => {
    // A dropped stream is reopened by the browser (readyState CONNECTING); a refused one
    // (an answer that is not an event stream) is closed for good: ask the API instead.
    if (source.readyState !== EventSource.CLOSED || isStopped) return;
    const poll = async () => {
      try {
        const video = await getVideo(videoId);
        deliver({
          state: video.state,
          percent: video.processingPercent,
          isPlayable: video.isPlayable,
        });
      } catch {
        // Offline or a blip: the next round asks again.
      }
      if (!isStopped) pollTimer = window.setTimeout(() => void poll(), POLL_INTERVAL_MS);
    };
    void poll();
  });

  return stop;
}
