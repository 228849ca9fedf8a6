// Real-time learning with group commit: event batches from concurrent requests queue up, and one
// loop turns each group into one transaction (per-viewer locks, dedupe by client event id, the
// records learnFromEvent needs read in two queries, its updates summed by key in memory and
// written as one additive upsert per table; the co-watch lists it adds to are locked and merged
// inside PostgreSQL). Before each statement it yields, briefly, to pages being built
// (PagesInFlight). A request returns once its events are committed, so the viewer's next page
// reflects them; the video counters committed go to the pages' candidate cache.
import {
  addDecayed,
  learnFromEvent,
  type AffinityRecord,
  type DecayedCounter,
  type ForYouParams,
  type VideoFacts,
  type ViewerEventKind,
  type ViewerEventUpdates,
  type VideoStatsRecord,
  type ViewerFacts,
  type ViewerVideoRecord,
} from '@shortwave/ranking';
import type { Logger } from 'pino';
import type { CandidateFactsCache } from './recommendation.candidate-cache.js';
import type { PagesInFlight } from './recommendation.pages-in-flight.js';
import type { RecommendationStore, VideoStatsIncrement } from './recommendation.store.js';

export type LearnableEvent = {
  eventId: string;
  kind: ViewerEventKind;
  videoId: string;
  watchedMs: number | undefined;
  at: number;
};

export type LearnResult = { accepted: number; duplicates: number };

type Submission = {
  viewer: ViewerFacts;
  events: LearnableEvent[];
  videos: ReadonlyMap<string, VideoFacts>;
  resolve(result: LearnResult): void;
  reject(error: unknown): void;
};

/** Events per transaction: large enough to amortise, small enough to keep latency low. */
const MAX_EVENTS_PER_GROUP = 5_000;
const DEADLOCK = '40P01';
/**
 * The longest the learner waits for pages before each of a group's ten statements: at most
 * 250 ms a group, so a viewer's events still reach their next page within a second. On
 * bench:feed (6,000 events/s) the page p50 while events arrived fell from 39-67 to 31-47 ms
 * (docs/recommendation.md, "Seventh round").
 */
const YIELD_TO_PAGES_MS = 25;
/** With this many requests' batches queued behind the group, it stops yielding and catches up. */
const MAX_BATCHES_WAITING_TO_YIELD = 10;

export class ForYouLearner {
  private readonly pending: Submission[] = [];
  private isRunning = false;

  constructor(
    private readonly deps: {
      store: RecommendationStore;
      params: ForYouParams;
      log: Logger;
      pages: PagesInFlight;
      /** Where the counters it commits go, so that this server's next page ranks with them. */
      candidates: CandidateFactsCache;
    },
  ) {}

