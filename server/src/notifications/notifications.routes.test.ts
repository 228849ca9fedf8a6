// Notifications end to end: events become notifications through the real queue, grouped likes
// and follows, mentions, unread counts, what stays hidden, and live delivery to an open page from
// a job run by another process.
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
  t = await startTestApp({}, { isListening: true });
});
afterAll(async () => {
  await t.close();
});

type Notification = {
  id: string;
  kind: string;
  summary: string;
  actorCount: number;
  actors: { handle: string }[];
  video: { id: string } | null;
  comment: { body: string } | null;
  details: Record<string, string>;
  isRead: boolean;
};

async function notificationsOf(who: TestAccount, kind?: string): Promise<Notification[]> {
  await t.drainJobs();
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me/notifications?limit=100',
    headers: { cookie: who.cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  const items = response.json<{ items: Notification[] }>().items;
  return kind ? items.filter((n) => n.kind === kind) : items;
}
const unreadOf = async (who: TestAccount) =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications/unread-count',
      headers: { cookie: who.cookie },
    })
  ).json<{ unreadCount: number }>().unreadCount;
const like = (who: TestAccount, videoId: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  t.app.inject({ method, url: `/api/v1/videos/${videoId}/like`, headers: who.headers });
const comment = (who: TestAccount, videoId: string, body: string, parentId?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/videos/${videoId}/comments`,
    headers: who.headers,
    payload: { body, ...(parentId ? { parentId } : {}) },
  });
const follow = (who: TestAccount, whom: TestAccount) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/accounts/${whom.handle}/follow`,
    headers: who.headers,
  });
const markAllRead = (who: TestAccount) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/me/notifications/read',
    headers: who.headers,
    payload: { all: true },
  });

