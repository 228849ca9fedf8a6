// For You's candidate facts, cached in the server: a page ranks some three hundred candidates
// for ten it lists, and reading their facts (video, creator, counters) was the largest statement
// of bench:feed (docs/recommendation.md, "Eighth round (stop 16)"). PostgreSQL stays the truth: entries
// expire, the learner of this process puts the counters it commits, and the page's listed rows
// (listVideos) apply every visibility rule again, so a stale entry can cost a page an item but
// never show what the viewer may not see.
import type { VideoStatsRecord } from '@shortwave/ranking';
import type { CandidateFacts } from './recommendation.records.js';

type Entry = { facts: CandidateFacts; expiresAt: number };

export class CandidateFactsCache {
  // A Map keeps insertion order: the first entries are the oldest, evicted first.
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: {
      /** How late another server's changes (counters, a video made private) may show here. */
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The fresh facts cached for these ids, and the ids to read from PostgreSQL. */
  take(videoIds: readonly string[]): { found: CandidateFacts[]; missing: string[] } {
    const now = this.now();
    const found: CandidateFacts[] = [];
    const missing: string[] = [];
    for (const id of videoIds) {
      const entry = this.entries.get(id);
      if (entry !== undefined && entry.expiresAt > now) found.push(entry.facts);
      else missing.push(id);
    }
    return { found, missing };
  }

  put(facts: readonly CandidateFacts[]): void {
    const expiresAt = this.now() + this.options.ttlMs;
    for (const entry of facts) {
      const id = entry.video.videoId;
      this.entries.delete(id);
      this.entries.set(id, { facts: entry, expiresAt });
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(id);
    }
  }

  /**
   * Counters as the learner committed them. An entry's facts are replaced, never changed, so a page
   * ranking with the old ones is not disturbed. A page's read that began before the commit may
   * put the older counters back afterwards: they are then one group behind until they expire.
   */
  putStats(stats: readonly VideoStatsRecord[]): void {
    for (const record of stats) {
      const entry = this.entries.get(record.videoId);
      if (entry !== undefined) entry.facts = { ...entry.facts, stats: record };
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
