// The viewer's controls: the watch history (deleting an entry, or all, removes its influence),
// the reset, and hidden creators (listed, unhidden).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeReadyVideo,
  type ReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  event,
  makeAnonymous,
  readAllForYou,
  readForYou,
  sendEvents,
  watchToTheEnd,
} from './for-you.test-support.js';

let t: TestApp;
const videosOf = new Map<string, ReadyVideo[]>();
const topicOf = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp();
  for (const topic of ['cats', 'dogs', 'cars']) {
    const videos: ReadyVideo[] = [];
    for (let c = 0; c < 4; c += 1) {
      const creator = await makeAccount(t.app);
      for (let n = 0; n < 3; n += 1) {
        const video = await makeReadyVideo(t, creator, {
          caption: `${topic} ${n} #${topic}`,
          isPublishingEvents: false,
        });
        videos.push(video);
        topicOf.set(video.id, topic);
      }
    }
    videosOf.set(topic, videos);
  }
  // The instance at large watches cars: without tastes, cars lead.
  for (let n = 0; n < 2; n += 1) {
    await sendEvents(
      t,
      makeAnonymous(),
      videosOf.get('cars')!.flatMap((video) => watchToTheEnd(video.id)),
    );
  }
});
afterAll(async () => {
  await t.close();
});

const as = (who: TestAccount) => ({ cookie: who.cookie });
const historyOf = async (who: TestAccount) => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me/watch-history?limit=50',
    headers: as(who),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { video: { id: string }; watchRatio: number }[] }>().items;
};
const reasonTexts = async (who: TestAccount) =>
  (await readForYou(t, who, { limit: 10 })).items.flatMap((item) =>
    item.reasons.map((reason) => reason.text),
  );
const topicsOnPage = async (who: TestAccount) =>
  (await readForYou(t, who, { limit: 10 })).items.map((item) => topicOf.get(item.video.id));

describe('the watch history', () => {
  it('lists watched videos newest first, a page at a time', async () => {
    const viewer = await makeAccount(t.app);
    const [a, b, c] = videosOf.get('dogs')!;
    await sendEvents(t, viewer, [...watchToTheEnd(a!.id), ...watchToTheEnd(b!.id)]);
    // Seen but never played: not history.
    await sendEvents(t, viewer, [event('impression', c!.id)]);
    await sendEvents(t, viewer, [event('watch-progress', c!.id, { watchedMs: 5_000 })]);
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/watch-history?limit=2',
      headers: as(viewer),
    });
    const page = first.json<{
      items: { video: { id: string }; watchRatio: number }[];
      nextCursor: string;
    }>();
    expect(page.items.map((item) => item.video.id)).toEqual([c!.id, b!.id]);
    expect(page.items[0]!.watchRatio).toBeCloseTo(1 / 3);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/watch-history?limit=2&cursor=${page.nextCursor}`,
      headers: as(viewer),
    });
    expect(second.json()).toMatchObject({ items: [{ video: { id: a!.id } }], nextCursor: null });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/watch-history' })).statusCode,
    ).toBe(401);
  });

  it('lists each video with its counters and what the viewer did with it', async () => {
    const viewer = await makeAccount(t.app);
    const other = await makeAccount(t.app);
    const [liked, saved] = videosOf.get('dogs')!.slice(6);
    await sendEvents(t, viewer, [...watchToTheEnd(liked!.id), ...watchToTheEnd(saved!.id)]);
    for (const [who, verb, video] of [
      [viewer, 'like', liked],
      [other, 'like', liked],
      [viewer, 'save', saved],
    ] as const) {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${video!.id}/${verb}`,
        headers: who.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    const entries = await historyOf(viewer);
    const entryOf = (id: string) => entries.find((entry) => entry.video.id === id);
    expect(entryOf(liked!.id)?.video).toMatchObject({
      stats: { likeCount: 2, saveCount: 0 },
      viewerState: { hasLiked: true, hasSaved: false },
    });
    expect(entryOf(saved!.id)?.video).toMatchObject({
      stats: { likeCount: 0, saveCount: 1 },
      viewerState: { hasLiked: false, hasSaved: true },
    });
  });

  it('deleting an entry removes its influence on For You', async () => {
    const viewer = await makeAccount(t.app);
    const cats = videosOf.get('cats')!;
    const dogs = videosOf.get('dogs')!;
    await sendEvents(t, viewer, [
      ...watchToTheEnd(cats[0]!.id),
      event('like', cats[0]!.id),
      ...watchToTheEnd(dogs[0]!.id),
      ...watchToTheEnd(dogs[3]!.id),
      event('like', dogs[3]!.id),
    ]);
    expect(await reasonTexts(viewer)).toContain('You watched #dogs videos to the end');

    for (const video of [dogs[0]!, dogs[3]!]) {
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/watch-history/${video.id}`,
        headers: viewer.headers,
      });
      expect(deleted.statusCode, deleted.body).toBe(204);
    }
    expect((await historyOf(viewer)).map((entry) => entry.video.id)).toEqual([cats[0]!.id]);
    const texts = await reasonTexts(viewer);
    expect(texts).not.toContain('You watched #dogs videos to the end');
    expect(texts).toContain('You watched #cats videos to the end');
    // Deleted means unseen again: the video may come back.
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/watch-history/${dogs[0]!.id}`,
      headers: viewer.headers,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ type: '/problems/watch-history-entry-not-found' });
  });

  it('clearing it removes every taste it taught', async () => {
    const viewer = await makeAccount(t.app);
    const cats = videosOf.get('cats')!;
    await sendEvents(
      t,
      viewer,
      [cats[0]!, cats[3]!, cats[6]!].flatMap((video) => watchToTheEnd(video.id)),
    );
    const before = await topicsOnPage(viewer);
    expect(before.filter((topic) => topic === 'cats').length).toBeGreaterThanOrEqual(6);
    const cleared = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/watch-history',
      headers: viewer.headers,
    });
    expect(cleared.statusCode).toBe(204);
    expect(await historyOf(viewer)).toEqual([]);
    const after = await topicsOnPage(viewer);
    expect(after.filter((topic) => topic === 'cats').length).toBeLessThan(6);
    expect(await reasonTexts(viewer)).not.toContain('You watched #cats videos to the end');
  });

  it('refuses a malformed video id with a problem', async () => {
    const viewer = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/watch-history/not-a-uuid',
      headers: viewer.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/invalid-request' });
  });
});

