// The rules of videos: drafts, edits, deletion, who may see what, and the processing state
// machine (uploading → processing → ready | failed) that the uploads and media capabilities drive.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { DELETE_PENDING_BLOBS_JOB, requestBlobDeletion } from '../platform/blobs/index.js';
import { notify, type RenditionRecord, type VideoRow } from '../platform/db/index.js';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import type { Queue } from '../platform/queue/index.js';
import { parseHashtagsAndMentions } from './caption.js';
import { notYourVideo, videoNotFound } from './videos.errors.js';
import { presentVideo, videoBlobPrefix, type PresentedVideo } from './videos.presenter.js';
import type { VideosStore, VideoWithCreator } from './videos.store.js';
import { canViewVideo, type AudienceLookup } from './visibility.js';

/** Job (and event) a finished upload starts; the media capability handles it. */
export const VIDEO_UPLOADED_JOB = 'video.uploaded';
/** Events other capabilities subscribe to (feed, notifications, federation...). */
export const VIDEO_EVENTS = {
  /** The video is out for its audience: processing finished (sent once, with `ready`). */
  published: 'video.published',
  ready: 'video.ready',
  failed: 'video.failed',
} as const;
export type VideoLifecycleEvent = { videoId: string; accountId: string };

/** NOTIFY channel for processing progress and state changes. */
export const VIDEO_EVENTS_CHANNEL = 'shortwave_video_events';

export type VideoEvent = {
  videoId: string;
  state: VideoRow['state'];
  percent: number;
  isPlayable: boolean;
};

type EditableFields = {
  caption?: string | undefined;
  visibility?: VideoRow['visibility'] | undefined;
  commentsEnabled?: boolean | undefined;
  language?: string | null | undefined;
};

export class VideosService {
  constructor(
    private readonly deps: {
      store: VideosStore;
      queue: Queue;
      /** Follows, blocks, private accounts and takedowns: the social capability answers. */
      audience: AudienceLookup;
      log: Logger;
    },
  ) {}

  async createDraft(viewer: Viewer, fields: EditableFields): Promise<VideoWithCreator> {
    const id = uuidv7();
    const caption = fields.caption ?? '';
    await this.deps.store.insert({
      id,
      accountId: viewer.accountId,
      caption,
      ...parseHashtagsAndMentions(caption),
      visibility: fields.visibility ?? 'public',
      commentsEnabled: fields.commentsEnabled ?? true,
      language: fields.language ?? null,
    });
    return (await this.deps.store.findWithCreator(id))!;
  }

  /** The video if this viewer may see it; otherwise "not found", so hidden videos stay secret. */
  async getVisible(viewerId: string | null, id: string): Promise<VideoWithCreator> {
    const video = await this.deps.store.findWithCreator(id);
    if (!video || !(await canViewVideo(viewerId, video, this.deps.audience))) throw videoNotFound();
    return video;
  }

  canView(
    viewerId: string | null,
    video: Pick<VideoRow, 'id' | 'accountId' | 'visibility' | 'playableAt'>,
  ) {
    return canViewVideo(viewerId, video, this.deps.audience);
  }

  private async getOwn(viewer: Viewer, id: string): Promise<VideoWithCreator> {
    const video = await this.deps.store.findWithCreator(id);
    if (!video) throw videoNotFound();
    if (video.accountId !== viewer.accountId) {
      throw (await this.canView(viewer.accountId, video)) ? notYourVideo() : videoNotFound();
    }
    return video;
  }

  async update(viewer: Viewer, id: string, fields: EditableFields): Promise<VideoWithCreator> {
    await this.getOwn(viewer, id);
    await this.deps.store.update(id, {
      ...(fields.caption !== undefined
        ? { caption: fields.caption, ...parseHashtagsAndMentions(fields.caption) }
        : {}),
      ...(fields.visibility !== undefined ? { visibility: fields.visibility } : {}),
      ...(fields.commentsEnabled !== undefined ? { commentsEnabled: fields.commentsEnabled } : {}),
      ...(fields.language !== undefined ? { language: fields.language } : {}),
    });
    return (await this.deps.store.findWithCreator(id))!;
  }

  /** Deletes the video and every blob of it; a worker processing it notices and stops. */
  async delete(viewer: Viewer, id: string): Promise<void> {
    const video = await this.getOwn(viewer, id);
    await this.deleteVideo(video);
    this.deps.log.info({ videoId: id }, 'video deleted');
  }