  /** Learns from a viewer's events; resolves once they are committed. */
  learn(
    viewer: ViewerFacts,
    events: LearnableEvent[],
    videos: ReadonlyMap<string, VideoFacts>,
  ): Promise<LearnResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ viewer, events, videos, resolve, reject });
      if (!this.isRunning) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.isRunning = true;
    try {
      while (this.pending.length > 0) {
        const group: Submission[] = [];
        let size = 0;
        while (this.pending.length > 0 && (group.length === 0 || size < MAX_EVENTS_PER_GROUP)) {
          const next = this.pending.shift()!;
          group.push(next);
          size += next.events.length;
        }
        try {
          const results = await this.learnGroupWithRetry(group);
          group.forEach((submission, index) => submission.resolve(results[index]!));
        } catch (error) {
          for (const submission of group) submission.reject(error);
        }
      }
    } finally {
      this.isRunning = false;
    }
  }

  private async learnGroupWithRetry(group: Submission[]): Promise<LearnResult[]> {
    try {
      return await this.learnGroup(group);
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK) throw error;
      this.deps.log.warn({ events: group.length }, 'deadlock while learning, retrying once');
      return this.learnGroup(group);
    }
  }

  private async learnGroup(group: Submission[]): Promise<LearnResult[]> {
    const { store, params, pages } = this.deps;
    let committedStats: VideoStatsRecord[] = [];
    const yieldToPages = () =>
      this.pending.length < MAX_BATCHES_WAITING_TO_YIELD
        ? pages.yieldTo(YIELD_TO_PAGES_MS)
        : undefined;
    const results = await store.transaction(async (trx) => {
      const viewerIds = [...new Set(group.map((s) => s.viewer.viewerId))];
      await yieldToPages();
      await store.lockViewers(trx, viewerIds);
      await yieldToPages();
      const fresh = await store.insertEvents(
        trx,
        group.flatMap((s) =>
          s.events.map((event) => ({
            viewerId: s.viewer.viewerId,
            eventId: event.eventId,
            videoId: event.videoId,
            kind: event.kind,
            watchedMs: event.watchedMs ?? null,
            occurredAt: Math.round(event.at),
          })),
        ),
      );
      // The first occurrence of a new key is learnt; any later copy (even in this group) is not.
      const results: LearnResult[] = [];
      const toLearn: { submission: Submission; event: LearnableEvent }[] = [];
      for (const submission of group) {
        let accepted = 0;
        for (const event of submission.events) {
          const key = `${submission.viewer.viewerId}:${event.eventId}`;
          if (fresh.delete(key)) {
            accepted += 1;
            toLearn.push({ submission, event });
          }
        }
        results.push({ accepted, duplicates: submission.events.length - accepted });
      }
      if (toLearn.length === 0) return results;

      const pairs = new Map<string, { viewerId: string; videoId: string }>();
      for (const { submission, event } of toLearn) {
        const viewerId = submission.viewer.viewerId;
        pairs.set(`${viewerId}:${event.videoId}`, { viewerId, videoId: event.videoId });
      }
      const learning = new GroupState(params);
      await yieldToPages();
      learning.addRecords(await store.readRecords(trx, [...pairs.values()]));
      await yieldToPages();
      learning.addRecent(
        await store.readRecentPositive(
          trx,
          [...new Set(toLearn.map((entry) => entry.submission.viewer.viewerId))],
          params.coWatchWindow + 1,
        ),
      );
      for (const { submission, event } of toLearn) {
        const video = submission.videos.get(event.videoId)!;
        learning.learn(submission.viewer, video, {
          ...event,
          viewerId: submission.viewer.viewerId,
        });
      }
      await yieldToPages();
      await store.replaceRecords(trx, [...learning.changedRecords.values()]);
      await yieldToPages();
      await store.addAffinities(trx, learning.affinityRows());
      await yieldToPages();
      await store.insertHiddenCreators(trx, learning.hiddenCreators);
      await yieldToPages();
      committedStats = await store.addVideoStats(trx, [...learning.stats.values()]);
      await yieldToPages();
      await store.addCoWatch(trx, learning.coWatch, params.coWatchCapacity);
      await yieldToPages();
      await store.addTrending(trx, learning.trendingRows());
      return results;
    });
    this.deps.candidates.putStats(committedStats);
    return results;
  }
}

/** The records one group reads and changes, and its updates summed by key. */
class GroupState {
  private readonly records = new Map<string, ViewerVideoRecord>();
  private readonly recent = new Map<string, ViewerVideoRecord[]>();
  readonly changedRecords = new Map<string, ViewerVideoRecord>();
  private readonly affinities = new Map<
    string,
    { row: Omit<AffinityRecord, keyof DecayedCounter>; counter: DecayedCounter }
  >();
  readonly stats = new Map<string, VideoStatsIncrement>();
  /** Co-watch weight increments: video id -> neighbour id -> increment. */
  readonly coWatch = new Map<string, Map<string, number>>();
  private readonly trending = new Map<
    string,
    { scope: string; videoId: string; counter: DecayedCounter }
  >();
  readonly hiddenCreators: { viewerId: string; creatorId: string; at: number }[] = [];

  constructor(private readonly params: ForYouParams) {}

  addRecords(records: readonly ViewerVideoRecord[]): void {
    for (const record of records) this.records.set(`${record.viewerId}:${record.videoId}`, record);
  }

  /** Records arrive grouped by viewer, newest first. */
  addRecent(records: readonly ViewerVideoRecord[]): void {
    for (const record of records) {
      const list = this.recent.get(record.viewerId);
      if (list === undefined) this.recent.set(record.viewerId, [record]);
      else list.push(record);
    }
  }

