// Reporting and the moderation queue: reports of what people can see, dismissals and actions
// recorded with who, when and why, reporters and authors told, and takedowns that take effect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAccount,
  makeAdmin,
  makeReadyVideo,
  randomRemoteAddress,
  sessionCookieOf,
  type TestAccount,
} from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: TestAccount;
beforeAll(async () => {
  t = await startTestApp();
  admin = await makeAdmin(t);
});
afterAll(async () => {
  await t.close();
});

type Report = { id: string; subject: { kind: string; id: string; text: string | null } };

const report = (who: TestAccount, kind: string, id: string, reason = 'spam') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    headers: who.headers,
    payload: { subject: { kind, id }, reason, details: 'see for yourself' },
  });
const decide = (reportId: string, payload: object, path = 'actions', who = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/admin/reports/${reportId}/${path}`,
    headers: who.headers,
    payload,
  });
const queue = async () =>
  (
    await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/reports?limit=100',
      headers: { cookie: admin.cookie },
    })
  ).json<{ items: Report[] }>().items;
async function notificationsOf(who: TestAccount, kind: string) {
  await t.drainJobs();
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/me/notifications?limit=100',
    headers: { cookie: who.cookie },
  });
  return response
    .json<{ items: { kind: string; summary: string; details: Record<string, string> }[] }>()
    .items.filter((n) => n.kind === kind);
}

describe('reporting', () => {
  it('files one open report per person and subject, and only on what they can see', async () => {
    const creator = await makeAccount(t.app);
    const reporter = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator, { caption: 'buy followers' });
    const hidden = await makeReadyVideo(t, creator, { visibility: 'private' });
    const first = await report(reporter, 'video', video.id);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'open' });
    expect((await report(reporter, 'video', video.id)).json()).toEqual(first.json());
    expect((await report(reporter, 'video', hidden.id)).statusCode).toBe(404);
    expect((await report(creator, 'video', video.id)).json()).toMatchObject({
      type: '/problems/cannot-report-yourself',
    });
    expect((await report(reporter, 'account', creator.id, 'harassment')).statusCode).toBe(201);
    const bad = await report(reporter, 'video', video.id, 'i-just-dislike-it');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the queue for administrators', async () => {
    const member = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/reports',
      headers: { cookie: member.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ type: '/problems/admin-only' });
  });
});

describe('deciding reports', () => {
  it('dismisses a report, records why, and tells the reporter', async () => {
    const creator = await makeAccount(t.app);
    const reporter = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator, { caption: 'harmless cat' });
    const { id } = (await report(reporter, 'video', video.id)).json<{ id: string }>();
    expect((await queue()).find((r) => r.id === id)?.subject).toMatchObject({
      kind: 'video',
      id: video.id,
      text: 'harmless cat',
    });

    expect((await decide(id, { reason: 'It is a cat.' }, 'dismiss')).statusCode).toBe(204);
    expect((await queue()).map((r) => r.id)).not.toContain(id);
    expect((await decide(id, { reason: 'again' }, 'dismiss')).statusCode).toBe(409);
    expect((await notificationsOf(reporter, 'report-resolved'))[0]!.details).toEqual({
      outcome: 'dismissed',
      subjectKind: 'video',
    });
    const record = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/moderation-actions',
      headers: { cookie: admin.cookie },
    });
    expect(record.json<{ items: object[] }>().items[0]).toMatchObject({
      action: 'dismiss',
      admin: { id: admin.id, handle: admin.handle },
      reportId: id,
      subject: { kind: 'video', id: video.id, accountId: creator.id },
      reason: 'It is a cat.',
    });
  });

  it('removes a video everywhere, closes every report of it, and tells reporters and author', async () => {
    const creator = await makeAccount(t.app);
    const [first, second] = [await makeAccount(t.app), await makeAccount(t.app)];
    const video = await makeReadyVideo(t, creator, { caption: 'scam link' });
    const { id } = (await report(first, 'video', video.id)).json<{ id: string }>();
    const other = (await report(second, 'video', video.id, 'illegal')).json<{ id: string }>();

    const removed = await decide(id, { action: 'remove-content', reason: 'Fraud.' });
    expect(removed.statusCode).toBe(204);
    expect((await queue()).map((r) => r.id)).not.toContain(other.id);
    for (const who of [creator, first, undefined]) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/videos/${video.id}`,
        headers: who ? { cookie: who.cookie } : {},
      });
      expect(response.statusCode).toBe(404);
    }
    for (const reporter of [first, second]) {
      expect((await notificationsOf(reporter, 'report-resolved'))[0]!.details.outcome).toBe(
        'content-removed',
      );
    }
    expect((await notificationsOf(creator, 'content-removed'))[0]!.summary).toBe(
      'Your video was removed: Fraud.',
    );
  });

  it('removes a comment, which stops counting', async () => {
    const creator = await makeAccount(t.app);
    const troll = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const comment = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${video.id}/comments`,
        headers: troll.headers,
        payload: { body: 'you are awful' },
      })
    ).json<{ id: string }>();
    const { id } = (await report(creator, 'comment', comment.id, 'harassment')).json<{
      id: string;
    }>();
    expect((await decide(id, { action: 'remove-content', reason: 'Harassment.' })).statusCode).toBe(
      204,
    );
    const comments = await t.app.inject({
      method: 'GET',
      url: `/api/v1/videos/${video.id}/comments`,
    });
    expect(comments.json()).toEqual({ items: [], nextCursor: null });
    const engagement = await t.app.inject({
      method: 'GET',
      url: `/api/v1/videos/${video.id}/engagement`,
    });
    expect(engagement.json()).toMatchObject({ stats: { commentCount: 0 } });
  });

  it('suspends an account: it cannot act or log in usefully, and its content disappears', async () => {
    const spammer = await makeAccount(t.app);
    const reporter = await makeAccount(t.app);
    const video = await makeReadyVideo(t, spammer);
    const { id } = (await report(reporter, 'account', spammer.id)).json<{ id: string }>();
    expect((await decide(id, { action: 'suspend-account', reason: 'Spam.' })).statusCode).toBe(204);

    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: spammer.cookie },
    });
    expect(session.json()).toEqual({ account: null, csrfToken: null });
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: spammer.headers,
      payload: {},
    });
    expect(post.statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: spammer.handle, password: spammer.password },
      remoteAddress: randomRemoteAddress(),
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/videos',
      headers: {
        cookie: sessionCookieOf(login),
        'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
      },
      payload: {},
    });
    expect(again.statusCode).toBe(401);

    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/videos/${video.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${spammer.handle}/videos` }))
        .statusCode,
    ).toBe(404);
    expect((await notificationsOf(reporter, 'report-resolved'))[0]!.details.outcome).toBe(
      'account-suspended',
    );
  });

  it('refuses to remove content of an account report, and admins suspending themselves', async () => {
    const target = await makeAccount(t.app);
    const reporter = await makeAccount(t.app);
    const { id } = (await report(reporter, 'account', target.id)).json<{ id: string }>();
    expect((await decide(id, { action: 'remove-content', reason: 'x' })).json()).toMatchObject({
      type: '/problems/nothing-to-remove',
    });
    const aboutAdmin = (await report(reporter, 'account', admin.id)).json<{ id: string }>();
    expect(
      (await decide(aboutAdmin.id, { action: 'suspend-account', reason: 'x' })).json(),
    ).toMatchObject({ type: '/problems/cannot-suspend-yourself' });
  });
});
