// The follow graph through the API: follows, private accounts and their requests, lists,
// blocks and mutes, suggestions, and follower counters that stay exact under concurrency.
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
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const follow = (who: TestAccount, handle: string) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/accounts/${handle}/follow`, headers: who.headers });
const unfollow = (who: TestAccount, handle: string) =>
  t.app.inject({
    method: 'DELETE',
    url: `/api/v1/accounts/${handle}/follow`,
    headers: who.headers,
  });
const get = (url: string, who?: TestAccount) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
const handlesOf = (response: { json: () => unknown }) =>
  (response.json() as { items: { handle: string }[] }).items.map((a) => a.handle);
const countsOf = (account: TestAccount) => t.ctx.social.countsOf(account.id);

describe('following', () => {
  it('follows a public account at once and lists followers newest first, a page at a time', async () => {
    const creator = await makeAccount(t.app);
    const fans = [await makeAccount(t.app), await makeAccount(t.app), await makeAccount(t.app)];
    for (const fan of fans) {
      const response = await follow(fan, creator.handle);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ following: 'following' });
    }
    expect((await follow(fans[0]!, creator.handle)).json()).toEqual({ following: 'following' });

    const first = await get(`/api/v1/accounts/${creator.handle}/followers?limit=2`);
    expect(handlesOf(first)).toEqual([fans[2]!.handle, fans[1]!.handle]);
    const { nextCursor } = first.json<{ nextCursor: string }>();
    const second = await get(
      `/api/v1/accounts/${creator.handle}/followers?limit=2&cursor=${nextCursor}`,
    );
    expect(handlesOf(second)).toEqual([fans[0]!.handle]);
    expect(handlesOf(await get(`/api/v1/accounts/${fans[0]!.handle}/following`))).toEqual([
      creator.handle,
    ]);
    expect(await countsOf(creator)).toEqual({ followerCount: 3, followingCount: 0 });
    expect(await countsOf(fans[0]!)).toEqual({ followerCount: 0, followingCount: 1 });

    expect((await unfollow(fans[1]!, creator.handle)).statusCode).toBe(204);
    expect(handlesOf(await get(`/api/v1/accounts/${creator.handle}/followers`))).toEqual([
      fans[2]!.handle,
      fans[0]!.handle,
    ]);
    expect(await countsOf(creator)).toEqual({ followerCount: 2, followingCount: 0 });
  });

  it('refuses to follow yourself or nobody', async () => {
    const ana = await makeAccount(t.app);
    expect((await follow(ana, ana.handle)).json()).toMatchObject({
      type: '/problems/cannot-follow-yourself',
    });
    expect((await follow(ana, 'nobody_here')).statusCode).toBe(404);
  });

  it('tells the viewer how they and another account are connected', async () => {
    const [ana, ben] = [await makeAccount(t.app), await makeAccount(t.app)];
    await follow(ana, ben.handle);
    await follow(ben, ana.handle);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${ben.handle}/mute`,
      headers: ana.headers,
    });
    expect((await get(`/api/v1/accounts/${ben.handle}/relationship`, ana)).json()).toEqual({
      following: 'following',
      isFollowedBy: true,
      isBlocking: false,
      isMuting: true,
    });
    expect(handlesOf(await get('/api/v1/me/mutes', ana))).toEqual([ben.handle]);
  });
});

