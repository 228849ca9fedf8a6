// Profile pages: the grid with pinned videos on top, pinning rules, and the counts shown.
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

const pin = (who: TestAccount, videoId: string) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/me/pinned-videos/${videoId}`, headers: who.headers });
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('a creator’s video grid', () => {
  it('lists pinned videos first, then the rest newest first, a page at a time', async () => {
    const creator = await makeAccount(t.app);
    const videos = [];
    for (let i = 0; i < 5; i++)
      videos.push(
        await makeReadyVideo(t, creator, { caption: `v${i}`, readyAt: minutesAgo(10 - i) }),
      );
    expect((await pin(creator, videos[1]!.id)).statusCode).toBe(204);
    expect((await pin(creator, videos[0]!.id)).statusCode).toBe(204);

    const first = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${creator.handle}/videos?limit=2`,
    });
    const page = first.json<{
      items: { caption: string; isPinned: boolean }[];
      nextCursor: string;
    }>();
    expect(page.items.map((v) => [v.caption, v.isPinned])).toEqual([
      ['v0', true],
      ['v1', true],
      ['v4', false],
      ['v3', false],
    ]);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${creator.handle}/videos?limit=2&cursor=${page.nextCursor}`,
    });
    expect(second.json()).toMatchObject({
      items: [{ caption: 'v2', isPinned: false }],
      nextCursor: null,
    });
  });

  it('pins at most three videos, even when asked four times at once', async () => {
    const creator = await makeAccount(t.app);
    const videos = [];
    for (let i = 0; i < 4; i++) videos.push(await makeReadyVideo(t, creator));
    const responses = await Promise.all(videos.map((video) => pin(creator, video.id)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([204, 204, 204, 409]);
    expect(responses.find((r) => r.statusCode === 409)!.json()).toMatchObject({
      type: '/problems/too-many-pinned-videos',
    });
    const pinnedId = videos.find((_v, i) => responses[i]!.statusCode === 204)!.id;
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/pinned-videos/${pinnedId}`,
      headers: creator.headers,
    });
    const unpinnedId = videos.find((_v, i) => responses[i]!.statusCode === 409)!.id;
    expect((await pin(creator, unpinnedId)).statusCode).toBe(204);
  });

  it('refuses to pin someone else’s video', async () => {
    const creator = await makeAccount(t.app);
    const other = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    expect((await pin(other, video.id)).json()).toMatchObject({
      type: '/problems/video-not-pinnable',
    });
  });

  it('shows a private account’s grid to approved followers only', async () => {
    const creator = await makeAccount(t.app);
    await makeReadyVideo(t, creator);
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/privacy',
      headers: creator.headers,
      payload: { isPrivate: true },
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${creator.handle}/videos`,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ type: '/problems/private-account' });
  });
});

describe('profile counts', () => {
  it('counts followers, following, likes received and visible videos', async () => {
    const creator = await makeAccount(t.app);
    const [fan, other] = [await makeAccount(t.app), await makeAccount(t.app)];
    const video = await makeReadyVideo(t, creator);
    await makeReadyVideo(t, creator, { visibility: 'followers' });
    const second = await makeReadyVideo(t, creator);
    for (const who of [fan, other]) {
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/accounts/${creator.handle}/follow`,
        headers: who.headers,
      });
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${video.id}/like`,
        headers: who.headers,
      });
    }
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/videos/${second.id}/like`,
      headers: fan.headers,
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${fan.handle}/follow`,
      headers: creator.headers,
    });

    const asFan = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${creator.handle}/stats`,
      headers: { cookie: fan.cookie },
    });
    expect(asFan.json()).toEqual({
      followerCount: 2,
      followingCount: 1,
      likeCount: 3,
      videoCount: 3,
      isPrivate: false,
      canSeeVideos: true,
      relationship: {
        following: 'following',
        isFollowedBy: true,
        isBlocking: false,
        isMuting: false,
      },
    });
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${creator.handle}/stats`,
    });
    expect(anonymous.json()).toMatchObject({ videoCount: 2, relationship: null });
  });
});
