// The chronological feeds: who appears, in which order, a page at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeReadyVideo, type TestAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const follow = (who: TestAccount, whom: TestAccount) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/accounts/${whom.handle}/follow`,
    headers: who.headers,
  });
const captionsOf = (response: { json: () => unknown }) =>
  (response.json() as { items: { caption: string }[] }).items.map((v) => v.caption);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('the Following feed', () => {
  it('shows ready videos of followed accounts newest first, with followers-only ones, a page at a time', async () => {
    const [viewer, followed, other, muted] = [
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
    ];
    await follow(viewer, followed);
    await follow(viewer, muted);
    await makeReadyVideo(t, followed, { caption: 'oldest', readyAt: minutesAgo(30) });
    await makeReadyVideo(t, followed, {
      caption: 'for followers',
      visibility: 'followers',
      readyAt: minutesAgo(20),
    });
    await makeReadyVideo(t, followed, {
      caption: 'private',
      visibility: 'private',
      readyAt: minutesAgo(15),
    });
    await makeReadyVideo(t, followed, { caption: 'newest', readyAt: minutesAgo(10) });
    await makeReadyVideo(t, other, { caption: 'not followed', readyAt: minutesAgo(5) });
    await makeReadyVideo(t, muted, { caption: 'muted', readyAt: minutesAgo(5) });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${muted.handle}/mute`,
      headers: viewer.headers,
    });
    // A draft still uploading never appears.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: followed.headers,
      payload: { caption: 'draft' },
    });

    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/feed/following?limit=2',
      headers: { cookie: viewer.cookie },
    });
    expect(captionsOf(first)).toEqual(['newest', 'for followers']);
    const { nextCursor } = first.json<{ nextCursor: string }>();
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/feed/following?limit=2&cursor=${nextCursor}`,
      headers: { cookie: viewer.cookie },
    });
    expect(second.json()).toMatchObject({ items: [{ caption: 'oldest' }], nextCursor: null });
    expect(first.json<{ items: object[] }>().items[0]).toMatchObject({
      stats: { likeCount: 0, viewCount: 0 },
      viewerState: { hasLiked: false, hasSaved: false },
    });
  });

  it('needs a signed-in viewer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feed/following' })).statusCode).toBe(
      401,
    );
  });
});

describe('the Recent feed', () => {
  it('shows public ready videos of everyone, newest first, to anyone', async () => {
    const creator = await makeAccount(t.app);
    const unique = `recent-${Date.now()}`;
    await makeReadyVideo(t, creator, {
      caption: `${unique} public`,
      readyAt: new Date(Date.now() + 60_000),
    });
    await makeReadyVideo(t, creator, {
      caption: `${unique} followers`,
      visibility: 'followers',
      readyAt: new Date(Date.now() + 60_000),
    });
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/feed/recent?limit=5' });
    const captions = captionsOf(response);
    expect(captions[0]).toBe(`${unique} public`);
    expect(captions).not.toContain(`${unique} followers`);
  });
});
