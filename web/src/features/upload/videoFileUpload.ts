// One video file sent with tus-js-client (tus 1.0.0): resumable, retried through a flaky
// connection, paused while the browser is offline and resumed when it is back, and found again
// after a reload (the upload's URL is kept in localStorage under the file's fingerprint).
import * as tus from 'tus-js-client';
import { sessionStore } from '../../api/sessionStore';
import {
  CHUNK_SIZE_BYTES,
  describeUploadFailure,
  isWorthRetrying,
  RETRY_DELAYS_MS,
  type UploadFailure,
} from './uploadPolicy';

/** The server's tus creation endpoint (POST /api/v1/videos answers it as `upload.url`). */
export const UPLOADS_ENDPOINT = '/api/v1/uploads';

export type ConnectionState = 'online' | 'retrying' | 'offline';

export type UploadListener = {
  onProgress: (bytesSent: number, bytesTotal: number) => void;
  onConnection: (state: ConnectionState) => void;
  onSuccess: () => void;
  onFailure: (failure: UploadFailure) => void;
};

export class VideoFileUpload {
  private readonly tusUpload: tus.Upload;
  private listener: UploadListener | null = null;
  private previous: tus.PreviousUpload | null = null;
  private stopWaitingForNetwork = () => {};

  constructor(readonly file: File) {
    this.tusUpload = new tus.Upload(file, {
      endpoint: UPLOADS_ENDPOINT,
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      chunkSize: CHUNK_SIZE_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: (request) => {
        // Cookie sessions must prove every change with the session's CSRF token.
        const csrfToken = sessionStore.get().csrfToken;
        if (csrfToken) request.setHeader('x-csrf-token', csrfToken);
      },
      onShouldRetry: (error) => {
        const isRetried = isWorthRetrying({
          status: error.originalResponse?.getStatus() ?? 0,
          method: error.originalRequest.getMethod(),
          isOnline: navigator.onLine,
        });
        if (isRetried) this.listener?.onConnection('retrying');
        return isRetried;
      },
      onProgress: (bytesSent, bytesTotal) => {
        this.listener?.onConnection('online');
        this.listener?.onProgress(bytesSent, bytesTotal);
      },
      onSuccess: () => this.listener?.onSuccess(),
      onError: (error) => this.handleError(error),
    });
  }

  /**
   * The draft of an unfinished upload of this same file (same name, size, type and modification
   * time) from an earlier visit, if the browser remembers one.
   */
  async findUnfinishedVideoId(): Promise<string | null> {
    const previous = (await this.tusUpload.findPreviousUploads()).find(
      (upload) => upload.uploadUrl && upload.metadata.videoId,
    );
    this.previous = previous ?? null;
    return previous?.metadata.videoId ?? null;
  }

  /** Forgets the remembered upload (its draft is gone or finished): this one starts afresh. */
  async forgetUnfinished(): Promise<void> {
    if (!this.previous) return;
    await tus.defaultOptions.urlStorage.removeUpload(this.previous.urlStorageKey);
    this.previous = null;
  }

  /** Sends the file to the draft `videoId`, or goes on with the remembered upload of it. */
  start(target: { videoId: string; endpoint?: string }, listener: UploadListener): void {
    this.listener = listener;
    this.tusUpload.options.endpoint = target.endpoint ?? UPLOADS_ENDPOINT;
    this.tusUpload.options.metadata = {
      ...this.tusUpload.options.metadata,
      videoId: target.videoId,
    };
    if (this.previous?.metadata.videoId === target.videoId)
      this.tusUpload.resumeFromPreviousUpload(this.previous);
    this.tusUpload.start();
  }

  /** Goes on from the last byte the server has (tus: HEAD for the offset, then PATCH). */
  resume(): void {
    this.stopWaitingForNetwork();
    this.listener?.onConnection('online');
    this.tusUpload.start();
  }

  /** Stops sending and asks the server to drop what it has received (tus termination). */
  async cancel(): Promise<void> {
    this.stopWaitingForNetwork();
    this.listener = null;
    await this.tusUpload.abort(true).catch(() => undefined);
  }

  private handleError(error: Error) {
    const detailed = error instanceof tus.DetailedError ? error : null;
    const request = {
      status: detailed?.originalResponse?.getStatus() ?? 0,
      method: detailed?.originalRequest?.getMethod() ?? '',
      body: detailed?.originalResponse?.getBody() ?? '',
    };
    // Offline, tus gives up on what it would otherwise retry (a dropped request, or the offset
    // conflict answered to the request the drop interrupted): go on by ourselves once the
    // network is back.
    if (!navigator.onLine && isWorthRetrying({ ...request, isOnline: true })) {
      this.listener?.onConnection('offline');
      this.waitForNetwork();
      return;
    }
    this.listener?.onFailure(describeUploadFailure(request));
  }

  private waitForNetwork() {
    this.stopWaitingForNetwork();
    const onOnline = () => this.resume();
    window.addEventListener('online', onOnline, { once: true });
    this.stopWaitingForNetwork = () => window.removeEventListener('online', onOnline);
  }
}
