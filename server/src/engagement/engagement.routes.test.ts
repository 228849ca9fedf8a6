// Likes, favourites, shares and views through the API, with counters that stay exact when
// hundreds of people act at once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeAccounts,
  makeReadyVideo,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SHORTWAVE_PUBLIC_URL: 'https://video.example.org' });
});
afterAll(async () => {
  await t.close();
});

type Engagement = {
  stats: { likeCount: number; saveCount: number; viewCount: number; shareCount: number };
  viewerState: { hasLiked: boolean; hasSaved: boolean };
};

const act = (method: 'PUT' | 'DELETE', what: 'like' | 'save', who: TestAccount, videoId: string) =>
  t.app.inject({ method, url: `/api/v1/videos/${videoId}/${what}`, headers: who.headers });
const engagementOf = async (videoId: string, who?: TestAccount) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/videos/${videoId}/engagement`,
      headers: who ? { cookie: who.cookie } : {},
    })
  ).json<Engagement>();
const view = (videoId: string, watchedMs: number, who?: TestAccount, clientId?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/videos/${videoId}/views`,
    headers: who?.headers ?? {},
    payload: { watchedMs, ...(clientId ? { clientId } : {}) },
  });

describe('likes', () => {
  it('likes and unlikes a video, idempotently, and reports the viewer’s state', async () => {
    const creator = await makeAccount(t.app);
    const fan = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    for (let i = 0; i < 2; i++) {
      const liked = await act('PUT', 'like', fan, video.id);
      expect(liked.statusCode).toBe(200);
      expect(liked.json()).toMatchObject({
        stats: { likeCount: 1 },
        viewerState: { hasLiked: true },
      });
    }
    expect(await engagementOf(video.id)).toMatchObject({
      stats: { likeCount: 1 },
      viewerState: { hasLiked: false },
    });
    const unliked = await act('DELETE', 'like', fan, video.id);
    expect(unliked.json()).toMatchObject({
      stats: { likeCount: 0 },
      viewerState: { hasLiked: false },
    });
  });

  it('keeps the like count exact when 200 people like at once and half take it back at once', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const crowd = await makeAccounts(t, 200);
    const likes = await Promise.all(crowd.map((fan) => act('PUT', 'like', fan, video.id)));
    expect(likes.every((response) => response.statusCode === 200)).toBe(true);
    expect((await engagementOf(video.id)).stats.likeCount).toBe(200);

    await Promise.all(crowd.slice(0, 100).map((fan) => act('DELETE', 'like', fan, video.id)));
    expect((await engagementOf(video.id)).stats.likeCount).toBe(100);
    // The same people again, all at once: nothing changes.
    await Promise.all(crowd.slice(100).map((fan) => act('PUT', 'like', fan, video.id)));
    expect((await engagementOf(video.id)).stats.likeCount).toBe(100);
  });

  it('refuses likes on a video the viewer cannot see, and from nobody', async () => {
    const creator = await makeAccount(t.app);
    const stranger = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator, { visibility: 'private' });
    expect((await act('PUT', 'like', stranger, video.id)).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'PUT', url: `/api/v1/videos/${video.id}/like` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps counts exact when a fan deletes their account', async () => {
    const creator = await makeAccount(t.app);
    const fan = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    await act('PUT', 'like', fan, video.id);
    await act('PUT', 'save', fan, video.id);
    await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: fan.headers,
      payload: { password: fan.password },
    });
    expect((await engagementOf(video.id)).stats).toMatchObject({ likeCount: 0, saveCount: 0 });
  });
});

describe('favourites', () => {
  it('saves videos to a private list, most recent first, and drops ones no longer visible', async () => {
    const creator = await makeAccount(t.app);
    const fan = await makeAccount(t.app);
    const first = await makeReadyVideo(t, creator, { caption: 'first' });
    const second = await makeReadyVideo(t, creator, { caption: 'second' });
    const third = await makeReadyVideo(t, creator, { caption: 'third' });
    for (const video of [first, second, third]) await act('PUT', 'save', fan, video.id);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/videos/${third.id}`,
      headers: creator.headers,
      payload: { visibility: 'private' },
    });
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/favourites',
      headers: { cookie: fan.cookie },
    });
    const items = response.json<{ items: ({ caption: string } & Engagement)[] }>().items;
    expect(items.map((item) => item.caption)).toEqual(['second', 'first']);
    expect(items[0]).toMatchObject({ stats: { saveCount: 1 }, viewerState: { hasSaved: true } });
    expect((await engagementOf(second.id, creator)).viewerState.hasSaved).toBe(false);
  });
});

describe('views', () => {
  it('counts a view once per viewer per 24 hours, after 3 seconds of watching', async () => {
    const creator = await makeAccount(t.app);
    const fan = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator, { durationMs: 30_000 });
    expect((await view(video.id, 2_999, fan)).json()).toEqual({ isCounted: false, viewCount: 0 });
    expect((await view(video.id, 3_000, fan)).json()).toEqual({ isCounted: true, viewCount: 1 });
    expect((await view(video.id, 20_000, fan)).json()).toEqual({ isCounted: false, viewCount: 1 });

    // A day later (the clock is the edge we move), the same viewer counts again.
    await t.ctx.database.db
      .updateTable('engagementMarks')
      .set({ countedAt: new Date(Date.now() - 25 * 3_600_000) })
      .where('videoId', '=', video.id)
      .execute();
    expect((await view(video.id, 5_000, fan)).json()).toEqual({ isCounted: true, viewCount: 2 });
  });

  it('counts half of a video shorter than 6 seconds as a view', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator, { durationMs: 4_000 });
    const fan = await makeAccount(t.app);
    expect((await view(video.id, 1_999, fan)).json()).toMatchObject({ isCounted: false });
    expect((await view(video.id, 2_000, fan)).json()).toMatchObject({ isCounted: true });
  });

  it('does not count the creator’s own views', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    expect((await view(video.id, 10_000, creator)).json()).toEqual({
      isCounted: false,
      viewCount: 0,
    });
  });

  it('counts signed-out viewers by the client id their app keeps, else by address', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const clientId = randomBytes(16).toString('base64url');
    expect((await view(video.id, 4_000, undefined, clientId)).json()).toMatchObject({
      isCounted: true,
    });
    expect((await view(video.id, 4_000, undefined, clientId)).json()).toMatchObject({
      isCounted: false,
    });
    expect((await view(video.id, 4_000)).json()).toMatchObject({ isCounted: true });
    expect((await view(video.id, 4_000)).json()).toEqual({ isCounted: false, viewCount: 2 });
  });

  it('keeps the view count exact when 200 viewers (and each of them twice) watch at once', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const crowd = await makeAccounts(t, 200);
    const results = await Promise.all(
      [...crowd, ...crowd].map((fan) => view(video.id, 5_000, fan)),
    );
    expect(results.filter((r) => r.json<{ isCounted: boolean }>().isCounted)).toHaveLength(200);
    expect((await engagementOf(video.id)).stats.viewCount).toBe(200);
  });
});

describe('shares', () => {
  it('counts a share once per viewer per day and returns the public watch link', async () => {
    const creator = await makeAccount(t.app);
    const fan = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const share = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${video.id}/shares`,
        headers: fan.headers,
        payload: {},
      });
    expect((await share()).json()).toEqual({
      isCounted: true,
      shareCount: 1,
      url: `https://video.example.org/v/${video.id}`,
    });
    expect((await share()).json()).toMatchObject({ isCounted: false, shareCount: 1 });
  });
});
