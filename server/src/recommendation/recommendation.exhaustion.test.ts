// A viewer who keeps swiping: For You never runs dry while visible videos are left that the viewer
// has not seen, however many the popular, trending and fresh sources hold (each takes its top N).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeReadyVideo } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  event,
  makeAnonymous,
  readAllForYou,
  readForYou,
  sendEvents,
} from './for-you.test-support.js';

let t: TestApp;
const videoIds: string[] = [];
/** More than the fresh source's 40, none with any stats: only fresh proposes them. */
const CREATORS = 15;
const VIDEOS_EACH = 3;

beforeAll(async () => {
  t = await startTestApp();
  for (let c = 0; c < CREATORS; c += 1) {
    const creator = await makeAccount(t.app);
    for (let n = 0; n < VIDEOS_EACH; n += 1) {
      const video = await makeReadyVideo(t, creator, {
        caption: `video ${c}.${n}`,
        isPublishingEvents: false,
      });
      videoIds.push(video.id);
    }
  }
});
afterAll(async () => {
  await t.close();
});

describe('For You for a viewer who keeps going', () => {
  it('serves every visible video once along one cursor chain', async () => {
    const served = await readAllForYou(t, makeAnonymous(), 10);
    expect(new Set(served).size).toBe(served.length);
    expect([...served].sort()).toEqual([...videoIds].sort());
  });

  it('serves every visible video once across fresh starts, leaving out what was seen', async () => {
    const viewer = makeAnonymous();
    const seen: string[] = [];
    for (let start = 0; start < 10; start += 1) {
      const page = await readForYou(t, viewer, { limit: 10 });
      if (page.items.length === 0) break;
      const ids = page.items.map((item) => item.video.id);
      seen.push(...ids);
      await sendEvents(
        t,
        viewer,
        ids.map((id) => event('impression', id)),
      );
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...videoIds].sort());
  });
});
