// Co-watch as learnt and read: one bounded list per video (migration 0014), heaviest first, the
// page reading the heaviest few; merged in PostgreSQL (migration 0015) by the rule of ranking's
// memory store; a list being merged is locked, so two servers learning at once cannot lose each
// other's weight.
import { addCoWatchWeights, coWatchListOf, createSeededRandom } from '@shortwave/ranking';
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
/** The learner's store: each transaction below stands for one learner. */
let store: RecommendationStore;

beforeAll(async () => {
  t = await startTestApp();
  creator = await makeAccount(t.app);
  store = new RecommendationStore(t.ctx.database.db, { affinityMs: 1, trendingMs: 1 });
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

/** A promise to wait on and the function that settles it: one step of a two-learner race. */
function signal(): { fire: () => void; fired: Promise<void> } {
  let fire = () => {};
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}

/** Adds weight 1 (or `weight`) from `neighbourId` to each of these videos' lists. */
const addCoWatch = (trx: Transaction<DB>, videoIds: string[], neighbourId: string, weight = 1) =>
  store.addCoWatch(
    trx,
    new Map(videoIds.map((videoId) => [videoId, new Map([[neighbourId, weight]])])),
    10,
  );

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

  it('are merged in PostgreSQL as the memory store merges them, ties included', async () => {
    const random = createSeededRandom(7);
    const pick = (n: number) => Math.floor(random() * n);
    const hex = (digits: number) =>
      Array.from({ length: digits }, () => pick(16).toString(16)).join('');
    const pool = Array.from(
      { length: 40 },
      () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    );
    // Few distinct ids and weights in halves, so that ties (equal weights) are common.
    const increments = () =>
      new Map(Array.from({ length: pick(16) }, () => [pool[pick(40)]!, (1 + pick(6)) / 2]));
    for (let sequence = 0; sequence < 60; sequence += 1) {
      const capacity = 1 + pick(12);
      const weights = new Map<string, number>();
      let stored = coWatchListOf(weights);
      for (let round = 0; round < 5; round += 1) {
        const added = increments();
        addCoWatchWeights(weights, added, capacity);
        const { rows } = await sql<{ mergedIds: string[]; mergedWeights: number[] }>`
          select * from co_watch_merge(${stored.neighbourIds}::uuid[], ${stored.weights}::float8[],
            ${[...added.keys()]}::uuid[], ${[...added.values()]}::float8[], ${capacity})`.execute(
          t.ctx.database.db,
        );
        stored = { neighbourIds: rows[0]!.mergedIds, weights: rows[0]!.mergedWeights };
        expect(stored).toEqual(coWatchListOf(weights));
      }
    }
  });

  it('are locked while a learner merges into them, so a second learner (another server) waits', async () => {
    const [video, neighbour] = await makeVideos(2);
    const add = (trx: Transaction<DB>, weight: number) =>
      addCoWatch(trx, [video!.id], neighbour!.id, weight);
    const steps: string[] = [];
    const held = signal();
    const added = signal();
    const first = store.transaction(async (trx) => {
      await add(trx, 1);
      added.fire();
      await held.fired;
    });
    await added.fired;
    const second = store.transaction(async (trx) => {
      await add(trx, 2);
      steps.push('second added');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    steps.push('first commits');
    held.fire();
    await Promise.all([first, second]);
    expect(steps).toEqual(['first commits', 'second added']);
    expect((await readList(video!.id))?.weights).toEqual([3]);
  });
  // The lists are locked in id order so that this cannot deadlock whatever order the update's
  // plan visits them in; on the test database's plan it passed without that lock too.
  it('take both learners’ weight when two add to the same lists in opposite orders', async () => {
    const [first, second, neighbour] = await makeVideos(3);
    const [low, high] = [first!.id, second!.id].sort();
    const add = (trx: Transaction<DB>, videoIds: string[]) =>
      addCoWatch(trx, videoIds, neighbour!.id);
    // The high list stored first, so that a scan of the table meets it first.
    await store.transaction((trx) => add(trx, [high!]));
    await store.transaction((trx) => add(trx, [low!]));
    const held = signal();
    const lowLocked = signal();
    const one = store.transaction(async (trx) => {
      await add(trx, [low!]);
      lowLocked.fire();
      await held.fired;
      await add(trx, [high!]);
    });
    await lowLocked.fired;
    // The other learner names the high list first, while the first holds the low one and will
    // want the high one next.
    const other = store.transaction((trx) => add(trx, [high!, low!]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    held.fire();
    await Promise.all([one, other]);
    expect((await readList(low!))?.weights).toEqual([3]);
    expect((await readList(high!))?.weights).toEqual([3]);
  });

  it('collect no statistics of their arrays, which no query filters on (migration 0016)', async () => {
    const { rows } = await sql<{ attname: string; attstattarget: number | null }>`
      select attname, attstattarget from pg_attribute
      where attrelid = 'video_co_watch'::regclass and attname in ('neighbour_ids', 'weights')
      order by attname`.execute(t.ctx.database.db);
    expect(rows).toEqual([
      { attname: 'neighbour_ids', attstattarget: 0 },
      { attname: 'weights', attstattarget: 0 },
    ]);
  });
});
