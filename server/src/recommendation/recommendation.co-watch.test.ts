// Co-watch as learnt and read: one bounded list per video (migration 0014), heaviest first, the
// page reading the heaviest few; a list being merged is locked, so two servers learning at once
// cannot lose each other's weight.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeReadyVideo,
  type ReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { makeAnonymous, sendEvents, watchToTheEnd } from './for-you.test-support.js';
import { ForYouPageStore } from './recommendation.page-store.js';
import { RecommendationStore } from './recommendation.store.js';

let t: TestApp;
let creator: TestAccount;

beforeAll(async () => {
  t = await startTestApp();
  creator = await makeAccount(t.app);
});
afterAll(async () => {
  await t.close();
});

const makeVideos = (count: number) =>
  Promise.all(
    Array.from({ length: count }, () => makeReadyVideo(t, creator, { isPublishingEvents: false })),
  );

/** One viewer watching these videos to the end, in order, in one batch. */
const watchAll = (app: TestApp, videos: readonly ReadyVideo[]) =>
  sendEvents(
    app,
    makeAnonymous(),
    videos.flatMap((video) => watchToTheEnd(video.id)),
  );

async function readList(videoId: string) {
  const { rows } = await sql<{ neighbourIds: string[]; weights: number[] }>`
    select neighbour_ids, weights from video_co_watch where video_id = ${videoId}::uuid`.execute(
    t.ctx.database.db,
  );
  return rows[0];
}

describe('co-watch lists', () => {
  it('keep a video’s neighbours heaviest first, and the page reads the heaviest', async () => {
    const [source, once, twice] = await makeVideos(3);
    await watchAll(t, [source!, once!]);
    await watchAll(t, [source!, twice!]);
    await watchAll(t, [source!, twice!]);

    const list = await readList(source!.id);
    expect(list?.neighbourIds).toEqual([twice!.id, once!.id]);
    expect(list?.weights[0]).toBeCloseTo(2 * list!.weights[1]!);

    const viewer = await makeAccount(t.app);
    await sendEvents(t, viewer, watchToTheEnd(source!.id));
    const pages = new ForYouPageStore(t.ctx.database.db, t.ctx.database.prepared);
    const state = await pages.readViewerState(
      { viewerId: viewer.id, accountId: viewer.id },
      { historyWindow: 30, followed: 0, coWatchSources: 8, perVideo: 1 },
    );
    expect(state.coWatchRows.map((row) => [row.videoId, row.neighbourId, row.weight])).toEqual([
      [source!.id, twice!.id, list!.weights[0]],
    ]);
  });

  it('are locked while a learner merges into them, so a second learner (another server) waits', async () => {
    const [video, neighbour] = await makeVideos(2);
    const store = new RecommendationStore(t.ctx.database.db, { affinityMs: 1, trendingMs: 1 });
    const write = (trx: Transaction<DB>, weight: number) =>
      store.writeCoWatchLists(
        trx,
        new Map([[video!.id, { neighbourIds: [neighbour!.id], weights: [weight] }]]),
      );
    await store.transaction(async (trx) => {
      await store.lockCoWatchLists(trx, [video!.id]);
      await write(trx, 1);
    });
    const steps: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let isLocked = () => {};
    const locked = new Promise<void>((resolve) => (isLocked = resolve));
    const first = store.transaction(async (trx) => {
      await store.lockCoWatchLists(trx, [video!.id]);
      isLocked();
      await held;
      await write(trx, 2);
    });
    await locked;
    const second = store.transaction(async (trx) => {
      const lists = await store.lockCoWatchLists(trx, [video!.id]);
      steps.push(`second read ${JSON.stringify(lists.get(video!.id)?.weights)}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    steps.push('first commits');
    release();
    await Promise.all([first, second]);
    expect(steps).toEqual(['first commits', 'second read [2]']);
  });
});
