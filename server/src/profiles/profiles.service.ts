// Profile pages: the video grid (pinned videos first, then newest first), pinning, and the counts
// a profile shows. A private account shows its grid to approved followers only.
import type { EngagementService, ListedVideo } from '../engagement/index.js';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import { privateAccount, type Relationship, type SocialService } from '../social/index.js';
import type { VideosService } from '../videos/index.js';
import { notPinnable, tooManyPins } from './profiles.errors.js';
import type { GridCursor, ProfilesStore } from './profiles.store.js';

export const MAX_PINNED_VIDEOS = 3;

export type ProfileVideo = ListedVideo & { isPinned: boolean };
export type ProfileStats = {
  followerCount: number;
  followingCount: number;
  likeCount: number;
  videoCount: number;
  isPrivate: boolean;
  canSeeVideos: boolean;
  relationship: Relationship | null;
};

const readCursor = (cursor: string | undefined): GridCursor | undefined => {
  if (!cursor) return undefined;
  const [readyAt, id] = decodeCursor(cursor, 2);
  return { readyAt: new Date(String(readyAt)), id: String(id) };
};

export class ProfilesService {
  constructor(
    private readonly deps: {
      store: ProfilesStore;
      social: SocialService;
      engagement: EngagementService;
      videos: VideosService;
    },
  ) {}

  /** The first page starts with the pinned videos (at most three), then `limit` others. */
  async listVideos(
    viewerId: string | null,
    handle: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<ProfileVideo>> {
    const { social, store, engagement } = this.deps;
    const account = await social.getVisibleAccount(viewerId, handle);
    if (!(await social.canSeeContentOf(viewerId, account))) throw privateAccount(account.handle);
    const pinned = cursor ? [] : await store.listPinned(account.id, viewerId);
    const rows = await store.listUnpinned(account.id, viewerId, limit, readCursor(cursor));
    const page = toPage(
      rows,
      limit,
      (row) => [row.readyAt!.toISOString(), row.id],
      (row) => row,
    );
    const items = await engagement.describe(viewerId, [...pinned, ...page.items]);
    return {
      items: items.map((item, index) => ({ ...item, isPinned: index < pinned.length })),
      nextCursor: page.nextCursor,
    };
  }

  async stats(viewerId: string | null, handle: string): Promise<ProfileStats> {
    const { social, store } = this.deps;
    const account = await social.getVisibleAccount(viewerId, handle);
    const [follows, counts, canSeeVideos, relationship] = await Promise.all([
      social.countsOf(account.id),
      store.countsOf(account.id, viewerId),
      social.canSeeContentOf(viewerId, account),
      viewerId && viewerId !== account.id ? social.relationshipWith(viewerId, account.id) : null,
    ]);
    return { ...follows, ...counts, isPrivate: account.isPrivate, canSeeVideos, relationship };
  }

  async pin(viewer: Viewer, videoId: string): Promise<void> {
    const video = await this.deps.videos.getVisible(viewer.accountId, videoId);
    if (video.accountId !== viewer.accountId || video.state !== 'ready') throw notPinnable();
    const outcome = await this.deps.store.pin(viewer.accountId, video.id, MAX_PINNED_VIDEOS);
    if (outcome === 'full') throw tooManyPins(MAX_PINNED_VIDEOS);
  }

  async unpin(viewer: Viewer, videoId: string): Promise<void> {
    await this.deps.store.unpin(viewer.accountId, videoId);
  }
}