  private async deleteVideo(video: Pick<VideoRow, 'id' | 'accountId'>) {
    await this.deps.store.transaction(async (trx) => {
      await requestBlobDeletion(trx, [videoBlobPrefix(video)]);
      await this.deps.store.delete(video.id, trx);
      await this.deps.queue.send(DELETE_PENDING_BLOBS_JOB, {}, { trx });
    });
  }

  async listMine(viewer: Viewer, limit: number, cursor?: string): Promise<Page<PresentedVideo>> {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listByAccount(
      viewer.accountId,
      limit,
      after ? { createdAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
    return toPage(rows, limit, (row) => [row.createdAt.toISOString(), row.id], presentVideo);
  }

  // ---- driven by the uploads capability ----

  claimUpload(
    accountId: string,
    videoId: string,
    uploadId: string,
    sizeBytes: number,
  ): Promise<boolean> {
    return this.deps.store.claimUpload(videoId, accountId, uploadId, sizeBytes);
  }

  findByUploadId(uploadId: string): Promise<VideoRow | undefined> {
    return this.deps.store.findByUploadId(uploadId);
  }

  /** The source is in the blob store: processing starts (the job is enqueued atomically). */
  async markUploaded(videoId: string, sourceKey: string, requestId?: string): Promise<void> {
    await this.deps.store.transaction(async (trx) => {
      const video = await this.deps.store.findForUpdate(videoId, trx);
      if (!video || video.state !== 'uploading') return;
      await this.deps.store.update(
        videoId,
        { state: 'processing', sourceKey, processingPercent: 0 },
        trx,
      );
      await this.deps.queue.send(
        VIDEO_UPLOADED_JOB,
        { videoId, requestId },
        { trx, singletonKey: videoId },
      );
      await notify(trx, VIDEO_EVENTS_CHANNEL, {
        videoId,
        state: 'processing',
        percent: 0,
        isPlayable: false,
      });
    });
  }

  /** Drafts older than `cutoff` whose upload never completed: deleted with their blobs. */
  async deleteAbandonedDrafts(cutoff: Date): Promise<{ id: string; uploadId: string | null }[]> {
    const drafts = await this.deps.store.listAbandonedDrafts(cutoff, 100);
    for (const draft of drafts) await this.deleteVideo(draft);
    return drafts;
  }

  // ---- driven by the media capability ----

  /**
   * Takes the processing lease: a new attempt id, unless a live worker holds a fresh lease.
   * Returns undefined when there is nothing to do (deleted, finished, or someone else's).
   */
  async startProcessingAttempt(
    videoId: string,
    owner: string,
    staleBefore: Date,
    /** A lease holder known to be dead (same host, process gone): its lease is void now. */
    takeOverFrom?: string,
  ): Promise<{ video: VideoRow; attempt: string } | undefined> {
    return this.deps.store.transaction(async (trx) => {
      const video = await this.deps.store.findForUpdate(videoId, trx);
      if (!video || video.state !== 'processing' || !video.sourceKey) return undefined;
      const isLeaseLive =
        video.processingHeartbeatAt !== null &&
        video.processingHeartbeatAt >= staleBefore &&
        video.processingAttempt !== null &&
        !(takeOverFrom !== undefined && video.processingOwner === takeOverFrom);
      if (isLeaseLive) return undefined;
      const attempt = randomUUID().replaceAll('-', '').slice(0, 16);
      const updated = await this.deps.store.update(
        videoId,
        {
          processingAttempt: attempt,
          processingOwner: owner,
          processingHeartbeatAt: new Date(),
          processingPercent: 0,
        },
        trx,
      );
      return { video: updated!, attempt };
    });
  }

  /** Reports progress and renews the lease; false when the attempt is no longer current. */
  async heartbeat(videoId: string, attempt: string, percent: number): Promise<boolean> {
    const isCurrent = await this.deps.store.heartbeat(
      videoId,
      attempt,
      Math.max(0, Math.min(99, Math.round(percent))),
    );
    if (isCurrent) {
      await notify(this.deps.store.db, VIDEO_EVENTS_CHANNEL, {
        videoId,
        state: 'processing',
        percent,
        isPlayable: false,
      });
    }
    return isCurrent;
  }

  async recordSourceFacts(
    videoId: string,
    attempt: string,
    facts: { durationMs: number; width: number; height: number },
  ) {
    await this.updateCurrentAttempt(videoId, attempt, facts);
  }

  /** The first renditions can play: the watch page may start while the rest are encoded. */
  async publishPlayable(
    videoId: string,
    attempt: string,
    renditions: RenditionRecord[],
  ): Promise<boolean> {
    const updated = await this.updateCurrentAttempt(videoId, attempt, {
      mediaRevision: attempt,
      renditions: JSON.stringify(renditions),
      playableAt: new Date(),
    });
    if (updated) await this.notifyState(updated);
    return updated !== undefined;
  }

  /** Every rendition is done: the video is ready, and its source and older attempts go. */
  async markReady(
    videoId: string,
    attempt: string,
    media: {
      renditions: RenditionRecord[];
      posterKey: string;
      thumbnailsKey: string;
      thumbnailsVttKey: string;
      subtitles: { key: string; language: string | null } | null;
    },
    obsoletePrefixes: string[],
  ): Promise<boolean> {
    return this.deps.store.transaction(async (trx) => {
      const video = await this.deps.store.findForUpdate(videoId, trx);
      if (!video || video.processingAttempt !== attempt || video.state !== 'processing')
        return false;
      const now = new Date();
      const updated = await this.deps.store.update(
        videoId,
        {
          state: 'ready',
          mediaRevision: attempt,
          renditions: JSON.stringify(media.renditions),
          posterKey: media.posterKey,
          thumbnailsKey: media.thumbnailsKey,
          thumbnailsVttKey: media.thumbnailsVttKey,
          subtitlesKey: media.subtitles?.key ?? null,
          subtitlesLanguage: media.subtitles?.language ?? null,
          playableAt: video.playableAt ?? now,
          readyAt: now,
          processingPercent: 100,
          sourceKey: null,
          processingHeartbeatAt: null,
        },
        trx,
      );
      await requestBlobDeletion(trx, [
        ...(video.sourceKey ? [video.sourceKey] : []),
        ...obsoletePrefixes,
      ]);
      await this.deps.queue.send(DELETE_PENDING_BLOBS_JOB, {}, { trx });
      // Notifications (ready, mentions) and every other reaction hang on these events; sent in
      // the same transaction, so a crash cannot mark the video ready without them.
      const event: VideoLifecycleEvent = { videoId, accountId: video.accountId };
      await this.deps.queue.publish(VIDEO_EVENTS.published, event, { trx });
      await this.deps.queue.publish(VIDEO_EVENTS.ready, event, { trx });
      await this.notifyState(updated!, trx);
      return true;
    });
  }

  /** Processing failed for good: the reason is shown to the creator; every blob of it goes. */
  async markFailed(
    videoId: string,
    attempt: string | null,
    failure: { code: string; reason: string },
  ): Promise<void> {
    await this.deps.store.transaction(async (trx) => {
      const video = await this.deps.store.findForUpdate(videoId, trx);
      if (!video || video.state === 'ready' || video.state === 'failed') return;
      if (attempt !== null && video.processingAttempt !== attempt) return;
      const updated = await this.deps.store.update(
        videoId,
        {
          state: 'failed',
          failureCode: failure.code,
          failureReason: failure.reason,
          sourceKey: null,
          mediaRevision: null,
          renditions: '[]',
          playableAt: null,
          processingHeartbeatAt: null,
        },
        trx,
      );
      // Nothing of a failed video is kept: the source, partial renditions, all of it.
      await requestBlobDeletion(trx, [videoBlobPrefix(video)]);
      await this.deps.queue.send(DELETE_PENDING_BLOBS_JOB, {}, { trx });
      await this.deps.queue.publish(
        VIDEO_EVENTS.failed,
        { videoId, accountId: video.accountId, ...failure },
        { trx },
      );
      await this.notifyState(updated!, trx);
    });
    this.deps.log.info({ videoId, code: failure.code }, 'video failed');
  }

  listStaleProcessing(staleBefore: Date) {
    return this.deps.store.listStaleProcessing(staleBefore, 50);
  }

  findById(videoId: string): Promise<VideoRow | undefined> {
    return this.deps.store.findById(videoId);
  }

  private async updateCurrentAttempt(
    videoId: string,
    attempt: string,
    changes: Parameters<VideosStore['update']>[1],
  ) {
    return this.deps.store.transaction(async (trx) => {
      const video = await this.deps.store.findForUpdate(videoId, trx);
      if (!video || video.processingAttempt !== attempt || video.state !== 'processing')
        return undefined;
      return this.deps.store.update(videoId, changes, trx);
    });
  }

  private async notifyState(video: VideoRow, trx?: Parameters<typeof notify>[0]) {
    const event: VideoEvent = {
      videoId: video.id,
      state: video.state,
      percent: video.processingPercent,
      isPlayable: video.playableAt !== null,
    };
    await notify(trx ?? this.deps.store.db, VIDEO_EVENTS_CHANNEL, event);
  }
}
