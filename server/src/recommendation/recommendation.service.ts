// For You: taking in viewing events (learnt in real time by the learner), building a page from
// indexed candidate sources ranked by packages/ranking, and the viewer's controls (history,
// hidden creators, reset). Every visibility rule is the social layer's SQL, applied to every
// candidate.
import {
  addDecayed,
  describeReason,
  mergeForYouCandidates,
  rankForYouPage,
  readDecayed,
  type AffinityRecord,
  type CandidateSource,
  type CoWatchRow,
  type ForYouCandidate,
  type ForYouParams,
  type ViewerEventKind,
  type ViewerFacts,
  type ViewerVideoRecord,
} from '@shortwave/ranking';
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { EngagementService, ListedVideo } from '../engagement/index.js';
import { decodeCursor, encodeCursor, invalidCursor, type Page } from '../platform/http/index.js';
import type { ForYouLearner, LearnResult } from './recommendation.learner.js';
import { toVideoFacts, toVideoStats } from './recommendation.records.js';
import type { CandidateProposal, ForYouPageStore } from './recommendation.page-store.js';
import type { RecommendationStore } from './recommendation.store.js';
import {
  creatorNotHidden,
  unknownVideos,
  watchHistoryEntryNotFound,
} from './recommendation.errors.js';

/** Who asks: an account, or a signed-out visitor known by the id their app keeps. */
export type FeedViewer = {
  /** Key of the model's records: the account id, or a UUIDv5 of the anonymous id. */
  viewerId: string;
  /** Null for signed-out visitors (they see public videos only). */
  accountId: string | null;
  language: string | undefined;
};

export type EventInput = {
  id: string;
  kind: ViewerEventKind;
  videoId: string;
  watchedMs?: number | undefined;
  occurredAt?: number | undefined;
};

export type ForYouItem = { video: ListedVideo; reasons: { kind: string; text: string }[] };

/** How far back a client's own event time may be (sendBeacon flushes late batches). */
const MAX_EVENT_AGE_MS = 24 * 3_600_000;
/** Recent videos whose co-watch neighbours are read (recency weight 0.7^k fades past eight). */
const CO_WATCH_SOURCES = 8;
const NEIGHBOURS_PER_SOURCE = 50;
const CO_WATCH_CANDIDATES = 150;
const TASTES_PER_KIND = 5;
const SERVED_MEMORY = 100;

export class RecommendationService {
  private readonly regions = new Map<string, string>();

