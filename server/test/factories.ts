// Factories for test data, made through the public API so they obey every rule.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { VIDEO_EVENTS, videoBlobPrefix } from '../src/videos/index.js';
import type { TestApp } from './harness.js';

export type TestAccount = {
  id: string;
  handle: string;
  password: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated change: the session cookie and its CSRF token. */
  headers: Record<string, string>;
};

export function uniqueHandle(prefix = 'user'): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'sw_session');
  if (!cookie)
    throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `sw_session=${cookie.value}`;
}

export async function makeAccount(
  app: FastifyInstance,
  overrides: { handle?: string; password?: string; displayName?: string } = {},
): Promise<TestAccount> {
  const handle = overrides.handle ?? uniqueHandle();
  const password = overrides.password ?? 'a long enough password';
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: {
      handle,
      password,
      ...(overrides.displayName ? { displayName: overrides.displayName } : {}),
    },
    remoteAddress: randomRemoteAddress(),
  });
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ account: { id: string }; csrfToken: string }>();
  const cookie = sessionCookieOf(response);
  return {
    id: body.account.id,
    handle,
    password,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/** Each factory call comes from its own address, so auth rate limits do not trip other tests. */
export function randomRemoteAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/**
 * Many accounts at once, written straight to the database with live sessions (no password
 * hashing, no sign-up rate limit): for tests that need hundreds of distinct people.
 */
export async function makeAccounts(t: TestApp, count: number): Promise<TestAccount[]> {
  const rows = Array.from({ length: count }, () => ({
    id: uuidv7(),
    handle: uniqueHandle('crowd'),
    passwordHash: 'not-a-password-hash',
    homeRegion: t.ctx.config.region,
  }));
  await t.ctx.database.db.insertInto('accounts').values(rows).execute();
  return Promise.all(
    rows.map(async (row) => {
      const session = await t.ctx.sessions.startSession(row.id, 'test crowd');
      const cookie = `sw_session=${session.secret}`;
      return {
        id: row.id,
        handle: row.handle,
        password: '',
        cookie,
        csrfToken: session.csrfToken,
        headers: { cookie, 'x-csrf-token': session.csrfToken },
      };
    }),
  );
}

/** An administrator, signed in. */
export async function makeAdmin(t: TestApp): Promise<TestAccount> {
  const admin = await makeAccount(t.app, { handle: uniqueHandle('admin') });
  await t.ctx.accounts.makeAdmin(admin.handle);
  return admin;
}

export type ReadyVideo = { id: string; accountId: string; revision: string };

/**
 * A ready video: created through the API, then given plausible media fields directly in the
 * database, as if the media pipeline had run (social tests need no real media files). Publishes
 * `video.published` and `video.ready` as the pipeline does, unless `isPublishingEvents` is false.
 */
export async function makeReadyVideo(
  t: TestApp,
  creator: TestAccount,
  overrides: {
    caption?: string;
    visibility?: 'public' | 'followers' | 'private';
    commentsEnabled?: boolean;
    language?: string;
    durationMs?: number;
    readyAt?: Date;
    isPublishingEvents?: boolean;
  } = {},
): Promise<ReadyVideo> {
  const { durationMs, readyAt, isPublishingEvents, ...fields } = overrides;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/videos',
    headers: creator.headers,
    payload: fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  const { video } = response.json<{ video: { id: string } }>();
  const revision = randomBytes(8).toString('hex');
  const prefix = `${videoBlobPrefix({ id: video.id, accountId: creator.id })}${revision}/`;
  const at = readyAt ?? new Date();
  await t.ctx.database.db
    .updateTable('videos')
    .set({
      state: 'ready',
      durationMs: durationMs ?? 15_000,
      width: 1080,
      height: 1920,
      mediaRevision: revision,
      renditions: JSON.stringify([
        {
          name: '720p',
          width: 720,
          height: 1280,
          bandwidth: 2_800_000,
          averageBandwidth: 2_200_000,
          codecs: 'avc1.64001f,mp4a.40.2',
          frameRate: 30,
          playlist: '720p/index.m3u8',
        },
      ]),
      posterKey: `${prefix}poster.webp`,
      thumbnailsKey: `${prefix}thumbnails.webp`,
      thumbnailsVttKey: `${prefix}thumbnails.vtt`,
      processingPercent: 100,
      playableAt: at,
      readyAt: at,
    })
    .where('id', '=', video.id)
    .execute();
  if (isPublishingEvents !== false) {
    const event = { videoId: video.id, accountId: creator.id };
    await t.ctx.queue.publish(VIDEO_EVENTS.published, event);
    await t.ctx.queue.publish(VIDEO_EVENTS.ready, event);
  }
  return { id: video.id, accountId: creator.id, revision };
}
