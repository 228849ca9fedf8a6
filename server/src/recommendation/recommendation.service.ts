// For You: taking in viewing events (learnt in real time by the learner), building a page from
// indexed candidate sources ranked by packages/ranking, and the viewer's controls (history,
// hidden creators, reset). Candidates are filtered by the videos capability's visibility rule on
// cached facts; the listed ten by the social layer's SQL twin of it.
import {
  addDecayed,
  describeReason,
  rankForYouPage,
  type AffinityRecord,
  type ForYouParams,
  type ViewerEventKind,
  type ViewerFacts,
  type ViewerVideoRecord,
} from '@shortwave/ranking';
import { randomInt } from 'node:crypto';
import type { Logger } from 'pino';
import type { EngagementService, ListedVideo } from '../engagement/index.js';
import { decodeCursor, encodeCursor, type Page } from '../platform/http/index.js';
import { readForYouCursor, SERVED_MEMORY, writeForYouCursor } from './recommendation.cursor.js';
import type { ForYouLearner, LearnResult } from './recommendation.learner.js';
import {
  collectSources,
  pickCoWatched,
  pickTastes,
  toForYouCandidates,
} from './recommendation.page-inputs.js';
import type { CandidateFactsCache } from './recommendation.candidate-cache.js';
import type { ForYouPageStore } from './recommendation.page-store.js';
import type { PagesInFlight } from './recommendation.pages-in-flight.js';
import { toVideoFacts, type CandidateFacts } from './recommendation.records.js';
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

/** A page's stages, in order, as its Server-Timing header names them. */
export type PageStage = 'state' | 'propose' | 'candidates' | 'rank' | 'describe';

/** How far back a client's own event time may be (sendBeacon flushes late batches). */
const MAX_EVENT_AGE_MS = 24 * 3_600_000;
/** Recent videos whose co-watch neighbours are read (recency weight 0.7^k fades past eight). */
const CO_WATCH_SOURCES = 8;
const NEIGHBOURS_PER_SOURCE = 50;

export class RecommendationService {
  private readonly regions = new Map<string, string>();

  constructor(
    private readonly deps: {
      store: RecommendationStore;
      pages: ForYouPageStore;
      /** Candidates' facts, shared with the learner (which puts the counters it commits). */
      candidates: CandidateFactsCache;
      learner: ForYouLearner;
      /** The pages being built, which the learner yields to. */
      pagesInFlight: PagesInFlight;
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

  /** `lap` is called as each stage of the page ends (the route times them for Server-Timing). */
  async forYou(
    viewer: FeedViewer,
    limit: number,
    cursor?: string,
    lap: (stage: PageStage) => void = () => {},
  ): Promise<Page<ForYouItem>> {
    return this.deps.pagesInFlight.around(() => this.buildForYou(viewer, limit, cursor, lap));
  }

  private async buildForYou(
    viewer: FeedViewer,
    limit: number,
    cursor: string | undefined,
    lap: (stage: PageStage) => void,
  ): Promise<Page<ForYouItem>> {
    const { pages, params } = this.deps;
    const now = this.now();
    const { seed, served } = cursor
      ? readForYouCursor(cursor)
      : { seed: randomInt(2 ** 31), served: [] };
    const facts = await this.viewerFacts(viewer);
    const state = await pages.readViewerState(viewer, {
      historyWindow: params.historyWindow,
      followed: 200,
      coWatchSources: CO_WATCH_SOURCES,
      perVideo: NEIGHBOURS_PER_SOURCE,
    });
    lap('state');
    const { recent, coWatchRows } = state;
    const tastes = pickTastes(state.affinities, now, params.affinityHalfLifeMs);
    const scopes = [`region:${facts.region}`];
    if (facts.language !== undefined) scopes.push(`language:${facts.language}`);
    const coWatched = pickCoWatched(recent, coWatchRows, params);
    const proposals = await pages.proposeCandidates({
      viewerId: viewer.viewerId,
      servedIds: served,
      coWatchedIds: [...coWatched.keys()],
      followedCreatorIds: [...state.followedCreatorIds],
      tasteCreatorIds: tastes.creators,
      tasteHashtags: tastes.hashtags,
      perTaste: 10,
      followedLimit: 30,
      scopes,
      trendingLimit: 50,
      popularLimit: 50,
      freshLimit: 40,
    });
    lap('propose');
    const sources = collectSources(coWatched, proposals, now, params.trendingHalfLifeMs);
    const candidates = toForYouCandidates(await this.candidateFacts([...sources.keys()]), sources, {
      ...state,
      accountId: viewer.accountId,
    });
    lap('candidates');
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
        candidates,
      },
      params,
    );
    lap('rank');
    const listed = await this.describeVideos(
      viewer.accountId,
      page.items.map((item) => item.videoId),
    );
    lap('describe');
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

  /** These videos' facts, from the cache, and from PostgreSQL for those it lacks. */
  private async candidateFacts(videoIds: readonly string[]): Promise<CandidateFacts[]> {
    const { found, missing } = this.deps.candidates.take(videoIds);
    if (missing.length === 0) return found;
    const read = await this.deps.pages.readCandidateFacts(missing);
    this.deps.candidates.put(read);
    return [...found, ...read];
  }

  /** The listed shape of these videos that the viewer may still see, by id. */
  private async describeVideos(
    accountId: string | null,
    videoIds: readonly string[],
  ): Promise<Map<string, ListedVideo>> {
    const rows = await this.deps.pages.listVideos(accountId, videoIds);
    const listed = this.deps.engagement.present(rows);
    return new Map(listed.map((video) => [video.id, video]));
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
    const videos = await this.describeVideos(
      viewer.accountId,
      pageRows.map((row) => row.videoId),
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

  pruneTrending(): Promise<number> {
    return this.deps.store.pruneTrending(this.now(), 1e-3);
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
