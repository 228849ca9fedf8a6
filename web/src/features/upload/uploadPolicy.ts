// When a tus request that failed is worth sending again, and what to tell the creator when it is
// not. Pure: the upload wrapper (videoFileUpload.ts) asks, with what the browser knows.

/**
 * Waits before each retry of a failing request. tus-js-client starts counting again whenever a
 * retry moved the upload forward, so a connection that drops every minute never runs out; only
 * one that stays down for about a minute and a half ends in "Upload paused".
 */
export const RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000, 30_000];

/**
 * Bytes sent per PATCH request. Big enough that the per-request cost vanishes, small enough for
 * reverse proxies that cap request bodies (Cloudflare's free plan at 100 MB).
 */
export const CHUNK_SIZE_BYTES = 50 * 1024 * 1024;

export type FailedRequest = {
  /** 0 when no answer arrived (connection dropped, offline, DNS). */
  status: number;
  method: string;
  isOnline: boolean;
};

export function isWorthRetrying({ status, method, isOnline }: FailedRequest): boolean {
  // Offline the browser fails at once; the upload waits for the "online" event instead.
  if (!isOnline) return false;
  if (status === 0 || status >= 500) return true;
  // tus 1.0.0: 409 is an offset mismatch on PATCH (HEAD again, then go on) and 423 a lock still
  // held by the request that just died. On POST, 409 is the server saying this draft already
  // has an upload: sending it again cannot help.
  if (status === 423 || status === 429) return true;
  return status === 409 && method !== 'POST';
}

export type UploadFailure = {
  title: string;
  detail: string;
  /** The same upload can go on from where it stopped (the draft and the bytes sent are kept). */
  canResume: boolean;
};

type ProblemLike = { title?: unknown; detail?: unknown };

function readProblem(body: string): ProblemLike | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The words for an upload that stopped, the server's own problem when it sent one. `request` is
 * what failed; whether it was worth retrying decides whether "Try again" can go on.
 */
export function describeUploadFailure(request: {
  status: number;
  method: string;
  body: string;
}): UploadFailure {
  const { status, body } = request;
  const canResume = isWorthRetrying({ ...request, isOnline: true });
  if (status === 0) {
    return {
      title: 'The connection dropped',
      detail: 'Nothing is lost: the upload goes on from where it stopped when you try again.',
      canResume,
    };
  }
  if (status === 413) {
    return {
      title: 'This video is too big',
      detail: 'Choose a shorter or smaller file.',
      canResume,
    };
  }
  if (status === 401) {
    return {
      title: 'You were logged out',
      detail: 'Log in again, then upload the video once more.',
      canResume,
    };
  }
  const problem = readProblem(body);
  if (problem && typeof problem.title === 'string') {
    const detail = typeof problem.detail === 'string' ? problem.detail : '';
    return { title: problem.title, detail, canResume };
  }
  return canResume
    ? {
        title: 'Shortwave had a problem receiving your video',
        detail: 'The bytes sent so far are kept; try again in a moment.',
        canResume,
      }
    : {
        title: 'The upload was refused',
        detail: `The server answered ${status}. Choose the video again to start over.`,
        canResume,
      };
}