describe('private accounts', () => {
  async function makePrivate(account: TestAccount) {
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/privacy',
      headers: account.headers,
      payload: { isPrivate: true },
    });
    expect(response.json()).toEqual({ isPrivate: true });
  }

  it('turns follows into requests the owner approves or declines', async () => {
    const owner = await makeAccount(t.app);
    await makePrivate(owner);
    const [asker, other] = [await makeAccount(t.app), await makeAccount(t.app)];
    expect((await follow(asker, owner.handle)).json()).toEqual({ following: 'requested' });
    expect((await follow(other, owner.handle)).json()).toEqual({ following: 'requested' });
    expect(handlesOf(await get('/api/v1/me/follow-requests', owner))).toEqual([
      other.handle,
      asker.handle,
    ]);
    expect(await countsOf(owner)).toEqual({ followerCount: 0, followingCount: 0 });

    const approve = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/follow-requests/${asker.handle}/approve`,
      headers: owner.headers,
    });
    expect(approve.statusCode).toBe(204);
    const decline = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/follow-requests/${other.handle}/decline`,
      headers: owner.headers,
    });
    expect(decline.statusCode).toBe(204);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/follow-requests/${other.handle}/approve`,
      headers: owner.headers,
    });
    expect(again.json()).toMatchObject({ type: '/problems/follow-request-not-found' });

    expect(await countsOf(owner)).toEqual({ followerCount: 1, followingCount: 0 });
    expect(handlesOf(await get('/api/v1/me/follow-requests', owner))).toEqual([]);
    expect(handlesOf(await get(`/api/v1/accounts/${owner.handle}/followers`, asker))).toEqual([
      asker.handle,
    ]);
  });

  it('shows its lists and videos to approved followers only', async () => {
    const owner = await makeAccount(t.app);
    const video = await makeReadyVideo(t, owner, { visibility: 'public' });
    await makePrivate(owner);
    const follower = await makeAccount(t.app);
    const stranger = await makeAccount(t.app);
    await follow(follower, owner.handle);

    const hidden = await get(`/api/v1/accounts/${owner.handle}/followers`, stranger);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json()).toMatchObject({ type: '/problems/private-account' });
    expect((await get(`/api/v1/videos/${video.id}`, follower)).statusCode).toBe(404);

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/follow-requests/${follower.handle}/approve`,
      headers: owner.headers,
    });
    expect((await get(`/api/v1/videos/${video.id}`, follower)).statusCode).toBe(200);
    expect((await get(`/api/v1/videos/${video.id}`, stranger)).statusCode).toBe(404);
    expect((await get(`/api/v1/videos/${video.id}`)).statusCode).toBe(404);
  });

  it('accepts every pending request when the account goes public', async () => {
    const owner = await makeAccount(t.app);
    await makePrivate(owner);
    const asker = await makeAccount(t.app);
    await follow(asker, owner.handle);
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/privacy',
      headers: owner.headers,
      payload: { isPrivate: false },
    });
    expect(
      (await get(`/api/v1/accounts/${owner.handle}/relationship`, asker)).json(),
    ).toMatchObject({ following: 'following' });
    expect(await countsOf(owner)).toEqual({ followerCount: 1, followingCount: 0 });
  });

  it('lets the owner remove a follower', async () => {
    const owner = await makeAccount(t.app);
    const fan = await makeAccount(t.app);
    await follow(fan, owner.handle);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/followers/${fan.handle}`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(await countsOf(owner)).toEqual({ followerCount: 0, followingCount: 0 });
  });
});

describe('blocking', () => {
  it('ends follows both ways and makes each invisible to the other until unblocked', async () => {
    const [ana, ben] = [await makeAccount(t.app), await makeAccount(t.app)];
    await follow(ana, ben.handle);
    await follow(ben, ana.handle);
    const block = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${ben.handle}/block`,
      headers: ana.headers,
    });
    expect(block.statusCode).toBe(204);
    expect(await countsOf(ana)).toEqual({ followerCount: 0, followingCount: 0 });
    expect(await countsOf(ben)).toEqual({ followerCount: 0, followingCount: 0 });

    expect((await follow(ben, ana.handle)).statusCode).toBe(404);
    expect((await follow(ana, ben.handle)).statusCode).toBe(404);
    expect((await get(`/api/v1/accounts/${ana.handle}/followers`, ben)).statusCode).toBe(404);
    expect((await get(`/api/v1/accounts/${ana.handle}/relationship`, ben)).statusCode).toBe(404);
    expect(handlesOf(await get('/api/v1/me/blocks', ana))).toEqual([ben.handle]);

    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/accounts/${ben.handle}/block`,
      headers: ana.headers,
    });
    expect((await follow(ben, ana.handle)).json()).toEqual({ following: 'following' });
  });
});

describe('follow suggestions', () => {
  it('suggests friends of friends by how many you follow follow them, then popular creators in your language', async () => {
    const [me, a, b, popular, mutualTwice, mutualOnce, alreadyFollowed] = [
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
    ];
    for (const friend of [a, b, alreadyFollowed]) await follow(me, friend.handle);
    for (const friend of [a, b]) await follow(friend, mutualTwice.handle);
    await follow(a, mutualOnce.handle);
    await follow(a, alreadyFollowed.handle);
    await follow(a, me.handle);
    await makeReadyVideo(t, popular, { language: 'pt-BR' });
    for (const fan of await makeAccounts(t, 3)) await follow(fan, popular.handle);

    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/follow-suggestions',
      headers: { cookie: me.cookie, 'accept-language': 'pt-PT,pt;q=0.9,en;q=0.5' },
    });
    expect(response.statusCode).toBe(200);
    const items = response.json<{
      items: { account: { handle: string }; reason: string; mutualFollowCount: number }[];
    }>().items;
    expect(items.slice(0, 3)).toEqual([
      {
        account: expect.objectContaining({ handle: mutualTwice.handle }) as object,
        reason: 'followed-by-people-you-follow',
        mutualFollowCount: 2,
      },
      {
        account: expect.objectContaining({ handle: mutualOnce.handle }) as object,
        reason: 'followed-by-people-you-follow',
        mutualFollowCount: 1,
      },
      {
        account: expect.objectContaining({ handle: popular.handle }) as object,
        reason: 'popular-in-your-language',
        mutualFollowCount: 0,
      },
    ]);
    const handles = items.map((item) => item.account.handle);
    expect(handles).not.toContain(me.handle);
    expect(handles).not.toContain(alreadyFollowed.handle);
  });
});

describe('follower counters under concurrency', () => {
  it('stay exact when 200 accounts follow at once and half of them unfollow at once', async () => {
    const creator = await makeAccount(t.app);
    const crowd = await makeAccounts(t, 200);
    const follows = await Promise.all(crowd.map((fan) => follow(fan, creator.handle)));
    expect(follows.map((r) => r.statusCode)).toEqual(crowd.map(() => 200));
    expect(await countsOf(creator)).toEqual({ followerCount: 200, followingCount: 0 });

    const leaving = crowd.slice(0, 100);
    await Promise.all(leaving.map((fan) => unfollow(fan, creator.handle)));
    expect(await countsOf(creator)).toEqual({ followerCount: 100, followingCount: 0 });
    for (const fan of [crowd[0]!, crowd[150]!]) {
      expect((await countsOf(fan)).followingCount).toBe(fan === crowd[0] ? 0 : 1);
    }
  });

  it('stay exact when followers follow each other both ways at once', async () => {
    const crowd = await makeAccounts(t, 20);
    await Promise.all(
      crowd.flatMap((a) => crowd.filter((b) => b !== a).map((b) => follow(a, b.handle))),
    );
    for (const account of crowd)
      expect(await countsOf(account)).toEqual({ followerCount: 19, followingCount: 19 });
  });

  it('stay exact when a follower deletes their account', async () => {
    const creator = await makeAccount(t.app);
    const leaver = await makeAccount(t.app);
    await follow(leaver, creator.handle);
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: leaver.headers,
      payload: { password: leaver.password },
    });
    expect(response.statusCode).toBe(204);
    expect(await countsOf(creator)).toEqual({ followerCount: 0, followingCount: 0 });
  });
});
