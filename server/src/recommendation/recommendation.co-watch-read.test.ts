// The page's co-watch read: a recent video's heaviest neighbours, heaviest first, read through the
// weight's power of two (migration 0013) and sorted by weight within the top classes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeReadyVideo,
  type ReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { sendEvents, watchToTheEnd } from './for-you.test-support.js';
import { ForYouPageStore } from './recommendation.page-store.js';

let t: TestApp;
let viewer: TestAccount;
let source: ReadyVideo;
const neighbours: ReadyVideo[] = [];
// Classes -2, -1, 0, 1, 1, 6: two heaviest within one class, one far above.
const WEIGHTS = [0.3, 0.7, 1.5, 3, 3.5, 100];

beforeAll(async () => {
  t = await startTestApp();
  const creator = await makeAccount(t.app);
  viewer = await makeAccount(t.app);
  source = await makeReadyVideo(t, creator, { isPublishingEvents: false });
  for (const _ of WEIGHTS) {
    neighbours.push(await makeReadyVideo(t, creator, { isPublishingEvents: false }));
  }
  await sendEvents(t, viewer, watchToTheEnd(source.id));
  for (const [index, weight] of WEIGHTS.entries()) {
    await sql`insert into video_neighbours (video_id, neighbour_id, weight)
      values (${source.id}::uuid, ${neighbours[index]!.id}::uuid, ${weight})`.execute(
      t.ctx.database.db,
    );
  }
});
afterAll(async () => {
  await t.close();
});

/** The co-watch rows the page reads for the viewer, `perVideo` per recent video. */
async function readCoWatch(perVideo: number) {
  const pages = new ForYouPageStore(t.ctx.database.db, t.ctx.database.prepared);
  const state = await pages.readViewerState(
    { viewerId: viewer.id, accountId: viewer.id },
    { historyWindow: 30, followed: 0, coWatchSources: 8, perVideo },
  );
  return state.coWatchRows;
}

describe("the page's co-watch read", () => {
  it('returns the heaviest neighbours of a recent video, heaviest first', async () => {
    expect((await readCoWatch(4)).map((row) => [row.neighbourId, row.weight])).toEqual(
      [5, 4, 3, 2].map((index) => [neighbours[index]!.id, WEIGHTS[index]]),
    );
  });

  it('keeps the class in step with the weight as the learner adds to it', async () => {
    await sql`update video_neighbours set weight = weight + 200
      where video_id = ${source.id}::uuid and neighbour_id = ${neighbours[0]!.id}::uuid`.execute(
      t.ctx.database.db,
    );
    expect((await readCoWatch(2)).map((row) => row.neighbourId)).toEqual([
      neighbours[0]!.id,
      neighbours[5]!.id,
    ]);
  });
});
