// Comments through the API: threads one level deep, ordering, pins, who may delete, comment
// likes, "comments off", and the creator's keyword filter.
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

type Comment = {
  id: string;
  body: string;
  parentId: string | null;
  likeCount: number;
  replyCount: number;
  isPinned: boolean;
  isByCreator: boolean;
  hashtags: string[];
  mentions: string[];
};

async function comment(who: TestAccount, videoId: string, body: string, parentId?: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/videos/${videoId}/comments`,
    headers: who.headers,
    payload: { body, ...(parentId ? { parentId } : {}) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Comment>();
}
const list = async (videoId: string, who?: TestAccount, query = '') =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/videos/${videoId}/comments${query}`,
      headers: who ? { cookie: who.cookie } : {},
    })
  ).json<{ items: Comment[]; nextCursor: string | null }>();
const bodies = (page: { items: Comment[] }) => page.items.map((c) => c.body);
const likeComment = (who: TestAccount, id: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  t.app.inject({ method, url: `/api/v1/comments/${id}/like`, headers: who.headers });
const commentCount = async (videoId: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/engagement` })).json<{
    stats: { commentCount: number };
  }>().stats.commentCount;

describe('comments and replies', () => {
  it('lists comments newest first or most liked first, a page at a time', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const [a, b] = [await makeAccount(t.app), await makeAccount(t.app)];
    const first = await comment(a, video.id, 'first #Pasta with @someone');
    expect(first).toMatchObject({ hashtags: ['pasta'], mentions: ['someone'], isByCreator: false });
    const second = await comment(b, video.id, 'second');
    await comment(creator, video.id, 'third');
    await likeComment(a, second.id);
    await likeComment(b, second.id);
    await likeComment(b, first.id);

    const newest = await list(video.id, undefined, '?limit=2');
    expect(bodies(newest)).toEqual(['third', 'second']);
    const rest = await list(video.id, undefined, `?limit=2&cursor=${newest.nextCursor}`);
    expect(bodies(rest)).toEqual(['first #Pasta with @someone']);
    const top = await list(video.id, undefined, '?order=top&limit=2');
    expect(bodies(top)).toEqual(['second', 'first #Pasta with @someone']);
    expect(bodies(await list(video.id, undefined, `?order=top&cursor=${top.nextCursor}`))).toEqual([
      'third',
    ]);
    expect(await commentCount(video.id)).toBe(3);
  });

  it('keeps replies one level deep, oldest first, and counts them', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const fan = await makeAccount(t.app);
    const root = await comment(fan, video.id, 'root');
    const reply = await comment(creator, video.id, 'reply', root.id);
    const replyToReply = await comment(fan, video.id, 'reply to reply', reply.id);
    expect(replyToReply.parentId).toBe(root.id);
    expect(reply.isByCreator).toBe(true);

    const replies = await t.app.inject({
      method: 'GET',
      url: `/api/v1/comments/${root.id}/replies`,
    });
    expect(bodies(replies.json())).toEqual(['reply', 'reply to reply']);
    expect(bodies(await list(video.id))).toEqual(['root']);
    expect((await list(video.id)).items[0]!.replyCount).toBe(2);
    expect(await commentCount(video.id)).toBe(3);
  });

  it('pins one comment on top, replacing the previous pin', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const fan = await makeAccount(t.app);
    const old = await comment(fan, video.id, 'old');
    const middle = await comment(fan, video.id, 'middle');
    await comment(fan, video.id, 'new');
    const pin = (id: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${video.id}/pinned-comment`,
        headers: creator.headers,
        payload: { commentId: id },
      });
    expect((await pin(old.id)).statusCode).toBe(204);
    expect((await pin(middle.id)).statusCode).toBe(204);
    const page = await list(video.id);
    expect(page.items.map((c) => [c.body, c.isPinned])).toEqual([
      ['middle', true],
      ['new', false],
      ['old', false],
    ]);
    const byFan = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/videos/${video.id}/pinned-comment`,
      headers: fan.headers,
      payload: { commentId: old.id },
    });
    expect(byFan.statusCode).toBe(403);
  });

  it('lets authors delete their own comments and creators delete any on their video', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const [fan, other] = [await makeAccount(t.app), await makeAccount(t.app)];
    const mine = await comment(fan, video.id, 'mine');
    const theirs = await comment(other, video.id, 'theirs');
    await comment(fan, video.id, 'a reply', theirs.id);
    const remove = (who: TestAccount, id: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${id}`, headers: who.headers });

    expect((await remove(fan, theirs.id)).statusCode).toBe(403);
    expect((await remove(fan, mine.id)).statusCode).toBe(204);
    expect((await remove(creator, theirs.id)).statusCode).toBe(204);
    expect((await list(video.id)).items).toEqual([]);
    expect(await commentCount(video.id)).toBe(0);
  });

  it('refuses comments when the creator turned them off, and hides the old ones', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const fan = await makeAccount(t.app);
    await comment(fan, video.id, 'before');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/videos/${video.id}`,
      headers: creator.headers,
      payload: { commentsEnabled: false },
    });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${video.id}/comments`,
      headers: fan.headers,
      payload: { body: 'after' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ type: '/problems/comments-off' });
    expect((await list(video.id, fan)).items).toEqual([]);
    expect(bodies(await list(video.id, creator))).toEqual(['before']);
  });

  it('rejects empty and overlong comments', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    for (const body of ['   ', 'x'.repeat(501)]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${video.id}/comments`,
        headers: creator.headers,
        payload: { body },
      });
      expect(response.statusCode).toBe(400);
    }
  });
});

describe('comment likes', () => {
  it('keeps the count exact when 200 people like a comment at once and half take it back', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const target = await comment(creator, video.id, 'like me');
    const crowd = await makeAccounts(t, 200);
    await Promise.all(crowd.map((fan) => likeComment(fan, target.id)));
    expect((await list(video.id)).items[0]!.likeCount).toBe(200);
    await Promise.all(crowd.slice(0, 100).map((fan) => likeComment(fan, target.id, 'DELETE')));
    const afterwards = await likeComment(crowd[150]!, target.id);
    expect(afterwards.json()).toEqual({ likeCount: 100, isLiked: true });
  });

  it('keeps the comment count exact when 200 people comment at once', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const crowd = await makeAccounts(t, 200);
    await Promise.all(crowd.map((fan) => comment(fan, video.id, 'me too')));
    expect(await commentCount(video.id)).toBe(200);
  });
});

describe('the keyword filter', () => {
  it('hides matching comments (whole words, any case) from everyone but their author', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const [rude, polite, reader] = [
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app),
    ];
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/comment-filter',
      headers: creator.headers,
      payload: { keywords: ['  Spoiler ', 'buy now', 'a.b'] },
    });
    expect(saved.json()).toEqual({ keywords: ['spoiler', 'buy now', 'a.b'] });
    await comment(rude, video.id, 'SPOILER: he dies');
    await comment(rude, video.id, 'Buy   now, cheap!');
    await comment(rude, video.id, 'axb is not a.b');
    await comment(polite, video.id, 'no spoilers please, and aXb');

    expect(bodies(await list(video.id, reader))).toEqual(['no spoilers please, and aXb']);
    expect(bodies(await list(video.id, creator))).toEqual(['no spoilers please, and aXb']);
    expect(bodies(await list(video.id, rude))).toEqual([
      'no spoilers please, and aXb',
      'axb is not a.b',
      'Buy   now, cheap!',
      'SPOILER: he dies',
    ]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me/comment-filter',
          headers: { cookie: creator.cookie },
        })
      ).json(),
    ).toEqual({ keywords: ['spoiler', 'buy now', 'a.b'] });
  });
});
