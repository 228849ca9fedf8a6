// Resumable uploads with the tus 1.0.0 protocol (@tus/server): a phone on a bad connection
// resumes where it stopped, also after a server restart (the file store keeps each upload's
// offset and metadata on disk). A finished upload moves into the blob store and processing starts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type ServerOptions, type Upload } from '@tus/server';
import type { Logger } from 'pino';
import type { BlobStore } from '../platform/blobs/index.js';
import type { Viewer } from '../platform/http/index.js';
import { videoBlobPrefix, type VideosService } from '../videos/index.js';
import { createUploadLocker } from './upload-locks.js';

export const UPLOADS_PATH = '/api/v1/uploads';

type TusRequest = Parameters<NonNullable<ServerOptions['onIncomingRequest']>>[0];

/** tus aborts a request with the `status_code` and `body` of what a hook throws: problem+json. */
class TusRejection extends Error {
  readonly status_code: number;
  readonly body: string;

  constructor(status: number, type: string, title: string, detail?: string) {
    super(title);
    this.status_code = status;
    this.body = JSON.stringify({
      type: `/problems/${type}`,
      title,
      status,
      ...(detail ? { detail } : {}),
    });
  }
}

const reject = (status: number, type: string, title: string, detail?: string) =>
  new TusRejection(status, type, title, detail);

export class UploadsService {
  readonly tus: TusServer;
  private readonly store: FileStore;
  // The authenticated viewer of each in-flight request, set by the route before tus runs.
  private readonly viewers = new WeakMap<object, Viewer>();

  constructor(
    private readonly deps: {
      videos: VideosService;
      blobs: BlobStore;
      uploadDir: string;
      maxSizeBytes: number;
      abandonedAfterMs: number;
      log: Logger;
    },
  ) {
    this.store = new FileStore({
      directory: deps.uploadDir,
      expirationPeriodInMilliseconds: deps.abandonedAfterMs,
    });
    this.tus = new TusServer({
      path: UPLOADS_PATH,
      datastore: this.store,
      locker: createUploadLocker(),
      maxSize: deps.maxSizeBytes,
      relativeLocation: true,
      disableTerminationForFinishedUploads: true,
      onIncomingRequest: (request, uploadId) => this.authorise(request, uploadId),
      onUploadCreate: (request, upload) => this.attachToDraft(request, upload),
      onUploadFinish: async (_request, upload) => {
        await this.finish(upload);
        return {};
      },
    });
  }

  /** Runs a request through tus on behalf of `viewer`. */
  async handle(request: IncomingMessage, response: ServerResponse, viewer: Viewer | null) {
    if (viewer) this.viewers.set(request, viewer);
    await this.tus.handle(request, response);
  }

  private viewerOf(request: TusRequest): Viewer {
    const node = request.runtime?.node?.req;
    const viewer = node ? this.viewers.get(node) : undefined;
    if (!viewer) throw reject(401, 'unauthenticated', 'You need to log in to upload');
    return viewer;
  }

  /** Every request must come from the account that owns the upload's video. */
  private async authorise(request: TusRequest, uploadId: string) {
    const viewer = this.viewerOf(request);
    if (request.method === 'POST' || request.method === 'OPTIONS' || !uploadId) return;
    const video = await this.deps.videos.findByUploadId(uploadId);
    if (!video || video.accountId !== viewer.accountId)
      throw reject(404, 'upload-not-found', 'No such upload');
  }

  private async attachToDraft(request: TusRequest, upload: Upload) {
    const viewer = this.viewerOf(request);
    const videoId = upload.metadata?.videoId;
    if (!videoId || !/^[0-9a-f-]{36}$/.test(videoId)) {
      throw reject(
        400,
        'upload-without-video',
        'Upload-Metadata must name the video',
        'Create the video with POST /api/v1/videos, then send videoId=<id> (base64) in Upload-Metadata.',
      );
    }
    if (upload.sizeIsDeferred) {
      throw reject(
        400,
        'upload-length-required',
        'Upload-Length is required',
        'Deferred lengths are not supported.',
      );
    }
    const isClaimed = await this.deps.videos.claimUpload(
      viewer.accountId,
      videoId,
      upload.id,
      upload.size ?? 0,
    );
    if (!isClaimed) {
      throw reject(
        409,
        'upload-not-allowed',
        'This video cannot take an upload',
        'It is not your draft, or it already has an upload: resume that one instead.',
      );
    }
    if (upload.size === 0) {
      // Nothing will ever arrive to process: the draft fails now, with the reason shown.
      const failure = { code: 'empty-file', reason: 'This file is empty.' };
      await this.deps.videos.markFailed(videoId, null, failure);
      throw reject(
        400,
        'empty-file',
        'This file is empty',
        'Choose the video file again; this one has no bytes.',
      );
    }
    this.deps.log.info({ videoId, uploadId: upload.id, sizeBytes: upload.size }, 'upload started');
    return {};
  }

  /** Moves the finished file into the blob store and starts processing. */
  private async finish(upload: Upload) {
    const video = await this.deps.videos.findByUploadId(upload.id);
    if (!video) return;
    const sourceKey = `${videoBlobPrefix(video)}source/original`;
    await this.deps.blobs.putFile(
      sourceKey,
      path.join(this.deps.uploadDir, upload.id),
      'application/octet-stream',
    );
    await this.deps.videos.markUploaded(video.id, sourceKey);
    await this.store.remove(upload.id).catch(() => undefined);
    this.deps.log.info({ videoId: video.id, uploadId: upload.id }, 'upload finished');
  }

  /** Removes unfinished uploads past their expiry (their drafts are deleted by a job). */
  async deleteExpiredUploads(): Promise<number> {
    return this.tus.cleanUpExpiredUploads();
  }
}
