// The chronological feeds: Following (accounts you follow) and Recent (everything public), both
// newest first, both respecting every visibility rule, neither showing accounts you muted.
import type { EngagementService, ListedVideo } from '../engagement/index.js';
import type { Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import type { VideoWithCreator } from '../videos/index.js';
import type { FeedCursor, FeedStore } from './feed.store.js';

const readCursor = (cursor: string | undefined): FeedCursor | undefined => {
  if (!cursor) return undefined;
  const [readyAt, id] = decodeCursor(cursor, 2);
  return { readyAt: new Date(String(readyAt)), id: String(id) };
};

export class FeedService {
  constructor(private readonly deps: { store: FeedStore; engagement: EngagementService }) {}

  async following(viewer: Viewer, limit: number, cursor?: string): Promise<Page<ListedVideo>> {
    const rows = await this.deps.store.listFollowing(viewer.accountId, limit, readCursor(cursor));
    return this.present(viewer.accountId, rows, limit);
  }

  async recent(viewerId: string | null, limit: number, cursor?: string) {
    const rows = await this.deps.store.listRecent(viewerId, limit, readCursor(cursor));
    return this.present(viewerId, rows, limit);
  }

  private async present(viewerId: string | null, rows: VideoWithCreator[], limit: number) {
    const page = toPage(
      rows,
      limit,
      (row) => [row.readyAt!.toISOString(), row.id],
      (row) => row,
    );
    return {
      items: await this.deps.engagement.describe(viewerId, page.items),
      nextCursor: page.nextCursor,
    };
  }
}
