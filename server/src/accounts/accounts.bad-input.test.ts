// Bad input of every kind gets a 4xx problem+json with a stable type; nothing is stored half-way
// and text comes back exactly as written (it is data, never markup or SQL).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, randomRemoteAddress, uniqueHandle } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const countAccounts = async () =>
  Number(
    (
      await t.ctx.database.db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  type: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ type: `/problems/${type}`, status });
}

const signUp = (payload: string | object, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/accounts',
    headers: { 'content-type': 'application/json', ...headers },
    payload,
    remoteAddress: randomRemoteAddress(),
  });

describe('bad input to sign-up', () => {
  it('answers malformed JSON with a problem, storing nothing', async () => {
    const before = await countAccounts();
    expectProblem(await signUp('{"handle": "ana", "password": '), 400, 'malformed-json');
    expect(await countAccounts()).toBe(before);
  });

  it('answers an oversized body with 413 before reading it all', async () => {
    const response = await signUp({ handle: 'big_one', password: 'x'.repeat(300 * 1024) });
    expectProblem(response, 413, 'body-too-large');
  });

  it('answers a form-encoded body with 415', async () => {
    const response = await signUp('handle=ana&password=secret123', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectProblem(response, 415, 'unsupported-media-type');
  });

  it.each([
    ['a number for the handle', { handle: 42, password: 'long enough password' }],
    ['a missing password', { handle: 'someone_new' }],
    ['a short password', { handle: 'someone_new', password: 'short' }],
    [
      'an unknown field',
      { handle: 'someone_new', password: 'long enough password', isAdmin: true },
    ],
    ['a handle with spaces', { handle: 'ana lopez', password: 'long enough password' }],
    [
      'a handle with SQL',
      { handle: "ana'; drop table accounts;--", password: 'long enough password' },
    ],
    ['a handle with HTML', { handle: '<script>', password: 'long enough password' }],
    ['a handle with a doubled dot', { handle: 'ana..lopez', password: 'long enough password' }],
    [
      'a display name with a NUL byte',
      { handle: 'someone_new', password: 'long enough password', displayName: 'a\u0000b' },
    ],
    ['an array instead of an object', [1, 2, 3]],
  ])('rejects %s with invalid-request', async (_case, payload) => {
    const before = await countAccounts();
    const response = await signUp(payload);
    expectProblem(response, 400, 'invalid-request');
    expect(response.json<{ errors: unknown[] }>().errors.length).toBeGreaterThan(0);
    expect(await countAccounts()).toBe(before);
  });

  it('rejects a handle taken in another case with 409, keeping the first account', async () => {
    const first = await makeAccount(t.app, { handle: uniqueHandle('Case') });
    const response = await signUp({
      handle: first.handle.toUpperCase(),
      password: 'long enough password',
    });
    expectProblem(response, 409, 'handle-taken');
    const rows = await t.ctx.database.db
      .selectFrom('accounts')
      .select('handle')
      .where('handle', 'ilike', first.handle)
      .execute();
    expect(rows).toEqual([{ handle: first.handle }]);
  });

  it('refuses reserved handles', async () => {
    expectProblem(
      await signUp({ handle: 'Settings', password: 'long enough password' }),
      400,
      'handle-reserved',
    );
  });

  it('lets exactly one of two simultaneous sign-ups with the same handle win', async () => {
    const handle = uniqueHandle('race');
    const results = await Promise.all([
      signUp({ handle, password: 'long enough password' }),
      signUp({ handle: handle.toUpperCase(), password: 'long enough password' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('text is data, never markup or SQL', () => {
  it('stores HTML and SQL in display name and bio verbatim, and returns them as JSON strings', async () => {
    const account = await makeAccount(t.app);
    const displayName = `<img src=x onerror=alert(1)>';DROP TABLE x;--`;
    const bio = `<script>alert("hi")</script>\n' OR '1'='1`;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: account.headers,
      payload: { displayName, bio },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.headers['content-type']).toMatch(/^application\/json/);
    const profile = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${account.handle}`,
    });
    expect(profile.json()).toMatchObject({ displayName, bio });
    expect(await countAccounts()).toBeGreaterThan(0);
  });

  it('rejects an over-long bio and an empty patch', async () => {
    const account = await makeAccount(t.app);
    const long = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: account.headers,
      payload: { bio: 'x'.repeat(301) },
    });
    expectProblem(long, 400, 'invalid-request');
    const empty = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: account.headers,
      payload: {},
    });
    expectProblem(empty, 400, 'invalid-request');
  });
});

describe('bad avatars', () => {
  it('refuses a file that is not an image, keeping the old avatar and writing no file', async () => {
    const account = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { ...account.headers, 'content-type': 'image/png' },
      payload: randomBytes(4096),
    });
    expectProblem(response, 415, 'image-unreadable');
    expect(await t.ctx.blobs.list(`accounts/${account.id}/`)).toEqual([]);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: account.cookie },
    });
    expect(me.json<{ avatarUrl: string | null }>().avatarUrl).toBeNull();
  });

  it('refuses an avatar sent as JSON', async () => {
    const account = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: account.headers,
      payload: { image: 'data:...' },
    });
    expectProblem(response, 415, 'unsupported-media-type');
  });

  it('refuses an avatar over 10 MB with 413', async () => {
    const account = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { ...account.headers, 'content-type': 'image/jpeg' },
      payload: Buffer.alloc(11 * 1024 * 1024),
    });
    expectProblem(response, 413, 'body-too-large');
  });
});

describe('other requests', () => {
  it('answers an unknown API path with a problem, not HTML', async () => {
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }),
      404,
      'route-not-found',
    );
  });

  it('answers a change without any session with 401', async () => {
    expectProblem(
      await t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { bio: 'x' } }),
      401,
      'unauthenticated',
    );
  });

  it('answers a malformed bearer header with 401', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer' },
    });
    expectProblem(response, 401, 'invalid-token');
  });

  it('answers a handle with a NUL byte with 400, on a profile and at log-in', async () => {
    const profile = await t.app.inject({ method: 'GET', url: '/api/v1/accounts/a%00b' });
    expectProblem(profile, 400, 'invalid-request');
    const logIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: 'a\u0000b', password: 'long enough password' },
      remoteAddress: randomRemoteAddress(),
    });
    expectProblem(logIn, 400, 'invalid-request');
  });

  it('answers a forged page cursor with 400', async () => {
    const account = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions?cursor=bm9wZQ',
      headers: { cookie: account.cookie },
    });
    expectProblem(response, 400, 'invalid-cursor');
  });

  it('reports readiness once the database is migrated', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.json()).toEqual({ status: 'ready' });
  });
});
