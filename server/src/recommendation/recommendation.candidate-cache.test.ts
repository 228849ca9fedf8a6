// The candidate cache on its own: what it finds and misses, when entries expire or are evicted,
// and how committed counters replace an entry's.
import { makeEmptyVideoStats, type VideoStatsRecord } from '@shortwave/ranking';
import { describe, expect, it } from 'vitest';
import { CandidateFactsCache } from './recommendation.candidate-cache.js';
import type { CandidateFacts } from './recommendation.records.js';

const facts = (videoId: string, views = 0): CandidateFacts => ({
  video: {
    videoId,
    creatorId: 'creator',
    creatorName: '@creator',
    hashtags: [],
    durationMs: 15_000,
    publishedAt: 0,
    region: 'eu',
    creatorJoinedAt: 0,
  },
  stats: views === 0 ? undefined : stats(videoId, views),
  audience: { visibility: 'public', isPrivateAccount: false, isShown: true },
});

const stats = (videoId: string, views: number): VideoStatsRecord => ({
  ...makeEmptyVideoStats(videoId, 0),
  impressions: views,
  views,
});

function makeCache(maxEntries = 10) {
  const clock = { now: 1_000 };
  const cache = new CandidateFactsCache({ ttlMs: 100, maxEntries, now: () => clock.now });
  return { cache, clock };
}

const idsOf = (found: CandidateFacts[]) => found.map((entry) => entry.video.videoId);

describe('CandidateFactsCache', () => {
  it('finds what was put, and names the rest as missing', () => {
    const { cache } = makeCache();
    cache.put([facts('a'), facts('b')]);
    const { found, missing } = cache.take(['a', 'c', 'b']);
    expect(idsOf(found)).toEqual(['a', 'b']);
    expect(missing).toEqual(['c']);
  });

  it('names an entry as missing once its time is up', () => {
    const { cache, clock } = makeCache();
    cache.put([facts('a')]);
    clock.now += 99;
    expect(cache.take(['a']).missing).toEqual([]);
    clock.now += 1;
    expect(cache.take(['a']).missing).toEqual(['a']);
  });

  it('evicts the oldest put first beyond its size, a put again counting as new', () => {
    const { cache } = makeCache(2);
    cache.put([facts('a'), facts('b')]);
    cache.put([facts('a')]);
    cache.put([facts('c')]);
    expect(cache.size).toBe(2);
    expect(cache.take(['a', 'b', 'c']).missing).toEqual(['b']);
  });

  it('replaces the counters of the entries it holds, leaving the facts a page took alone', () => {
    const { cache } = makeCache();
    cache.put([facts('a', 1)]);
    const before = cache.take(['a']).found[0]!;
    cache.putStats([stats('a', 5), stats('z', 7)]);
    const after = cache.take(['a']).found[0]!;
    expect(after.stats?.views).toBe(5);
    expect(before.stats?.views).toBe(1);
    expect(after.video).toBe(before.video);
    expect(cache.take(['z']).missing).toEqual(['z']);
  });
});
