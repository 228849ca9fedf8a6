// The one upload in progress, kept outside React so it carries on while you browse the app:
// leave /upload mid-upload and come back to the same progress bar. Its phases:
// idle → uploading (⇄ paused) → processing → ready | failed. Only the functions here change it.
import { ApiProblem } from '@shortwave/api-client';
import { formatBytes } from './formatBytes';
import { followProcessing } from './processingProgress';
import type { UploadFailure } from './uploadPolicy';
import { VideoFileUpload, type ConnectionState } from './videoFileUpload';
import {
  createVideo,
  deleteVideo,
  getVideo,
  updateVideo,
  type Video,
  type VideoDetails,
} from './videos.api';

type Sending = { videoId: string; file: File; details: VideoDetails };

export type UploadState =
  /** Nothing under way. `details` are the last ones used, when the creator may want them again. */
  | { phase: 'idle'; details: VideoDetails | null }
  | (Sending & {
      phase: 'uploading';
      bytesSent: number;
      bytesTotal: number;
      connection: ConnectionState;
    })
  /** Stopped with a reason; `failure.canResume` says whether "Try again" goes on. */
  | (Sending & { phase: 'paused'; bytesSent: number; bytesTotal: number; failure: UploadFailure })
  | (Sending & { phase: 'processing'; percent: number; isPlayable: boolean })
  | { phase: 'ready'; videoId: string; video: Video | null }
  /** Processing refused or could not convert the file: the server's reason, in its words. */
  | { phase: 'failed'; videoId: string; reason: string; details: VideoDetails };

let state: UploadState = { phase: 'idle', details: null };
const listeners = new Set<() => void>();
/** What is running for the current upload; replaced (so late callbacks are ignored) on change. */
let running: { upload: VideoFileUpload; stopFollowing: () => void } | null = null;

export const uploadStore = {
  get: (): UploadState => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function setState(next: UploadState) {
  state = next;
  const isSending = next.phase === 'uploading' || next.phase === 'paused';
  if (isSending) window.addEventListener('beforeunload', warnBeforeLeaving);
  else window.removeEventListener('beforeunload', warnBeforeLeaving);
  for (const listener of listeners) listener();
}

/** Closing the tab mid-upload asks first (the upload could resume later, but only from here). */
function warnBeforeLeaving(event: BeforeUnloadEvent) {
  event.preventDefault();
}

/** Applies a change only while `run` is still the upload being shown. */
function updateFor(run: typeof running, change: (current: UploadState) => UploadState | null) {
  if (run !== running) return;
  const next = change(state);
  if (next) setState(next);
}

function tooBig(maxSizeBytes: number) {
  return new ApiProblem({
    type: '/problems/video-too-big',
    title: 'This video is too big',
    detail: `Choose a file of ${formatBytes(maxSizeBytes)} or less.`,
    status: 413,
  });
}

/**
 * Creates the draft with these details (or finds the draft of an unfinished upload of the same
 * file, and gives it these details), then starts sending the file. Throws the API's problem when
 * the draft cannot be made, for the form to show; after that, trouble shows as the `paused` phase.
 */
export async function startUpload(file: File, details: VideoDetails): Promise<void> {
  const upload = new VideoFileUpload(file);
  let videoId = await upload.findUnfinishedVideoId();
  let endpoint: string | undefined;
  if (videoId) {
    const draft = await getVideo(videoId).catch(() => null);
    if (draft?.state === 'uploading') {
      await updateVideo(videoId, details);
    } else {
      await upload.forgetUnfinished();
      videoId = null;
    }
  }
  if (!videoId) {
    const created = await createVideo(details);
    if (file.size > created.upload.maxSizeBytes) {
      await deleteVideo(created.video.id).catch(() => undefined);
      throw tooBig(created.upload.maxSizeBytes);
    }
    videoId = created.video.id;
    endpoint = created.upload.url;
  }
  send(upload, { videoId, file, details }, endpoint);
}

function send(upload: VideoFileUpload, sending: Sending, endpoint?: string) {
  running?.stopFollowing();
  const run = { upload, stopFollowing: () => {} };
  running = run;
  setState({
    ...sending,
    phase: 'uploading',
    bytesSent: 0,
    bytesTotal: sending.file.size,
    connection: 'online',
  });
  upload.start(
    { videoId: sending.videoId, ...(endpoint ? { endpoint } : {}) },
    {
      onProgress: (bytesSent, bytesTotal) =>
        updateFor(run, (current) =>
          current.phase === 'uploading' || current.phase === 'paused'
            ? { ...sending, phase: 'uploading', bytesSent, bytesTotal, connection: 'online' }
            : null,
        ),
      onConnection: (connection) =>
        updateFor(run, (current) =>
          current.phase === 'uploading' && current.connection !== connection
            ? { ...current, connection }
            : null,
        ),
      onFailure: (failure) =>
        updateFor(run, (current) =>
          current.phase === 'uploading' ? { ...current, phase: 'paused', failure } : null,
        ),
      onSuccess: () => {
        updateFor(run, () => ({ ...sending, phase: 'processing', percent: 0, isPlayable: false }));
        if (run === running) run.stopFollowing = followVideo(run, sending);
      },
    },
  );
}

function followVideo(run: NonNullable<typeof running>, sending: Sending): () => void {
  return followProcessing(sending.videoId, (update) => {
    if (update.state === 'processing' || update.state === 'uploading') {
      updateFor(run, () => ({
        ...sending,
        phase: 'processing',
        percent: update.percent,
        isPlayable: update.isPlayable,
      }));
      return;
    }
    // Final: the event says how it ended; the video itself says why, or what it looks like.
    void getVideo(sending.videoId)
      .catch(() => null)
      .then((video) =>
        updateFor(run, () =>
          update.state === 'ready'
            ? { phase: 'ready', videoId: sending.videoId, video }
            : {
                phase: 'failed',
                videoId: sending.videoId,
                details: sending.details,
                reason:
                  video?.failure?.reason ||
                  'This video could not be processed. Try exporting it again, then upload it.',
              },
        ),
      );
  });
}

/** "Try again" on a paused upload: goes on from the last byte the server has. */
export function resumeUpload(): void {
  if (state.phase !== 'paused' || !running) return;
  running.upload.resume();
  setState({ ...state, phase: 'uploading', connection: 'online' });
}

/** Stops the upload and deletes its draft; the form comes back with the same details. */
export async function cancelUpload(): Promise<void> {
  if (state.phase !== 'uploading' && state.phase !== 'paused') return;
  const { videoId, details } = state;
  const run = running;
  running = null;
  setState({ phase: 'idle', details });
  await run?.upload.cancel();
  await deleteVideo(videoId).catch(() => undefined);
}

/**
 * Back to an empty upload page (after "ready", "failed", or a refused upload). A failed video's
 * draft holds nothing any more, so it goes too; its details fill the form again.
 */
export function startOver(): void {
  const current = state;
  const run = running;
  running = null;
  run?.stopFollowing();
  if (current.phase === 'paused') void run?.upload.cancel();
  if (current.phase === 'failed' || current.phase === 'paused') {
    setState({ phase: 'idle', details: current.details });
    void deleteVideo(current.videoId).catch(() => undefined);
    return;
  }
  setState({ phase: 'idle', details: null });
}
