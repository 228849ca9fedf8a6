// Search and hashtags: accounts (fuzzy, accent-insensitive), videos by caption (full text),
// hashtags (prefix and similarity), a typeahead combining them, hashtag pages and trending tags.
import { presentProfile, type Profile } from '../accounts/index.js';
import type { EngagementService, ListedVideo } from '../engagement/index.js';
import type { Page } from '../platform/http/index.js';
import { decodeCursor, toPage } from '../platform/http/index.js';
import { hashtagNotFound } from './search.errors.js';
import type { HashtagCount, ScoreCursor, SearchStore } from './search.store.js';

const MAX_QUERY_WORDS = 8;
const TYPEAHEAD_SIZE = 5;

/** A hashtag as captions store it: without "#", NFKC, lowercase. */
export const normaliseTag = (tag: string) => tag.replace(/^#/, '').normalize('NFKC').toLowerCase();

const readScoreCursor = (cursor: string | undefined): ScoreCursor | undefined => {
  if (!cursor) return undefined;
  const [score, id] = decodeCursor(cursor, 2);
  return { score: String(score), id: String(id) };
};

export class SearchService {
  constructor(private readonly deps: { store: SearchStore; engagement: EngagementService }) {}

  async accounts(viewerId: string | null, query: string, limit: number, cursor?: string) {
    const rows = await this.deps.store.searchAccounts(
      viewerId,
      query.normalize('NFKC').trim(),
      limit,
      readScoreCursor(cursor),
    );
    return toPage(rows, limit, (row) => [row.score, row.id], presentProfile);
  }

  async videos(
    viewerId: string | null,
    query: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<ListedVideo>> {
    const words = (query.normalize('NFKC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(
      0,
      MAX_QUERY_WORDS,
    );
    if (words.length === 0) return { items: [], nextCursor: null };
    const rows = await this.deps.store.searchVideos(
      viewerId,
      words,
      limit,
      readScoreCursor(cursor),
    );
    const page = toPage(
      rows,
      limit,
      (row) => [row.score, row.id],
      (row) => row,
    );
    return {
      items: await this.deps.engagement.describe(viewerId, page.items),
      nextCursor: page.nextCursor,
    };
  }

  hashtags(viewerId: string | null, query: string, limit: number): Promise<HashtagCount[]> {
    const tag = normaliseTag(query.trim());
    return tag ? this.deps.store.searchHashtags(viewerId, tag, limit) : Promise.resolve([]);
  }

  async typeahead(
    viewerId: string | null,
    query: string,
  ): Promise<{ accounts: Profile[]; hashtags: HashtagCount[] }> {
    const [accounts, hashtags] = await Promise.all([
      this.accounts(viewerId, query.replace(/^@/, ''), TYPEAHEAD_SIZE),
      this.hashtags(viewerId, query, TYPEAHEAD_SIZE),
    ]);
    return { accounts: accounts.items, hashtags };
  }

  async hashtag(viewerId: string | null, tag: string): Promise<HashtagCount> {
    const found = await this.deps.store.hashtag(viewerId, normaliseTag(tag));
    if (!found) throw hashtagNotFound(tag);
    return found;
  }

  async hashtagVideos(viewerId: string | null, tag: string, limit: number, cursor?: string) {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listHashtagVideos(
      viewerId,
      normaliseTag(tag),
      limit,
      after ? { readyAt: new Date(String(after[0])), id: String(after[1]) } : undefined,
    );
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

  trending(viewerId: string | null, windowHours: number, limit: number, now = new Date()) {
    const since = new Date(now.getTime() - windowHours * 3_600_000);
    return this.deps.store.trendingHashtags(viewerId, since, limit);
  }
}
