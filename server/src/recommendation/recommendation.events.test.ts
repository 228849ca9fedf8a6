// Viewing events: batches are validated, idempotent by client event id, accepted from signed-in
// viewers (cookie + CSRF, bearer), signed-out visitors and sendBeacon's text/plain.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
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
  postEvents,
  readForYou,
  sendEvents,
  watchToTheEnd,
} from './for-you.test-support.js';

let t: TestApp;
let creator: TestAccount;
let video: ReadyVideo;
beforeAll(async () => {
  t = await startTestApp();
  creator = await makeAccount(t.app);
  video = await makeReadyVideo(t, creator, { caption: 'a video #events' });
});
afterAll(async () => {
  await t.close();
});

const statsOf = async (videoId: string) => {
  const { rows } = await t.ctx.database.pool.query<{
    feed_impressions: string;
    feed_completions: string;
    popularity: number;
  }>('select feed_impressions, feed_completions, popularity from video_stats where video_id = $1', [
    videoId,
  ]);
  return rows[0];
};

describe('POST /api/v1/feed/events', () => {
  it('learns a batch once: sending the same batch again changes nothing', async () => {
    const viewer = await makeAccount(t.app);
    const batch = watchToTheEnd(video.id);
    expect(await sendEvents(t, viewer, batch)).toEqual({ accepted: 4, duplicates: 0 });
    const after = await statsOf(video.id);
    expect(await sendEvents(t, viewer, batch)).toEqual({ accepted: 0, duplicates: 4 });
    expect(await statsOf(video.id)).toEqual(after);
    expect(Number(after?.feed_impressions)).toBe(1);
    expect(Number(after?.feed_completions)).toBe(1);
    // A batch mixing old and new events learns only the new ones.
    const mixed = [...batch, event('like', video.id)];
    expect(await sendEvents(t, viewer, mixed)).toEqual({ accepted: 1, duplicates: 4 });
  });

  it('accepts signed-out visitors by their anonymousId, and bearer tokens', async () => {
    const visitor = makeAnonymous();
    expect(await sendEvents(t, visitor, watchToTheEnd(video.id))).toEqual({
      accepted: 4,
      duplicates: 0,
    });
    const viewer = await makeAccount(t.app);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: viewer.headers,
      payload: { label: 'feed test' },
    });
    expect(token.statusCode, token.body).toBe(201);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feed/events',
      headers: { authorization: `Bearer ${token.json<{ token: string }>().token}` },
      payload: { events: [event('impression', video.id)] },
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('accepts navigator.sendBeacon: text/plain JSON with the CSRF token in the body', async () => {
    const viewer = await makeAccount(t.app);
    const beacon = (csrfToken: string | undefined) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/feed/events',
        headers: { cookie: viewer.cookie, 'content-type': 'text/plain;charset=UTF-8' },
        payload: JSON.stringify({
          events: [event('impression', video.id)],
          ...(csrfToken === undefined ? {} : { csrfToken }),
        }),
      });
    const accepted = await beacon(viewer.csrfToken);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ accepted: 1, duplicates: 0 });
    for (const csrfToken of [undefined, 'x'.repeat(viewer.csrfToken.length)]) {
      const refused = await beacon(csrfToken);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ type: '/problems/csrf-token-invalid' });
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feed/events',
      headers: { 'content-type': 'text/plain' },
      payload: '{"events": [',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ type: '/problems/malformed-json' });
  });

  it('still needs the CSRF token for cookie sessions (the header, or the body)', async () => {
    const viewer = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feed/events',
      headers: { cookie: viewer.cookie },
      payload: { events: [event('impression', video.id)] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  const bad: [string, object, string][] = [
    [
      'an unknown kind',
      { events: [{ ...event('impression', randomUUID()), kind: 'stare' }] },
      'invalid-request',
    ],
    ['no events', { events: [] }, 'invalid-request'],
    [
      'more than 100 events',
      { events: Array.from({ length: 101 }, () => event('impression', randomUUID())) },
      'invalid-request',
    ],
    [
      'a NUL byte in an id',
      { events: [{ ...event('impression', randomUUID()), id: 'a\u0000b' }] },
      'invalid-request',
    ],
    [
      'a NUL byte in the anonymous id',
      { events: [event('impression', randomUUID())], anonymousId: 'abcdefghijklmnop\u0000' },
      'invalid-request',
    ],
    [
      'negative watched milliseconds',
      { events: [event('watch-progress', randomUUID(), { watchedMs: -5 })] },
      'invalid-request',
    ],
    [
      'progress without watched milliseconds',
      { events: [event('watch-progress', randomUUID())] },
      'invalid-request',
    ],
    [
      'an unknown field',
      { events: [{ ...event('like', randomUUID()), extra: 1 }] },
      'invalid-request',
    ],
  ];
  for (const [name, payload, type] of bad) {
    it(`refuses ${name} with a problem`, async () => {
      const viewer = await makeAccount(t.app);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/feed/events',
        headers: viewer.headers,
        payload,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ type: `/problems/${type}` });
    });
  }

  it('refuses a batch naming unknown or invisible videos, recording none of it', async () => {
    const viewer = await makeAccount(t.app);
    const hidden = await makeReadyVideo(t, creator, { visibility: 'private' });
    const unknown = randomUUID();
    const good = event('impression', video.id);
    const response = await postEvents(t, viewer, [
      good,
      event('impression', unknown),
      event('like', hidden.id),
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/unknown-videos' });
    expect(response.json<{ unknownVideoIds: string[] }>().unknownVideoIds.sort()).toEqual(
      [unknown, hidden.id].sort(),
    );
    // Nothing of that batch was kept: the good event is still new.
    expect(await sendEvents(t, viewer, [good])).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('needs an anonymousId from signed-out visitors', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feed/events',
      payload: { events: [event('impression', video.id)] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ type: '/problems/anonymous-id-required' });
  });
});

describe('learning while a For You page is being built', () => {
  it('waits between its statements for the page, but not for ever', async () => {
    // The page is held in PostgreSQL: its viewer-state read waits for this lock (the learner
    // never touches that table for events without a "hide creator").
    const blocker = new pg.Client({ connectionString: t.ctx.database.connectionString });
    await blocker.connect();
    const page = makeAnonymous();
    let pageRead: ReturnType<typeof readForYou> | undefined;
    try {
      await blocker.query('begin');
      await blocker.query('lock table viewer_hidden_creators in access exclusive mode');
      pageRead = readForYou(t, page);
      // Asked for the lock, not granted it. (pg_stat_activity would not do: a connection that
      // has not yet prepared the page's statement waits while parsing it, still showing its
      // previous statement's text.)
      await waitFor(async () => {
        const { rows } = await blocker.query<{ n: number }>(
          `select count(*)::int as n from pg_locks
           where relation = 'viewer_hidden_creators'::regclass and not granted`,
        );
        return (rows[0]?.n ?? 0) > 0;
      });
      const started = performance.now();
      expect(await sendEvents(t, makeAnonymous(), watchToTheEnd(video.id))).toEqual({
        accepted: 4,
        duplicates: 0,
      });
      // Ten statements, each after waiting its bound (25 ms) for the page that did not end.
      expect(performance.now() - started).toBeGreaterThanOrEqual(10 * 25);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
      await pageRead?.catch(() => undefined); // settled before the app closes, pass or fail
    }
    expect((await pageRead).items.length).toBeGreaterThan(0);
  });
});

async function waitFor(condition: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not met in 5 s');
}
