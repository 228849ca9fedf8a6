// The feeds nobody's taste shapes: Following (accounts you follow) and Recent (everything public),
// both newest first, and Trending (what viewers watch most these days); all respecting every
// visibility rule, none showing accounts you muted.
import type { EngagementService, ListedVideo } from '../engagement/index.js';
import type { CursorValue, Page, Viewer } from '../platform/http/index.js';
import { decodeCursor, invalidCursor, toPage } from '../platform/http/index.js';
import type { VideoWithCreator } from '../videos/index.js';
import type { FeedCursor, FeedStore, TrendingCursor } from './feed.store.js';

const readCursor = (cursor: string | undefined): FeedCursor | undefined => {
  if (!cursor) return undefined;
  const [readyAt, id] = decodeCursor(cursor, 2);
  return { readyAt: new Date(String(readyAt)), id: String(id) };
};

const readTrendingCursor = (cursor: string | undefined): TrendingCursor | undefined => {
  if (!cursor) return undefined;
  const [rankKey, id] = decodeCursor(cursor, 2);
  if (typeof rankKey !== 'number' || !Number.isFinite(rankKey) || typeof id !== 'string')
    throw invalidCursor();
  return { rankKey, id };
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

  async trending(viewerId: string | null, limit: number, cursor?: string) {
    const rows = await this.deps.store.listTrending(viewerId, limit, readTrendingCursor(cursor));
    return this.present(viewerId, rows, limit, (row) => [row.trendingRankKey, row.id]);
  }

  /** A page of listed videos; the cursor is `keyOf` the last row (newest-first feeds by default). */
  private async present<Row extends VideoWithCreator>(
    viewerId: string | null,
    rows: Row[],
    limit: number,
    keyOf: (row: Row) => CursorValue[] = (row) => [row.readyAt!.toISOString(), row.id],
  ) {
    const page = toPage(rows, limit, keyOf, (row) => row);
    return {
      items: await this.deps.engagement.describe(viewerId, page.items),
      nextCursor: page.nextCursor,
    };
  }
}
