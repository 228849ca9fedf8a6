// Why a video is on the page, as data the client can show and the viewer can act on, plus the
// sentence for each reason.
import type { ScoredCandidate } from './score.js';
import type { TrendingScope } from './candidates.js';

export type ForYouReason =
  | { kind: 'followed-creator'; creatorId: string; creatorName: string }
  | { kind: 'watched-creator'; creatorId: string; creatorName: string }
  | { kind: 'watched-hashtag'; hashtag: string }
  | { kind: 'co-watched'; videoId: string }
  | { kind: 'trending'; scope: TrendingScope; place: string | undefined }
  | { kind: 'popular' }
  | { kind: 'fresh-upload' }
  | { kind: 'new-creator'; creatorId: string; creatorName: string }
  | { kind: 'exploration' };

const NEW_CREATOR_MS = 30 * 24 * 3_600_000;

/** Up to `limit` reasons for a scored candidate, strongest contribution first. */
export function explainForYouCandidate(
  scored: ScoredCandidate,
  context: {
    region: string | undefined;
    language: string | undefined;
    now: number;
    isExploration: boolean;
  },
  limit = 2,
): ForYouReason[] {
  const { video } = scored.candidate;
  const creatorName = video.creatorName ?? video.creatorId;
  const ranked: { weight: number; reason: ForYouReason }[] = [];
  const add = (weight: number, reason: ForYouReason): void => {
    if (weight > 0) ranked.push({ weight, reason });
  };
  const { parts } = scored;
  add(parts.followed, { kind: 'followed-creator', creatorId: video.creatorId, creatorName });
  add(parts.creatorAffinity, { kind: 'watched-creator', creatorId: video.creatorId, creatorName });
  if (scored.topHashtag !== undefined) {
    add(parts.hashtagAffinity, { kind: 'watched-hashtag', hashtag: scored.topHashtag });
  }
  if (scored.coWatchVia !== undefined)
    add(parts.coWatch, { kind: 'co-watched', videoId: scored.coWatchVia });
  if (scored.trendingScope !== undefined) {
    const place =
      scored.trendingScope === 'region'
        ? context.region
        : scored.trendingScope === 'language'
          ? context.language
          : undefined;
    add(parts.trending, { kind: 'trending', scope: scored.trendingScope, place });
  }
  add(parts.popularity, { kind: 'popular' });
  ranked.sort((a, b) => b.weight - a.weight);
  const reasons = ranked.slice(0, limit).map((entry) => entry.reason);
  if (context.isExploration) {
    const isNewCreator =
      video.creatorJoinedAt !== undefined && context.now - video.creatorJoinedAt < NEW_CREATOR_MS;
    reasons.unshift(
      isNewCreator
        ? { kind: 'new-creator', creatorId: video.creatorId, creatorName }
        : { kind: 'fresh-upload' },
    );
  }
  if (reasons.length === 0) reasons.push({ kind: 'exploration' });
  return reasons.slice(0, limit);
}

/** The sentence shown under "Why am I seeing this?". */
export function describeReason(reason: ForYouReason): string {
  switch (reason.kind) {
    case 'followed-creator':
      return `You follow ${reason.creatorName}`;
    case 'watched-creator':
      return `You often watch ${reason.creatorName}`;
    case 'watched-hashtag':
      return `You watched #${reason.hashtag} videos to the end`;
    case 'co-watched':
      return 'Viewers who watched a video you just watched also watched this';
    case 'trending':
      if (reason.scope === 'region') return 'Trending in your region';
      if (reason.scope === 'language') return 'Trending in your language';
      return 'Trending on Shortwave';
    case 'popular':
      return 'Popular on Shortwave';
    case 'fresh-upload':
      return 'A new upload getting its first views';
    case 'new-creator':
      return `New creator: ${reason.creatorName}`;
    case 'exploration':
      return 'Something different to explore';
  }
}
