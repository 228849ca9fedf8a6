import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import {
  makeAccount,
  randomRemoteAddress,
  sessionCookieOf,
  uniqueHandle,
} from '../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const problemType = (response: { json: () => unknown }) =>
  (response.json() as { type: string }).type;

describe('signing up and logging in', () => {
  it('signs up, starts a cookie session, and knows who is signed in', async () => {
    const account = await makeAccount(t.app, { displayName: 'Ana López' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: account.cookie },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({
      account: {
        handle: account.handle,
        displayName: 'Ana López',
        isAdmin: false,
        homeRegion: 'local',
      },
      csrfToken: account.csrfToken,
    });
  });

  it('sets the session cookie httpOnly and SameSite=Lax', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { handle: uniqueHandle(), password: 'long enough password' },
      remoteAddress: randomRemoteAddress(),
    });
    const cookie = response.cookies.find((c) => c.name === 'sw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers an anonymous visitor with nulls, not an error', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(response.json()).toEqual({ account: null, csrfToken: null });
  });

  it('logs in with the handle in any case, and logs out', async () => {
    const account = await makeAccount(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: account.handle.toUpperCase(), password: account.password },
      remoteAddress: randomRemoteAddress(),
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookieOf(login);
    const { csrfToken } = login.json<{ csrfToken: string }>();

    const logout = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie },
    });
    expect(after.json()).toEqual({ account: null, csrfToken: null });
  });

  it('says the same thing for a wrong password and an unknown handle', async () => {
    const account = await makeAccount(t.app);
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: account.handle, password: 'not the password' },
      remoteAddress: randomRemoteAddress(),
    });
    const unknownHandle = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: uniqueHandle('ghost'), password: 'whatever it is' },
      remoteAddress: randomRemoteAddress(),
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownHandle.statusCode).toBe(401);
    expect(problemType(wrongPassword)).toBe('/problems/wrong-credentials');
    expect(unknownHandle.json()).toEqual({
      ...wrongPassword.json<object>(),
      instance: '/api/v1/session',
    });
  });

  it('rate-limits log-in attempts from one address', async () => {
    const remoteAddress = randomRemoteAddress();
    const attempts = [];
    for (let i = 0; i < 11; i++) {
      attempts.push(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { handle: 'nobody_here', password: 'guessing passwords' },
          remoteAddress,
        }),
      );
    }
    expect(attempts.slice(0, 10).every((r) => r.statusCode === 401)).toBe(true);
    expect(attempts[10]!.statusCode).toBe(429);
    expect(attempts[10]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemType(attempts[10]!)).toBe('/problems/rate-limited');
    expect(attempts[10]!.headers['retry-after']).toBeDefined();
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated change without the CSRF token', async () => {
    const account = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: account.cookie },
      payload: { bio: 'hijacked' },
    });
    expect(response.statusCode).toBe(403);
    expect(problemType(response)).toBe('/problems/csrf-token-invalid');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: account.cookie },
    });
    expect(me.json<{ bio: string }>().bio).toBe('');
  });

  it('refuses a change whose Origin is another site, even with the token', async () => {
    const account = await makeAccount(t.app);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...account.headers, origin: 'https://evil.example' },
      payload: { bio: 'hijacked' },
    });
    expect(response.statusCode).toBe(403);
    expect(problemType(response)).toBe('/problems/cross-origin-request');
  });
});

