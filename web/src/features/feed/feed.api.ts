// One page of a feed, whichever feed it is. For You reads the recent feed until the
// recommendation server's GET /api/v1/feed/for-you lands; switching is the one line marked below,
// since both answer { items, nextCursor } and For You items carry the reasons they were chosen.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';

export type FeedKind = 'for-you' | 'following';

export type FeedReason = { kind: string; text: string };

export type FeedVideo = { video: Schemas['ListedVideo']; reasons: FeedReason[] };

export type FeedPage = { videos: FeedVideo[]; nextCursor: string | null };

const PAGE_SIZE = 10;

export async function fetchFeedPage(kind: FeedKind, cursor: string | null): Promise<FeedPage> {
  const query = { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  if (kind === 'following') {
    const page = await unwrap(api.GET('/api/v1/feed/following', { params: { query } }));
    return {
      videos: page.items.map((video) => ({ video, reasons: [] })),
      nextCursor: page.nextCursor,
    };
  }
  // For You: becomes `api.GET('/api/v1/feed/for-you', ...)` returning { items: [{ video, reasons }] }.
  const page = await unwrap(api.GET('/api/v1/feed/recent', { params: { query } }));
  return {
    videos: page.items.map((video) => ({ video, reasons: [] })),
    nextCursor: page.nextCursor,
  };
}
