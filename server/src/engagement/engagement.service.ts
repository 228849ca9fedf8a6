// The rules of engagement with a video: likes, favourites, shares and views. Only a viewer who
// may see a video can engage with it; a view counts once per viewer per 24 hours, after a
// minimum watch; counters never go through JavaScript arithmetic.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import type { Queue } from '../platform/queue/index.js';
import {
  presentVideo,
  type PresentedVideo,
  type VideosService,
  type VideoWithCreator,
} from '../videos/index.js';
import type { EngagementStore, VideoStats, ViewerEngagement } from './engagement.store.js';

/** Events other capabilities subscribe to (notifications; later the For You model). */
export const ENGAGEMENT_EVENTS = { liked: 'video.liked', unliked: 'video.unliked' } as const;
export type VideoLikeEvent = { videoId: string; accountId: string; creatorId: string };

/** A view counts after this much watching, or half of a shorter video. */
export const MIN_VIEW_MS = 3_000;

export type ListedVideo = PresentedVideo & { stats: VideoStats; viewerState: ViewerEngagement };

/**
 * Whose view is it: the account, else the client id the app keeps, else a hash of the address
 * and user agent (never stored in the clear).
 */
export function viewerKeyOf(who: {
  accountId?: string | null | undefined;
  clientId?: string | undefined;
  address: string;
  userAgent: string;
}): string {
  if (who.accountId) return `a:${who.accountId}`;
  if (who.clientId) return `c:${who.clientId}`;
  const digest = createHash('sha256').update(`${who.address}\n${who.userAgent}`).digest();
  return `h:${digest.toString('base64url').slice(0, 22)}`;
}

/** Whether `watchedMs` of a video of `durationMs` is enough to count as a view. */
export function isWatchedEnough(watchedMs: number, durationMs: number | null): boolean {
  const threshold = durationMs ? Math.min(MIN_VIEW_MS, durationMs / 2) : MIN_VIEW_MS;
  return watchedMs >= threshold;
}

export class EngagementService {
  constructor(
    private readonly deps: {
      store: EngagementStore;
      videos: VideosService;
      queue: Queue;
      log: Logger;
    },
  ) {}

  async like(viewer: Viewer, videoId: string) {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    await this.deps.store.transaction(async (trx) => {
      if (!(await this.deps.store.insertLike(video.id, viewer.accountId, trx))) return;
      const event: VideoLikeEvent = {
        videoId: video.id,
        accountId: viewer.accountId,
        creatorId: video.accountId,
      };
      await this.deps.queue.publish(ENGAGEMENT_EVENTS.liked, event, { trx });
    });
    return this.engagementOf(viewer.accountId, video.id);
  }

  async unlike(viewer: Viewer, videoId: string) {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    await this.deps.store.transaction(async (trx) => {
      if (!(await this.deps.store.deleteLike(video.id, viewer.accountId, trx))) return;
      const event: VideoLikeEvent = {
        videoId: video.id,
        accountId: viewer.accountId,
        creatorId: video.accountId,
      };
      await this.deps.queue.publish(ENGAGEMENT_EVENTS.unliked, event, { trx });
    });
    return this.engagementOf(viewer.accountId, video.id);
  }

  hasLiked(videoId: string, accountId: string): Promise<boolean> {
    return this.deps.store.hasLiked(videoId, accountId);
  }

  async save(viewer: Viewer, videoId: string) {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    await this.deps.store.insertSave(video.id, viewer.accountId);
    return this.engagementOf(viewer.accountId, video.id);
  }

  async unsave(viewer: Viewer, videoId: string) {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    await this.deps.store.deleteSave(video.id, viewer.accountId);
    return this.engagementOf(viewer.accountId, video.id);
  }

  /**
   * Counts a view: the viewer may see the video, is not its creator, watched long enough, and
   * has not had a view of it counted in the last 24 hours. The future feed-events endpoint
   * calls this too.
   */
  async recordView(
    viewerKey: string,
    viewerId: string | null,
    videoId: string,
    watchedMs: number,
  ): Promise<{ isCounted: boolean; viewCount: number }> {
    const video = await this.deps.videos.getVisible(viewerId, videoId);
    const isCountable =
      viewerId !== video.accountId && isWatchedEnough(watchedMs, video.durationMs);
    const isCounted = isCountable && (await this.countOnce(video.id, 'view', viewerKey));
    const { stats } = await this.engagementOf(viewerId, video.id);
    return { isCounted, viewCount: stats.viewCount };
  }

  /** Counts a share (once per viewer per 24 hours) and returns the link to share. */
  async recordShare(viewerKey: string, viewerId: string | null, videoId: string) {
    const video = await this.deps.videos.getVisible(viewerId, videoId);
    const isCounted = await this.countOnce(video.id, 'share', viewerKey);
    const { stats } = await this.engagementOf(viewerId, video.id);
    return { isCounted, shareCount: stats.shareCount };
  }

  private countOnce(videoId: string, kind: 'view' | 'share', viewerKey: string) {
    return this.deps.store.transaction(async (trx) => {
      if (!(await this.deps.store.markOnce(videoId, kind, viewerKey, trx))) return false;
      await this.deps.store.bump(videoId, kind === 'view' ? 'viewCount' : 'shareCount', trx);
      return true;
    });
  }

  async engagementOf(viewerId: string | null, videoId: string) {
    const [engagement] = await this.deps.store.engagementOf(viewerId, [videoId]);
    return { stats: engagement!.stats, viewerState: engagement!.viewer };
  }

  /** The video after checking the viewer may see it, with its counters and the viewer's state. */
  async getEngagement(viewerId: string | null, videoId: string) {
    const video = await this.deps.videos.getVisible(viewerId, videoId);
    return this.engagementOf(viewerId, video.id);
  }

  /** Presents a page of videos with counters and the viewer's likes and saves (one query). */
  async describe(viewerId: string | null, videos: VideoWithCreator[]): Promise<ListedVideo[]> {
    const engagement = new Map(
      (
        await this.deps.store.engagementOf(
          viewerId,
          videos.map((video) => video.id),
        )
      ).map((row) => [row.videoId, row]),
    );
    return videos.map((video) => {
      const row = engagement.get(video.id)!;
      return { ...presentVideo(video), stats: row.stats, viewerState: row.viewer };
    });
  }

  /** Presents rows of selectListedVideos, which carry their counters and the viewer's state. */
  present(rows: (VideoWithCreator & VideoStats & ViewerEngagement)[]): ListedVideo[] {
    return rows.map((row) => ({
      ...presentVideo(row),
      stats: {
        likeCount: row.likeCount,
        saveCount: row.saveCount,
        commentCount: row.commentCount,
        shareCount: row.shareCount,
        viewCount: row.viewCount,
      },
      viewerState: { hasLiked: row.hasLiked, hasSaved: row.hasSaved },
    }));
  }

  async listSaved(viewer: Viewer, limit: number, cursor?: string): Promise<Page<ListedVideo>> {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listSaved(
      viewer.accountId,
      limit,
      after ? { savedAt: new Date(String(after[0])), videoId: String(after[1]) } : undefined,
    );
    const page = toPage(
      rows,
      limit,
      (row) => [row.savedAt.toISOString(), row.id],
      (row) => row,
    );
    return {
      items: await this.describe(viewer.accountId, page.items),
      nextCursor: page.nextCursor,
    };
  }

  deleteExpiredMarks(): Promise<number> {
    return this.deps.store.deleteExpiredMarks();
  }
}
