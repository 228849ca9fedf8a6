// For You's cached candidate facts against PostgreSQL: the learner puts the counters it commits,
// as the table then holds them, and a video hidden after its facts were cached is still never
// listed (the page's listed rows apply every rule anew).
import { DEFAULT_FOR_YOU_PARAMS } from '@shortwave/ranking';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeReadyVideo,
  type ReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { makeAnonymous, readAllForYou, watchToTheEnd } from './for-you.test-support.js';
import { CandidateFactsCache } from './recommendation.candidate-cache.js';
import { ForYouLearner } from './recommendation.learner.js';
import { ForYouPageStore } from './recommendation.page-store.js';
import { PagesInFlight } from './recommendation.pages-in-flight.js';
import { toVideoFacts } from './recommendation.records.js';
import { RecommendationStore } from './recommendation.store.js';

let t: TestApp;
let creator: TestAccount;
const videos: ReadyVideo[] = [];
beforeAll(async () => {
  t = await startTestApp();
  creator = await makeAccount(t.app);
  const other = await makeAccount(t.app);
  for (let n = 0; n < 6; n += 1) {
    videos.push(await makeReadyVideo(t, creator, { caption: `cached ${n} #cached` }));
    await makeReadyVideo(t, other, { caption: `other ${n} #cached` });
  }
});
afterAll(async () => {
  await t.close();
});

describe('For You candidate facts cache', () => {
  it('holds, after the learner commits, the counters PostgreSQL holds', async () => {
    const { db, prepared } = t.ctx.database;
    const pages = new ForYouPageStore(db, prepared);
    const store = new RecommendationStore(db, {
      affinityMs: DEFAULT_FOR_YOU_PARAMS.affinityHalfLifeMs,
      trendingMs: DEFAULT_FOR_YOU_PARAMS.trendingHalfLifeMs,
    });
    const cache = new CandidateFactsCache({ ttlMs: 60_000, maxEntries: 100 });
    const learner = new ForYouLearner({
      store,
      params: DEFAULT_FOR_YOU_PARAMS,
      log: pino({ level: 'silent' }),
      pages: new PagesInFlight(),
      candidates: cache,
    });
    const video = videos[0]!;
    cache.put(await pages.readCandidateFacts([video.id]));
    const facts = new Map(
      (await store.findVisibleVideos(null, [video.id])).map((row) => [row.id, toVideoFacts(row)]),
    );
    const at = Date.now();
    for (let round = 0; round < 2; round += 1) {
      // Two viewers: a viewer's second full view is a replay, not a second completion.
      await learner.learn(
        { viewerId: `00000000-0000-4000-8000-00000000cac${round}`, region: 'eu' },
        watchToTheEnd(video.id).map((event, index) => ({
          eventId: event.id,
          kind: event.kind as 'impression',
          videoId: event.videoId,
          watchedMs: event.watchedMs,
          at: at + round * 1_000 + index,
        })),
        facts,
      );
      const [stored] = await pages.readCandidateFacts([video.id]);
      const cached = cache.take([video.id]).found[0];
      expect(cached?.stats).toEqual(stored?.stats);
      expect(cached?.stats?.completions).toBe(round + 1);
    }
  });

  it('never lists a video made private after a page cached its facts', async () => {
    const hidden = videos[1]!;
    const first = await readAllForYou(t, makeAnonymous(), 10);
    expect(first).toContain(hidden.id);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/videos/${hidden.id}`,
      headers: creator.headers,
      payload: { visibility: 'private' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = await readAllForYou(t, makeAnonymous(), 10);
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toContain(hidden.id);
  });
});