describe('API tokens', () => {
  it('authenticates a bearer token without CSRF, and stops when revoked', async () => {
    const account = await makeAccount(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: account.headers,
      payload: { label: 'my script' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(token).toMatch(/^swt_/);

    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
      payload: { bio: 'set by a script' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json<{ bio: string }>().bio).toBe('set by a script');

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${id}`,
      headers: account.headers,
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(problemType(after)).toBe('/problems/invalid-token');
  });

  it('lists sessions newest first, a page at a time', async () => {
    const account = await makeAccount(t.app);
    for (const label of ['one', 'two', 'three']) {
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        headers: account.headers,
        payload: { label },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/me/sessions?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.app.inject({ method: 'GET', url, headers: { cookie: account.cookie } });
      expect(page.statusCode).toBe(200);
      const body = page.json<{
        items: { label: string; isCurrent: boolean }[];
        nextCursor: string | null;
      }>();
      seen.push(...body.items.map((item) => item.label || (item.isCurrent ? 'current' : '?')));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['three', 'two', 'one', 'current']);
  });
});

describe('profiles and avatars', () => {
  it('edits display name and bio, and shows them on the public profile', async () => {
    const account = await makeAccount(t.app);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: account.headers,
      payload: { displayName: '  Chef Ana  ', bio: 'Cooking in 60 seconds.\nNew videos daily.' },
    });
    expect(patch.statusCode).toBe(200);
    const profile = await t.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${account.handle.toUpperCase()}`,
    });
    expect(profile.json()).toMatchObject({
      handle: account.handle,
      displayName: 'Chef Ana',
      bio: 'Cooking in 60 seconds.\nNew videos daily.',
    });
  });

  it('resizes an uploaded avatar to a 400×400 WebP without metadata, and serves it cacheably', async () => {
    const account = await makeAccount(t.app);
    const jpeg = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#c33' },
    })
      .withMetadata({ exif: { IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' } } })
      .jpeg()
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { ...account.headers, 'content-type': 'image/jpeg' },
      payload: jpeg,
    });
    expect(put.statusCode, put.body).toBe(200);
    const avatarUrl = put.json<{ avatarUrl: string }>().avatarUrl;
    expect(avatarUrl).toMatch(new RegExp(`^/avatars/${account.id}/[a-f0-9]{16}\\.webp$`));

    const image = await t.app.inject({ method: 'GET', url: avatarUrl });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['cache-control']).toContain('immutable');
    const metadata = await sharp(image.rawPayload).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 400, height: 400 });
    expect(metadata.exif).toBeUndefined();

    const revalidate = await t.app.inject({
      method: 'GET',
      url: avatarUrl,
      headers: { 'if-none-match': String(image.headers.etag) },
    });
    expect(revalidate.statusCode).toBe(304);
    const range = await t.app.inject({
      method: 'GET',
      url: avatarUrl,
      headers: { range: 'bytes=0-9' },
    });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload).toHaveLength(10);
  });

  it('deletes the previous avatar file when a new one replaces it', async () => {
    const account = await makeAccount(t.app);
    const upload = async (color: string) => {
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: color } })
        .png()
        .toBuffer();
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/avatar',
        headers: { ...account.headers, 'content-type': 'image/png' },
        payload: png,
      });
      return response.json<{ avatarUrl: string }>().avatarUrl;
    };
    const first = await upload('#111');
    const second = await upload('#eee');
    expect(second).not.toBe(first);
    await t.drainJobs();
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
  });
});

describe('changing the password', () => {
  it('ends every other session and token, keeps this one, and takes the new password', async () => {
    const account = await makeAccount(t.app);
    const otherLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: account.handle, password: account.password },
      remoteAddress: randomRemoteAddress(),
    });
    const otherCookie = sessionCookieOf(otherLogin);

    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: account.headers,
      payload: { currentPassword: account.password, newPassword: 'a brand new password' },
    });
    expect(change.statusCode).toBe(200);
    expect(change.json()).toEqual({ endedSessions: 1 });

    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: otherCookie },
    });
    expect(other.json()).toEqual({ account: null, csrfToken: null });
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: account.cookie },
    });
    expect(mine.statusCode).toBe(200);

    const oldPassword = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: account.handle, password: account.password },
      remoteAddress: randomRemoteAddress(),
    });
    expect(oldPassword.statusCode).toBe(401);
  });

  it('refuses the change when the current password is wrong', async () => {
    const account = await makeAccount(t.app);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: account.headers,
      payload: { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new password' },
    });
    expect(change.statusCode).toBe(403);
    expect(problemType(change)).toBe('/problems/wrong-password');
  });
});

describe('deleting an account', () => {
  it('removes the account, its sessions and its files, and frees the handle', async () => {
    const account = await makeAccount(t.app);
    const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#09f' } })
      .png()
      .toBuffer();
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { ...account.headers, 'content-type': 'image/png' },
      payload: png,
    });
    expect(await t.ctx.blobs.list(`accounts/${account.id}/`)).toHaveLength(1);

    const wrong = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: account.headers,
      payload: { password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(403);

    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: account.headers,
      payload: { password: account.password },
    });
    expect(deletion.statusCode).toBe(204);
    await t.drainJobs();

    const db = t.ctx.database.db;
    expect(
      await db.selectFrom('accounts').where('id', '=', account.id).select('id').execute(),
    ).toEqual([]);
    expect(
      await db.selectFrom('sessions').where('accountId', '=', account.id).select('id').execute(),
    ).toEqual([]);
    expect(await db.selectFrom('blobDeletions').select('prefix').execute()).toEqual([]);
    expect(await t.ctx.blobs.list(`accounts/${account.id}/`)).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${account.handle}` })).statusCode,
    ).toBe(404);
    await makeAccount(t.app, { handle: account.handle });
  });
});

describe('administrators', () => {
  it('promotes an existing account, or creates one with a one-time password', async () => {
    const account = await makeAccount(t.app);
    const promoted = await t.ctx.accounts.makeAdmin(account.handle.toUpperCase());
    expect(promoted.password).toBeNull();
    expect(promoted.account.role).toBe('admin');

    const created = await t.ctx.accounts.makeAdmin('admin');
    expect(created.password).toMatch(/^[\w-]{16}$/);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { handle: 'admin', password: created.password },
      remoteAddress: randomRemoteAddress(),
    });
    expect(login.json()).toMatchObject({ account: { handle: 'admin', isAdmin: true } });
  });
});
