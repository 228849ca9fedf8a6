import { describe, expect, it } from 'vitest';
import {
  collectForYouPageRequest,
  createMemoryForYouStore,
  describeReason,
  makeForYouParams,
  rankForYouPage,
} from './index.js';
import type { ForYouPageRequest, MemoryForYouStore, VideoFacts, ViewerEventKind } from './index.js';

const NOW = Date.UTC(2026, 0, 10);
const params = makeForYouParams({ explorationRate: 0 });

function makeVideo(videoId: string, creatorId: string, hashtags: string[]): VideoFacts {
  return { videoId, creatorId, hashtags, durationMs: 20_000, publishedAt: NOW - 86_400_000 };
}

/** 8 #cats videos and 8 #dogs videos by 16 creators, each watched once by a stranger. */
function makeCatalogue(store: MemoryForYouStore): Map<string, VideoFacts> {
  const videos = new Map<string, VideoFacts>();
  for (let index = 0; index < 8; index += 1) {
    videos.set(`cat-${index}`, makeVideo(`cat-${index}`, `cat-creator-${index}`, ['cats']));
    videos.set(`dog-${index}`, makeVideo(`dog-${index}`, `dog-creator-${index}`, ['dogs']));
  }
  let minute = 0;
  for (const video of videos.values()) {
    act(
      store,
      video,
      `stranger-${video.videoId}`,
      'completion',
      NOW - 3_600_000 + (minute += 60_000),
    );
  }
  return videos;
}

function act(
  store: MemoryForYouStore,
  video: VideoFacts,
  viewerId: string,
  kind: ViewerEventKind,
  at: number,
): void {
  store.learnFromViewerEvent({ kind, viewerId, videoId: video.videoId, at }, video, { viewerId });
}

function askPage(
  store: MemoryForYouStore,
  viewerId: string,
  now: number,
  pageSize = 6,
): ForYouPageRequest {
  return collectForYouPageRequest(store, { viewer: { viewerId }, now, seed: 7, pageSize });
}

describe('the For You model', () => {
  it('gives a viewer who completes #cats videos more #cats videos on the next page', () => {
    const store = createMemoryForYouStore(params);
    const videos = makeCatalogue(store);
    const countCats = (request: ForYouPageRequest): number =>
      rankForYouPage(request, params).items.filter((item) => item.videoId.startsWith('cat-'))
        .length;
    const before = countCats(askPage(store, 'ana', NOW));
    act(store, videos.get('cat-0')!, 'ana', 'completion', NOW + 1_000);
    act(store, videos.get('cat-1')!, 'ana', 'completion', NOW + 2_000);
    const after = countCats(askPage(store, 'ana', NOW + 3_000));
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThanOrEqual(5);
  });

  it('explains a #cats pick with the hashtag the viewer watched to the end', () => {
    const store = createMemoryForYouStore(params);
    const videos = makeCatalogue(store);
    act(store, videos.get('cat-0')!, 'ana', 'completion', NOW + 1_000);
    const page = rankForYouPage(askPage(store, 'ana', NOW + 2_000), params);
    const first = page.items[0]!;
    expect(first.videoId).toMatch(/^cat-/);
    const sentences = first.reasons.map(describeReason);
    expect(sentences).toContain('You watched #cats videos to the end');
  });

  it('removes a creator from the very next page after "not interested" on one of their videos', () => {
    const store = createMemoryForYouStore(params);
    const videos = makeCatalogue(store);
    const extra = makeVideo('cat-0-again', 'cat-creator-0', ['cats']);
    act(store, extra, 'stranger-x', 'completion', NOW - 1_000);
    act(store, videos.get('cat-1')!, 'ana', 'completion', NOW + 1_000);
    const before = rankForYouPage(askPage(store, 'ana', NOW + 2_000, 10), params);
    expect(before.items.some((item) => item.creatorId === 'cat-creator-0')).toBe(true);
    act(store, videos.get('cat-0')!, 'ana', 'not-interested', NOW + 3_000);
    const after = rankForYouPage(askPage(store, 'ana', NOW + 4_000, 10), params);
    expect(after.items.some((item) => item.creatorId === 'cat-creator-0')).toBe(false);
  });

  it('never shows videos of a hidden creator or videos the viewer has already seen', () => {
    const store = createMemoryForYouStore(params);
    const videos = makeCatalogue(store);
    act(store, videos.get('dog-0')!, 'ana', 'impression', NOW + 1_000);
    act(store, videos.get('dog-1')!, 'ana', 'hide-creator', NOW + 2_000);
    const page = rankForYouPage(askPage(store, 'ana', NOW + 3_000, 16), params);
    const shown = page.items.map((item) => item.videoId);
    expect(shown).not.toContain('dog-0');
    expect(page.items.some((item) => item.creatorId === 'dog-creator-1')).toBe(false);
  });

  it('keeps a creator skipped again and again for when nothing else is left, unlike "not interested"', () => {
    const store = createMemoryForYouStore(params);
    const skipped = Array.from({ length: 12 }, (_, i) => makeVideo(`skip-${i}`, 'skipped', []));
    const dismissed = Array.from({ length: 3 }, (_, i) => makeVideo(`gone-${i}`, 'dismissed', []));
    const other = makeVideo('other-0', 'other', []);
    for (const video of [...skipped, ...dismissed, other])
      act(store, video, 'stranger', 'completion', NOW - 60_000);
    // Ten quick skips put the creator below the exclusion line; one "not interested" far below.
    for (let i = 0; i < 10; i += 1) act(store, skipped[i]!, 'ana', 'quick-skip', NOW + i);
    act(store, dismissed[0]!, 'ana', 'not-interested', NOW + 20);
    const affinity = (creator: string) =>
      store.readAffinities('ana').find((a) => a.kind === 'creator' && a.key === creator)!.value;
    expect(affinity('skipped')).toBeLessThan(params.excludedCreatorAffinity);
    expect(affinity('skipped')).toBeGreaterThan(params.notInterestedCreatorAffinity);
    expect(affinity('dismissed')).toBeLessThan(params.notInterestedCreatorAffinity);

    const page = rankForYouPage(askPage(store, 'ana', NOW + 1_000, 10), params);
    // The other creator first; then the skipped creator's last videos, not an empty feed.
    expect(page.items.map((item) => item.videoId)).toEqual(['other-0', 'skip-10']);
    expect(page.items.some((item) => item.creatorId === 'dismissed')).toBe(false);
  });

  it('turns a quick skip into a negative signal for the creator', () => {
    const store = createMemoryForYouStore(params);
    const videos = makeCatalogue(store);
    act(store, videos.get('dog-2')!, 'ana', 'quick-skip', NOW + 1_000);
    const updates = store
      .readAffinities('ana')
      .find((affinity) => affinity.key === 'dog-creator-2');
    expect(updates?.value).toBeLessThan(0);
  });

  it('updates co-watch neighbours and popularity within the same event', () => {
    const store = createMemoryForYouStore(params);
    const videos = makeCatalogue(store);
    act(store, videos.get('cat-0')!, 'ana', 'completion', NOW + 1_000);
    const updates = store.learnFromViewerEvent(
      { kind: 'completion', viewerId: 'ana', videoId: 'dog-5', at: NOW + 2_000 },
      videos.get('dog-5')!,
      { viewerId: 'ana' },
    );
    expect(updates.neighbours).toContainEqual(
      expect.objectContaining({ videoId: 'cat-0', neighbourId: 'dog-5' }),
    );
    expect(store.readVideoStats('dog-5')?.popularity).toBe(2);
  });
});