  constructor(
    private readonly deps: {
      store: RecommendationStore;
      pages: ForYouPageStore;
      learner: ForYouLearner;
      engagement: EngagementService;
      params: ForYouParams;
      /** This instance's region: signed-out visitors' trending scope. */
      region: string;
      log: Logger;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  // ---- events ----

  async recordEvents(viewer: FeedViewer, events: EventInput[]): Promise<LearnResult> {
    const videoIds = [...new Set(events.map((event) => event.videoId))];
    const rows = await this.deps.store.findVisibleVideos(viewer.accountId, videoIds);
    const videos = new Map(rows.map((row) => [row.id, toVideoFacts(row)]));
    const unknown = videoIds.filter((id) => !videos.has(id));
    if (unknown.length > 0) throw unknownVideos(unknown);
    const now = this.now();
    const last = events.length - 1;
    const facts = await this.viewerFacts(viewer);
    return this.deps.learner.learn(
      facts,
      events.map((event, index) => ({
        eventId: event.id,
        kind: event.kind,
        videoId: event.videoId,
        watchedMs: event.watchedMs,
        // Client times are trusted only within a window; without one, the batch's order is kept.
        at:
          event.occurredAt === undefined
            ? now - (last - index)
            : Math.min(now, Math.max(now - MAX_EVENT_AGE_MS, event.occurredAt)),
      })),
      videos,
    );
  }

  private async viewerFacts(viewer: FeedViewer): Promise<ViewerFacts> {
    let region = this.deps.region;
    if (viewer.accountId !== null) {
      const cached = this.regions.get(viewer.accountId);
      if (cached !== undefined) region = cached;
      else {
        region = (await this.deps.store.readAccountRegion(viewer.accountId)) ?? region;
        if (this.regions.size > 100_000) this.regions.clear();
        this.regions.set(viewer.accountId, region);
      }
    }
    return {
      viewerId: viewer.viewerId,
      region,
      ...(viewer.language === undefined ? {} : { language: viewer.language }),
    };
  }

  // ---- the page ----

  async forYou(viewer: FeedViewer, limit: number, cursor?: string): Promise<Page<ForYouItem>> {
    const { pages, params } = this.deps;
    const now = this.now();
    const { seed, served } = cursor
      ? readForYouCursor(cursor)
      : { seed: randomInt(2 ** 31), served: [] };
    const facts = await this.viewerFacts(viewer);
    const [recent, state] = await Promise.all([
      pages.readRecent(viewer.viewerId, params.historyWindow),
      pages.readViewerState(viewer.viewerId, viewer.accountId, 200),
    ]);
    const tastes = pickTastes(state.affinities, now, params.affinityHalfLifeMs);
    const sources = recent
      .filter((record) => record.signal !== 0)
      .slice(0, CO_WATCH_SOURCES)
      .map((record) => record.videoId);
    const scopes = [`region:${facts.region}`];
    if (facts.language !== undefined) scopes.push(`language:${facts.language}`);
    const [coWatchRows, proposals] = await Promise.all([
      pages.readCoWatchRows(sources, NEIGHBOURS_PER_SOURCE),
      pages.proposeCandidates({
        viewerId: viewer.viewerId,
        servedIds: served,
        followedCreatorIds: [...state.followedCreatorIds],
        tasteCreatorIds: tastes.creators,
        tasteHashtags: tastes.hashtags,
        perTaste: 15,
        followedLimit: 60,
        scopes,
        trendingLimit: 50,
        popularLimit: 50,
        freshLimit: 40,
      }),
    ]);
    const proposed = new Map<string, CandidateSource[]>();
    const propose = (videoId: string, source: CandidateSource) => {
      const list = proposed.get(videoId);
      if (list === undefined) proposed.set(videoId, [source]);
      else list.push(source);
    };
    for (const [videoId, via] of pickCoWatched(recent, coWatchRows, params)) {
      propose(videoId, { kind: 'co-watched', viaVideoId: via });
    }
    for (const proposal of proposals) {
      const source = toSource(proposal, now, params.trendingHalfLifeMs);
      if (source !== undefined) propose(proposal.videoId, source);
    }
    const rows = await pages.readCandidates(
      viewer.accountId,
      viewer.viewerId,
      [...proposed.keys()],
      served,
    );
    const candidates: ForYouCandidate[] = rows.map((row) => ({
      video: toVideoFacts(row),
      stats: toVideoStats(row),
      sources: proposed.get(row.id) ?? [],
    }));
    const page = rankForYouPage(
      {
        viewer: facts,
        now,
        seed: seed + served.length,
        pageSize: limit,
        recent,
        seenVideoIds: new Set(served),
        affinities: state.affinities,
        followedCreatorIds: state.followedCreatorIds,
        hiddenCreatorIds: state.hiddenCreatorIds,
        coWatchRows,
        candidates: mergeForYouCandidates([candidates]),
      },
      params,
    );
    // The candidates' rows are already the listed-video rows: one more query for the counters.
    const rowOf = new Map(rows.map((row) => [row.id, row]));
    const listed = new Map(
      (
        await this.deps.engagement.describe(
          viewer.accountId,
          page.items.flatMap((item) => {
            const row = rowOf.get(item.videoId);
            return row === undefined ? [] : [row];
          }),
        )
      ).map((video) => [video.id, video]),
    );
    const items: ForYouItem[] = [];
    for (const item of page.items) {
      const video = listed.get(item.videoId);
      if (video === undefined) continue;
      items.push({
        video,
        reasons: item.reasons.map((reason) => ({
          kind: reason.kind,
          text: describeReason(reason),
        })),
      });
    }
    const nextServed = [...served, ...page.items.map((item) => item.videoId)].slice(-SERVED_MEMORY);
    // A page the variety rules end short (one creator's videos left) is not the end: the next
    // page may start with what could not follow here. Only an exhausted pool ends the chain.
    const isExhausted = page.items.length === 0 || candidates.length <= page.items.length;
    return {
      items,
      nextCursor: isExhausted ? null : writeForYouCursor(seed, nextServed),
    };
  }

  // ---- control ----

  /** Forgets the viewer's records and tastes (hidden creators stay hidden). */
  async reset(viewer: FeedViewer): Promise<void> {
    const { store } = this.deps;
    await store.transaction(async (trx) => {
      await store.lockViewers(trx, [viewer.viewerId]);
      await store.deleteRecords(trx, viewer.viewerId, 'all');
      await store.deleteAffinities(trx, viewer.viewerId);
    });
  }

  async listHistory(
    viewer: FeedViewer & { accountId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<{ video: ListedVideo; watchedAt: string; watchRatio: number }>> {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listHistory(
      viewer.viewerId,
      limit,
      after ? { lastEventAt: Number(after[0]), videoId: String(after[1]) } : undefined,
    );
    const hasMore = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const videos = new Map(
      (
        await this.deps.engagement.describe(
          viewer.accountId,
          await this.deps.pages.listVideos(
            viewer.accountId,
            pageRows.map((row) => row.videoId),
          ),
        )
      ).map((video) => [video.id, video]),
    );
    const last = pageRows.at(-1);
    return {
      items: pageRows.flatMap((row) => {
        const video = videos.get(row.videoId);
        return video === undefined
          ? []
          : [
              {
                video,
                watchedAt: new Date(row.lastEventAt).toISOString(),
                watchRatio: row.watchRatio,
              },
            ];
      }),
      nextCursor: hasMore && last ? encodeCursor([last.lastEventAt, last.videoId]) : null,
    };
  }

  /**
   * Deletes one watched video (or all) from the history and its influence on the viewer's page:
   * the viewer's tastes are recomputed from the records that remain.
   */
  async deleteHistory(viewer: FeedViewer, videoId?: string): Promise<void> {
    const { store, params } = this.deps;
    await store.transaction(async (trx) => {
      await store.lockViewers(trx, [viewer.viewerId]);
      const deleted = await store.deleteRecords(
        trx,
        viewer.viewerId,
        videoId === undefined ? 'watched' : { videoId },
      );
      if (videoId !== undefined && deleted === 0) throw watchHistoryEntryNotFound();
      const remaining = await store.readAllRecords(trx, viewer.viewerId);
      await store.deleteAffinities(trx, viewer.viewerId);
      await store.addAffinities(trx, recomputeAffinities(remaining, params));
    });
  }

  async listHiddenCreators(viewer: FeedViewer, limit: number, cursor?: string) {
    const after = cursor ? decodeCursor(cursor, 2) : undefined;
    const rows = await this.deps.store.listHiddenCreators(
      viewer.viewerId,
      limit,
      after ? { hiddenAt: Number(after[0]), creatorId: String(after[1]) } : undefined,
    );
    const hasMore = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) => ({
        handle: row.handle,
        displayName: row.displayName,
        hiddenAt: new Date(row.hiddenAt).toISOString(),
      })),
      nextCursor: hasMore && last ? encodeCursor([last.hiddenAt, last.creatorId]) : null,
    };
  }

  /** Shows the creator again: the hidden row and the creator's (negative) taste go. */
  async unhideCreator(viewer: FeedViewer, handle: string): Promise<void> {
    const { store } = this.deps;
    await store.transaction(async (trx) => {
      await store.lockViewers(trx, [viewer.viewerId]);
      const creatorId = await store.deleteHiddenCreator(trx, viewer.viewerId, handle);
      if (creatorId === undefined) throw creatorNotHidden();
      await store.deleteAffinities(trx, viewer.viewerId, creatorId);
    });
  }

  // ---- upkeep (jobs) ----

  pruneCoWatch(keepPerVideo: number): Promise<number> {
    return this.deps.store.pruneNeighbours(keepPerVideo);
  }

  pruneTrending(): Promise<number> {
    return this.deps.store.pruneTrending(this.now(), 1e-3);
  }
}

/** The viewer's strongest positive creator and hashtag tastes. */
function pickTastes(affinities: readonly AffinityRecord[], now: number, halfLifeMs: number) {
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
function pickCoWatched(
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

/**
 * The viewer's tastes as learnFromEvent would have left them had only `records` ever happened:
 * each record's signal (plus the follow / not-interested creator terms) at its last event.
 */
export function recomputeAffinities(
  records: readonly ViewerVideoRecord[],
  params: ForYouParams,
): AffinityRecord[] {
  const sums = new Map<string, AffinityRecord>();
  const add = (
    viewerId: string,
    kind: 'creator' | 'hashtag',
    key: string,
    delta: number,
    at: number,
  ) => {
    if (delta === 0) return;
    const id = `${kind}|${key}`;
    const counter = addDecayed(sums.get(id), delta, at, params.affinityHalfLifeMs);
    sums.set(id, { viewerId, kind, key, ...counter });
  };
  for (const record of records) {
    let creatorDelta = record.signal;
    if (record.isNotInterested) creatorDelta += params.notInterestedCreatorAffinity;
    if (record.isCreatorFollowed) creatorDelta += params.followCreatorAffinity;
    add(record.viewerId, 'creator', record.creatorId, creatorDelta, record.lastEventAt);
    for (const hashtag of record.hashtags) {
      add(record.viewerId, 'hashtag', hashtag, record.signal, record.lastEventAt);
    }
  }
  return [...sums.values()];
}

// The For You cursor: the page seed and the ids already served in this session (never served
// twice, even before the client reports their impressions), packed as 16-byte ids.
function writeForYouCursor(seed: number, served: readonly string[]): string {
  const ids = Buffer.concat(served.map((id) => Buffer.from(id.replaceAll('-', ''), 'hex')));
  return `${seed}.${ids.toString('base64url')}`;
}

function readForYouCursor(cursor: string): { seed: number; served: string[] } {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]*)$/.exec(cursor);
  if (!match) throw invalidCursor();
  const bytes = Buffer.from(match[2]!, 'base64url');
  if (bytes.length % 16 !== 0 || bytes.length / 16 > SERVED_MEMORY) throw invalidCursor();
  const served: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const hex = bytes.subarray(offset, offset + 16).toString('hex');
    served.push(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    );
  }
  return { seed: Number(match[1]), served };
}
