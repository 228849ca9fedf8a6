// One page of a feed, whichever feed it is: For You (ranked for this viewer, each video with the
// reasons it was chosen), Following, Fresh (newest first) and Trending. Before a For You page is
// asked for, the viewing events still queued are sent, so the page reflects them.
import { unwrap, type Schemas } from '@shortwave/api-client';
import { api } from '../../api/client';
import { readClientId } from './engagement.api';
import { flushViewingEvents } from './viewingEvents';

export type FeedKind = 'for-you' | 'following' | 'fresh' | 'trending';

export type FeedReason = Schemas['ForYouReason'];

export type FeedVideo = { video: Schemas['ListedVideo']; reasons: FeedReason[] };

export type FeedPage = { videos: FeedVideo[]; nextCursor: string | null };

const PAGE_SIZE = 10;

export async function fetchFeedPage(kind: FeedKind, cursor: string | null): Promise<FeedPage> {
  const query = { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
  switch (kind) {
    case 'for-you': {
      await flushViewingEvents();
      const anonymousId = readClientId();
      const page = await unwrap(
        api.GET('/api/v1/feed/for-you', {
          params: { query: { ...query, ...(anonymousId ? { anonymousId } : {}) } },
        }),
      );
      return { videos: page.items, nextCursor: page.nextCursor };
    }
    case 'following':
      return withoutReasons(await unwrap(api.GET('/api/v1/feed/following', { params: { query } })));
    case 'fresh':
      return withoutReasons(await unwrap(api.GET('/api/v1/feed/recent', { params: { query } })));
    case 'trending':
      return withoutReasons(await unwrap(api.GET('/api/v1/feed/trending', { params: { query } })));
  }
}

function withoutReasons(page: { items: Schemas['ListedVideo'][]; nextCursor: string | null }) {
  return {
    videos: page.items.map((video) => ({ video, reasons: [] })),
    nextCursor: page.nextCursor,
  };
}

/** Resets what For You has learnt of this viewer (hidden creators stay hidden). */
export async function resetForYou(): Promise<void> {
  const anonymousId = readClientId();
  await unwrap(
    api.POST('/api/v1/feed/for-you/reset', {
      params: { query: anonymousId ? { anonymousId } : {} },
    }),
  );
}