  learn(
    viewer: ViewerFacts,
    video: VideoFacts,
    event: LearnableEvent & { viewerId: string },
  ): void {
    const key = `${viewer.viewerId}:${video.videoId}`;
    const recent = this.recent.get(viewer.viewerId) ?? [];
    const updates = learnFromEvent(
      {
        event: {
          kind: event.kind,
          viewerId: viewer.viewerId,
          videoId: video.videoId,
          at: event.at,
          ...(event.watchedMs === undefined ? {} : { watchedMs: event.watchedMs }),
        },
        video,
        viewer,
        previous: this.records.get(key),
        recent,
      },
      this.params,
    );
    const record = updates.viewerVideo;
    this.records.set(key, record);
    this.changedRecords.set(key, record);
    const others = recent.filter((entry) => entry.videoId !== record.videoId);
    if (record.signal > 0) others.unshift(record);
    this.recent.set(viewer.viewerId, others.slice(0, this.params.coWatchWindow + 1));
    this.sum(updates);
  }

  private sum(updates: ViewerEventUpdates): void {
    const { affinityHalfLifeMs, trendingHalfLifeMs } = this.params;
    for (const delta of updates.affinities) {
      const key = `${delta.viewerId}|${delta.kind}|${delta.key}`;
      const entry = this.affinities.get(key);
      const counter = addDecayed(entry?.counter, delta.delta, delta.at, affinityHalfLifeMs);
      this.affinities.set(key, {
        row: { viewerId: delta.viewerId, kind: delta.kind, key: delta.key },
        counter,
      });
    }
    for (const delta of updates.videoStats) {
      let row = this.stats.get(delta.videoId);
      if (row === undefined) {
        row = {
          videoId: delta.videoId,
          impressions: 0,
          views: 0,
          watchRatioSum: 0,
          completions: 0,
          quickSkips: 0,
          likes: 0,
          comments: 0,
          shares: 0,
          saves: 0,
          follows: 0,
          notInterested: 0,
          popularity: 0,
          coWatchTotal: 0,
          trendingValue: 0,
          trendingUpdatedAt: 0,
        };
        this.stats.set(delta.videoId, row);
      }
      row.impressions += delta.impressions ?? 0;
      row.views += delta.views ?? 0;
      row.watchRatioSum += delta.watchRatioSum ?? 0;
      row.completions += delta.completions ?? 0;
      row.quickSkips += delta.quickSkips ?? 0;
      row.likes += delta.likes ?? 0;
      row.comments += delta.comments ?? 0;
      row.shares += delta.shares ?? 0;
      row.saves += delta.saves ?? 0;
      row.follows += delta.follows ?? 0;
      row.notInterested += delta.notInterested ?? 0;
      row.popularity += delta.popularity ?? 0;
      row.coWatchTotal += delta.coWatchTotal ?? 0;
      if (delta.trending !== undefined && delta.trending !== 0) {
        const counter = addDecayed(
          row.trendingValue === 0
            ? undefined
            : { value: row.trendingValue, updatedAt: row.trendingUpdatedAt },
          delta.trending,
          delta.at,
          trendingHalfLifeMs,
        );
        row.trendingValue = counter.value;
        row.trendingUpdatedAt = counter.updatedAt;
      }
    }
    for (const pair of updates.neighbours) {
      let increments = this.coWatch.get(pair.videoId);
      if (increments === undefined)
        this.coWatch.set(pair.videoId, (increments = new Map<string, number>()));
      increments.set(pair.neighbourId, (increments.get(pair.neighbourId) ?? 0) + pair.weight);
    }
    for (const delta of updates.trending) {
      const key = `${delta.scope}|${delta.videoId}`;
      const entry = this.trending.get(key);
      this.trending.set(key, {
        scope: delta.scope,
        videoId: delta.videoId,
        counter: addDecayed(entry?.counter, delta.delta, delta.at, trendingHalfLifeMs),
      });
    }
    if (updates.hiddenCreator !== undefined) this.hiddenCreators.push(updates.hiddenCreator);
  }

  affinityRows(): AffinityRecord[] {
    return [...this.affinities.values()].map(({ row, counter }) => ({ ...row, ...counter }));
  }

  trendingRows() {
    return [...this.trending.values()].map(({ scope, videoId, counter }) => ({
      scope,
      videoId,
      ...counter,
    }));
  }
}
