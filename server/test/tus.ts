// tus-js-client, the real protocol client, driven from Node for upload tests.
import * as tus from 'tus-js-client';

export type TusOptions = {
  baseUrl: string;
  headers: Record<string, string>;
  videoId?: string;
  chunkSize?: number;
  /** Resume this upload instead of creating one. */
  uploadUrl?: string;
  /** Abort once this many bytes are acknowledged. */
  abortAfterBytes?: number;
};

export type TusResult =
  | { outcome: 'success'; url: string; offsets: number[] }
  | { outcome: 'aborted'; url: string; offsets: number[] }
  | {
      outcome: 'error';
      error: tus.DetailedError | Error;
      status: number | undefined;
      body: string;
    };

export function uploadWithTus(data: Buffer, options: TusOptions): Promise<TusResult> {
  return new Promise((resolve) => {
    const offsets: number[] = [];
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint: `${options.baseUrl}/api/v1/uploads`,
      ...(options.uploadUrl ? { uploadUrl: options.uploadUrl } : {}),
      headers: options.headers,
      metadata: options.videoId
        ? { videoId: options.videoId, filename: 'clip.mp4', filetype: 'video/mp4' }
        : {},
      chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: [],
      storeFingerprintForResuming: false,
      onChunkComplete(_chunkSize, bytesAccepted) {
        offsets.push(bytesAccepted);
        if (options.abortAfterBytes !== undefined && bytesAccepted >= options.abortAfterBytes) {
          void upload
            .abort(false)
            .then(() => resolve({ outcome: 'aborted', url: upload.url ?? '', offsets }));
        }
      },
      onSuccess() {
        resolve({ outcome: 'success', url: upload.url ?? '', offsets });
      },
      onError(error) {
        const detailed = error as tus.DetailedError;
        resolve({
          outcome: 'error',
          error,
          status: detailed.originalResponse?.getStatus(),
          body: detailed.originalResponse?.getBody() ?? '',
        });
      },
    });
    upload.start();
  });
}