describe('the reset', () => {
  it('starts For You afresh for accounts and signed-out visitors', async () => {
    const viewer = await makeAccount(t.app);
    const cats = videosOf.get('cats')!;
    await sendEvents(
      t,
      viewer,
      [cats[1]!, cats[4]!].flatMap((video) => watchToTheEnd(video.id)),
    );
    expect(await reasonTexts(viewer)).toContain('You watched #cats videos to the end');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feed/for-you/reset',
      headers: viewer.headers,
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect(await historyOf(viewer)).toEqual([]);
    expect(await reasonTexts(viewer)).not.toContain('You watched #cats videos to the end');

    const visitor = makeAnonymous();
    await sendEvents(t, visitor, watchToTheEnd(cats[2]!.id));
    const visitorReset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/feed/for-you/reset?anonymousId=${visitor.anonymousId}`,
    });
    expect(visitorReset.statusCode).toBe(204);
    // The watched video is no longer "seen": it may be served again.
    expect(await readAllForYou(t, visitor, 10)).toContain(cats[2]!.id);
  });
});

describe('hidden creators', () => {
  it('lists them and unhides one, who then comes back', async () => {
    const viewer = await makeAccount(t.app);
    const cars = videosOf.get('cars')!;
    const creatorId = cars[0]!.accountId;
    await sendEvents(t, viewer, [event('hide-creator', cars[0]!.id)]);
    const hiddenVideos = cars.filter((video) => video.accountId === creatorId).map((v) => v.id);
    const isShown = async () =>
      (await readAllForYou(t, viewer, 10)).some((id) => hiddenVideos.includes(id));
    expect(await isShown()).toBe(false);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/hidden-creators',
      headers: as(viewer),
    });
    const [hidden] = listed.json<{ items: { handle: string }[] }>().items;
    expect(hidden).toBeDefined();
    const unhide = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/hidden-creators/${hidden!.handle}`,
      headers: viewer.headers,
    });
    expect(unhide.statusCode, unhide.body).toBe(204);
    expect(await isShown()).toBe(true);
    const twice = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/hidden-creators/${hidden!.handle}`,
      headers: viewer.headers,
    });
    expect(twice.statusCode).toBe(404);
    expect(twice.json()).toMatchObject({ type: '/problems/creator-not-hidden' });
  });
});
