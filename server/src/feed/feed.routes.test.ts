// The chronological feeds: who appears, in which order, a page at a time.
import { randomUUID } from 'node:crypto';
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

describe('the Trending feed', () => {
  /** A viewer watches a video to the end, as the app reports it to For You. */
  const watchToTheEnd = async (who: TestAccount, videoId: string) => {
    const events = ['impression', 'play', 'completion'].map((kind) => ({
      id: randomUUID(),
      kind,
      videoId,
    }));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feed/events',
      headers: who.headers,
      payload: { events },
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const readTrending = async (who: { headers: Record<string, string> } | null, cursor?: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/feed/trending?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      headers: who?.headers ?? {},
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: { caption: string }[]; nextCursor: string | null }>();
  };
  const readAllTrending = async (who: { headers: Record<string, string> } | null) => {
    const captions: string[] = [];
    let cursor: string | undefined;
    for (let pageCount = 0; pageCount < 20; pageCount += 1) {
      const page = await readTrending(who, cursor);
      captions.push(...page.items.map((video) => video.caption));
      if (!page.nextCursor) return captions;
      cursor = page.nextCursor;
    }
    throw new Error('more than 20 pages');
  };

  it('lists the public videos viewers watch most, hottest first, each once across pages, and nothing the viewer may not see', async () => {
    const [creator, blocker, stranger] = [
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
    ];
    const tag = `t${Date.now().toString(36)}`;
    const videos = {
      hottest: await makeReadyVideo(t, creator, { caption: `${tag} hottest` }),
      warm: await makeReadyVideo(t, creator, { caption: `${tag} warm` }),
      mild: await makeReadyVideo(t, creator, { caption: `${tag} mild` }),
      followersOnly: await makeReadyVideo(t, creator, {
        caption: `${tag} followers only`,
        visibility: 'followers',
      }),
      byBlocker: await makeReadyVideo(t, blocker, { caption: `${tag} by a blocker` }),
    };
    await makeReadyVideo(t, creator, { caption: `${tag} unwatched` });
    // Viewers watch them to the end: 4 times the hottest, 3 the blocker's, 2 warm, 1 mild.
    const watches: [keyof typeof videos, number][] = [
      ['hottest', 4],
      ['byBlocker', 3],
      ['warm', 2],
      ['mild', 1],
    ];
    for (const [name, times] of watches) {
      for (let i = 0; i < times; i += 1)
        await watchToTheEnd(await makeAccount(t.app), videos[name].id);
    }
    // The creator's own follower watches the followers-only one most of all.
    const follower = await makeAccount(t.app);
    await follow(follower, creator);
    for (let i = 0; i < 5; i += 1) await watchToTheEnd(follower, videos.followersOnly.id);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${stranger.handle}/block`,
      headers: blocker.headers,
    });

    const mine = (captions: string[]) => captions.filter((caption) => caption.startsWith(tag));
    expect(mine(await readAllTrending(null))).toEqual([
      `${tag} hottest`,
      `${tag} by a blocker`,
      `${tag} warm`,
      `${tag} mild`,
    ]);
    // Blocked both ways: the stranger never sees the blocker's video.
    expect(mine(await readAllTrending(stranger))).toEqual([
      `${tag} hottest`,
      `${tag} warm`,
      `${tag} mild`,
    ]);
  });

  it('refuses a cursor it did not hand out', async () => {
    const forged = Buffer.from(JSON.stringify(['not a number', 'x'])).toString('base64url');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/feed/trending?cursor=${forged}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: '/problems/invalid-cursor' });
  });
});