describe('the For You page', () => {
  const request = (seed: number, withFresh: boolean): ForYouPageRequest => {
    const candidates = [];
    for (let index = 0; index < 12; index += 1) {
      const creatorId = index < 8 ? 'busy-creator' : `creator-${index}`;
      candidates.push({
        video: makeVideo(`v${index}`, creatorId, ['clips']),
        stats: undefined,
        sources: [{ kind: 'trending' as const, scope: 'global' as const, value: 100 - index }],
      });
    }
    if (withFresh) {
      candidates.push({
        video: makeVideo('fresh', 'newcomer', []),
        stats: undefined,
        sources: [{ kind: 'fresh' as const }],
      });
    }
    return {
      viewer: { viewerId: 'ana' },
      now: NOW,
      seed,
      pageSize: 6,
      recent: [],
      seenVideoIds: new Set(),
      affinities: [],
      followedCreatorIds: new Set(),
      hiddenCreatorIds: new Set(),
      coWatchRows: [],
      candidates,
    };
  };

  it('never puts the same creator twice in a row, even when one creator has the best videos', () => {
    const page = rankForYouPage(request(1, false), params);
    expect(page.items.length).toBeGreaterThan(4);
    page.items.forEach((item, index) => {
      if (index > 0) expect(item.creatorId).not.toBe(page.items[index - 1]!.creatorId);
    });
  });

  it('explores fresh uploads reproducibly for a given seed', () => {
    const exploring = makeForYouParams({ explorationRate: 0.5 });
    const first = rankForYouPage(request(3, true), exploring).items.map((item) => item.videoId);
    const again = rankForYouPage(request(3, true), exploring).items.map((item) => item.videoId);
    expect(again).toEqual(first);
    const pages = [1, 2, 3, 4, 5, 6].map((seed) => rankForYouPage(request(seed, true), exploring));
    const explored = pages.flatMap((page) => page.items.filter((item) => item.isExploration));
    expect(explored.length).toBeGreaterThan(0);
    expect(explored[0]!.reasons[0]).toEqual({ kind: 'fresh-upload' });
  });

  it('ranks a cold-start viewer by what is trending', () => {
    const page = rankForYouPage(request(1, false), params);
    expect(page.items[0]!.videoId).toBe('v0');
    expect(describeReason(page.items[0]!.reasons[0]!)).toBe('Trending on Shortwave');
  });
});
