// From the page store's answers to rankForYouPage's inputs: the viewer's strongest tastes, the
// co-watch source bounded to its best few, and each candidate the viewer may see with its facts,
// counters and sources.
import {
  readDecayed,
  type AffinityRecord,
  type CandidateSource,
  type CoWatchRow,
  type ForYouCandidate,
  type ForYouParams,
  type ViewerVideoRecord,
} from '@shortwave/ranking';
import { isVideoVisible } from '../videos/index.js';
import type { CandidateFacts, CandidateProposal } from './recommendation.records.js';

const TASTES_PER_KIND = 5;
// The personal sources are about half their earlier sizes (this 150, the service's per-taste 15
// and followed 60): on the bench:feed instance the share of a page's videos from the viewer's own
// community stayed 96.5 % (96.8 before), at a few ms less per page. Halving the general lists
// (trending, popular, fresh) as well cut that share to 94.1 %, so they stay as they were.
const CO_WATCH_CANDIDATES = 75;

/** The viewer's strongest positive creator and hashtag tastes. */
export function pickTastes(affinities: readonly AffinityRecord[], now: number, halfLifeMs: number) {
  const ranked = affinities
    .map((affinity) => ({ affinity, value: readDecayed(affinity, now, halfLifeMs) }))
    .filter(({ value }) => value > 0)
    .sort((a, b) => b.value - a.value);
  const of = (kind: 'creator' | 'hashtag') =>
    ranked
      .filter(({ affinity }) => affinity.kind === kind)
      .slice(0, TASTES_PER_KIND)
      .map(({ affinity }) => affinity.key);
  return { creators: of('creator'), hashtags: of('hashtag') };
}

/**
 * The co-watch source, bounded: neighbours pre-scored as rankForYouPage will (recency-weighted
 * signal x weight / sqrt(source total)), the best few hundred kept, each with its strongest via.
 */
export function pickCoWatched(
  recent: readonly ViewerVideoRecord[],
  rows: readonly CoWatchRow[],
  params: ForYouParams,
): Map<string, string> {
  const weightOf = new Map<string, number>();
  recent.forEach((record, rank) => {
    if (!weightOf.has(record.videoId) && record.signal !== 0) {
      weightOf.set(record.videoId, Math.pow(params.recencyDecay, rank) * record.signal);
    }
  });
  const scores = new Map<string, { value: number; via: string; best: number }>();
  for (const row of rows) {
    const contribution =
      ((weightOf.get(row.videoId) ?? 0) * row.weight) /
      Math.pow(Math.max(row.videoCoWatchTotal, 1e-9), params.sourceExponent);
    const entry = scores.get(row.neighbourId);
    if (entry === undefined) {
      scores.set(row.neighbourId, { value: contribution, via: row.videoId, best: contribution });
    } else {
      entry.value += contribution;
      if (contribution > entry.best) {
        entry.best = contribution;
        entry.via = row.videoId;
      }
    }
  }
  return new Map(
    [...scores]
      .filter(([, entry]) => entry.value > 0)
      .sort((a, b) => b[1].value - a[1].value)
      .slice(0, CO_WATCH_CANDIDATES)
      .map(([videoId, entry]) => [videoId, entry.via]),
  );
}

/**
 * Every candidate's sources by id: the co-watched picks (with their via) that the page store
 * proposed back as unseen, and the other proposals.
 */
export function collectSources(
  coWatched: ReadonlyMap<string, string>,
  proposals: readonly CandidateProposal[],
  now: number,
  trendingHalfLifeMs: number,
): Map<string, CandidateSource[]> {
  const sources = new Map<string, CandidateSource[]>();
  const add = (videoId: string, source: CandidateSource) => {
    const list = sources.get(videoId);
    if (list === undefined) sources.set(videoId, [source]);
    else list.push(source);
  };
  for (const proposal of proposals) {
    const via = proposal.source === 'co-watched' ? coWatched.get(proposal.videoId) : undefined;
    if (via !== undefined) add(proposal.videoId, { kind: 'co-watched', viaVideoId: via });
  }
  for (const proposal of proposals) {
    const source = toSource(proposal, now, trendingHalfLifeMs);
    if (source !== undefined) add(proposal.videoId, source);
  }
  return sources;
}

/** The viewer's relations that decide which candidates they may see (the page's state read). */
export type ViewerRelations = {
  accountId: string | null;
  hiddenCreatorIds: ReadonlySet<string>;
  mutedAccountIds: ReadonlySet<string>;
  blockedAccountIds: ReadonlySet<string>;
  /** The newest the state read holds: a private creator followed longer ago is left out. */
  followedCreatorIds: ReadonlySet<string>;
};

/**
 * The candidates the viewer may see, as ranking candidates with the sources that proposed them:
 * the videos capability's rule (isVideoVisible) on the cached facts and the viewer's relations,
 * creators they muted or hid left out.
 */
export function toForYouCandidates(
  facts: readonly CandidateFacts[],
  sources: ReadonlyMap<string, readonly CandidateSource[]>,
  viewer: ViewerRelations,
): ForYouCandidate[] {
  const candidates: ForYouCandidate[] = [];
  for (const { video, stats, audience } of facts) {
    const creatorId = video.creatorId;
    if (viewer.hiddenCreatorIds.has(creatorId) || viewer.mutedAccountIds.has(creatorId)) continue;
    const isVisible = isVideoVisible(
      viewer.accountId,
      { accountId: creatorId, visibility: audience.visibility, isPlayable: true },
      {
        // As the SQL twin of the rule has it, a video not ready is hidden from its creator too.
        isTakenDown: !audience.isShown,
        isBlocked: viewer.blockedAccountIds.has(creatorId),
        isPrivateAccount: audience.isPrivateAccount,
        isFollower: viewer.followedCreatorIds.has(creatorId),
      },
    );
    if (isVisible) candidates.push({ video, stats, sources: sources.get(video.videoId) ?? [] });
  }
  return candidates;
}

function toSource(
  proposal: CandidateProposal,
  now: number,
  trendingHalfLifeMs: number,
): CandidateSource | undefined {
  const decayed = () =>
    readDecayed(
      { value: proposal.value ?? 0, updatedAt: proposal.updatedAt ?? now },
      now,
      trendingHalfLifeMs,
    );
  switch (proposal.source) {
    case 'co-watched':
      return undefined;
    case 'followed':
      return { kind: 'followed-creator', creatorId: proposal.key ?? '' };
    case 'creator':
      return { kind: 'creator-affinity', creatorId: proposal.key ?? '' };
    case 'hashtag':
      return { kind: 'hashtag-affinity', hashtag: proposal.key ?? '' };
    case 'trending-region':
      return { kind: 'trending', scope: 'region', value: decayed() };
    case 'trending-language':
      return { kind: 'trending', scope: 'language', value: decayed() };
    case 'trending':
      return proposal.value ? { kind: 'trending', scope: 'global', value: decayed() } : undefined;
    case 'popular':
      return { kind: 'popular' };
    case 'fresh':
      return { kind: 'fresh' };
  }
}