describe('grouped notifications', () => {
  it('groups likes of one video while unread: "A and 12 others liked your video"', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const fans = await makeAccounts(t, 12);
    for (const fan of fans) await like(fan, video.id);
    const newest = await makeAccount(t.app, { displayName: 'Zoë' });
    await like(newest, video.id);

    const [group, ...others] = await notificationsOf(creator, 'video-liked');
    expect(others).toHaveLength(0);
    expect(group).toMatchObject({
      summary: 'Zoë and 12 others liked your video',
      actorCount: 13,
      video: { id: video.id },
      isRead: false,
    });
    expect(group!.actors).toHaveLength(3);
    expect(group!.actors[0]!.handle).toBe(newest.handle);
  });

  it('starts a new group once the old one was read, and withdraws a like taken back', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const [ana, ben] = [
      await makeAccount(t.app, { displayName: 'Ana' }),
      await makeAccount(t.app, { displayName: 'Ben' }),
    ];
    await like(ana, video.id);
    await notificationsOf(creator);
    await markAllRead(creator);
    expect(await unreadOf(creator)).toBe(0);

    await like(ben, video.id);
    await like(ana, video.id, 'DELETE');
    const likes = await notificationsOf(creator, 'video-liked');
    expect(likes.map((n) => [n.summary, n.isRead])).toEqual([['Ben liked your video', false]]);
    expect(await unreadOf(creator)).toBe(1);
  });

  it('groups new followers, and tells a requester their request was accepted', async () => {
    const owner = await makeAccount(t.app);
    const [ana, ben] = [
      await makeAccount(t.app, { displayName: 'Ana' }),
      await makeAccount(t.app, { displayName: 'Ben' }),
    ];
    await follow(ana, owner);
    await follow(ben, owner);
    expect((await notificationsOf(owner, 'account-followed')).map((n) => n.summary)).toEqual([
      'Ben and Ana started following you',
    ]);

    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/privacy',
      headers: owner.headers,
      payload: { isPrivate: true },
    });
    const asker = await makeAccount(t.app, { displayName: 'Cy' });
    await follow(asker, owner);
    expect((await notificationsOf(owner, 'follow-requested')).map((n) => n.summary)).toEqual([
      'Cy asked to follow you',
    ]);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/follow-requests/${asker.handle}/approve`,
      headers: owner.headers,
    });
    expect((await notificationsOf(asker, 'follow-accepted'))[0]!.actors[0]!.handle).toBe(
      owner.handle,
    );
  });
});

describe('comments, replies and mentions', () => {
  it('tells the creator about comments, authors about replies, and mentioned people', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const [ana, ben, cy] = [
      await makeAccount(t.app, { displayName: 'Ana' }),
      await makeAccount(t.app, { displayName: 'Ben' }),
      await makeAccount(t.app, { displayName: 'Cy' }),
    ];
    const root = (await comment(ana, video.id, `look @${cy.handle.toUpperCase()}`)).json<{
      id: string;
    }>();
    await comment(ben, video.id, 'agreed', root.id);

    expect((await notificationsOf(creator, 'video-commented')).map((n) => n.summary)).toEqual([
      'Ben commented: agreed',
      `Ana commented: look @${cy.handle.toUpperCase()}`,
    ]);
    expect((await notificationsOf(ana, 'comment-replied')).map((n) => n.summary)).toEqual([
      'Ben replied: agreed',
    ]);
    expect((await notificationsOf(cy, 'mentioned-in-comment'))[0]).toMatchObject({
      actors: [{ handle: ana.handle }],
      comment: { body: `look @${cy.handle.toUpperCase()}` },
    });
  });

  it('tells people mentioned in a caption once the video is published, if they can see it', async () => {
    const creator = await makeAccount(t.app, { displayName: 'Dee' });
    const [seen, hidden] = [await makeAccount(t.app), await makeAccount(t.app)];
    await makeReadyVideo(t, creator, { caption: `with @${seen.handle}` });
    await makeReadyVideo(t, creator, { caption: `with @${hidden.handle}`, visibility: 'private' });
    expect((await notificationsOf(seen, 'mentioned-in-video')).map((n) => n.summary)).toEqual([
      'Dee mentioned you in a video',
    ]);
    expect(await notificationsOf(hidden, 'mentioned-in-video')).toEqual([]);
  });
});

describe('processing outcomes', () => {
  it('tells the creator when a video is ready or failed', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    await t.ctx.queue.publish('video.failed', {
      videoId: video.id,
      accountId: creator.id,
      code: 'not-a-video',
      reason: 'The file is not a video we can read.',
    });
    const kinds = (await notificationsOf(creator)).map((n) => [n.kind, n.summary]);
    expect(kinds).toContainEqual(['video-ready', 'Your video is ready']);
    expect(kinds).toContainEqual([
      'video-failed',
      'Your video could not be processed: The file is not a video we can read.',
    ]);
    // Events delivered twice (a retried job) record nothing new.
    await t.ctx.queue.publish('video.ready', { videoId: video.id, accountId: creator.id });
    expect(await notificationsOf(creator, 'video-ready')).toHaveLength(1);
  });
});

describe('what stays hidden', () => {
  it('hides likes from people the recipient blocked or muted since, and counts only what is shown', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const [blocked, muted, kept] = [
      await makeAccount(t.app),
      await makeAccount(t.app),
      await makeAccount(t.app, { displayName: 'Kept' }),
    ];
    for (const fan of [blocked, muted, kept]) await like(fan, video.id);
    await notificationsOf(creator);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${blocked.handle}/block`,
      headers: creator.headers,
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${muted.handle}/mute`,
      headers: creator.headers,
    });
    expect((await notificationsOf(creator, 'video-liked')).map((n) => n.summary)).toEqual([
      'Kept liked your video',
    ]);
    await like(kept, video.id, 'DELETE');
    expect(await notificationsOf(creator, 'video-liked')).toEqual([]);
  });
});

describe('live delivery', () => {
  it('streams a notification recorded by a worker process to the recipient’s open page', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator, { isPublishingEvents: false });
    const fan = await makeAccount(t.app, { displayName: 'Fan' });
    const abort = new AbortController();
    const response = await fetch(`${t.url}/api/v1/me/notifications/stream`, {
      headers: { cookie: creator.cookie },
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readEvents(response);
    expect(await events.next('unread')).toEqual({ unreadCount: 0 });

    await like(fan, video.id);
    // Another process (sharing only the database) runs the job; its NOTIFY reaches this server.
    const worker = await startTestApp(
      {},
      { restartOf: { databaseUrl: t.databaseUrl, dataDir: t.dataDir } },
    );
    try {
      await worker.drainJobs();
    } finally {
      await worker.stop();
    }
    expect(await events.next('notification')).toMatchObject({
      kind: 'video-liked',
      summary: 'Fan liked your video',
    });
    expect(await events.next('unread')).toEqual({ unreadCount: 1 });
    abort.abort();
  });
});

/** Reads server-sent events from a fetch response, one named event at a time. */
function readEvents(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(name: string): Promise<unknown> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === name && data) return JSON.parse(data) as unknown;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before a ${name} event`);
        buffer += value;
      }
    },
  };
}
