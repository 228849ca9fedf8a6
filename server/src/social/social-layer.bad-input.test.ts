// Bad input to the social layer's endpoints gets a 4xx problem+json with a stable type, never a
// 500, and text comes back exactly as written (it is data, never markup or SQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeReadyVideo, type TestAccount } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let ana: TestAccount;
let videoId: string;
beforeAll(async () => {
  t = await startTestApp();
  ana = await makeAccount(t.app);
  videoId = (await makeReadyVideo(t, ana)).id;
});
afterAll(async () => {
  await t.close();
});

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  type: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ type: `/problems/${type}`, status });
}

const NUL = '%00';
const TAMPERED = Buffer.from('["not", "a", "key"]').toString('base64url');

describe('bad input to the social layer', () => {
  it.each([
    ['a handle with a NUL', `/api/v1/accounts/a${NUL}b/followers`],
    ['a handle with a NUL, on the grid', `/api/v1/accounts/a${NUL}b/videos`],
    ['a search query with a NUL', `/api/v1/search/accounts?q=a${NUL}b`],
    ['a hashtag search with a NUL', `/api/v1/search/hashtags?q=a${NUL}b`],
    ['a typeahead query with a NUL', `/api/v1/search/typeahead?q=a${NUL}b`],
    ['a hashtag with a NUL', `/api/v1/hashtags/a${NUL}b`],
    ['an empty search', '/api/v1/search/videos?q=%20'],
    ['a video id that is no id', '/api/v1/videos/42/comments'],
    ['an unknown ordering', '/api/v1/videos/VIDEO/comments?order=random'],
  ])('answers %s with 400', async (_case, url) => {
    const response = await t.app.inject({
      method: 'GET',
      url: url.replace('VIDEO', videoId),
      headers: { cookie: ana.cookie },
    });
    expectProblem(response, 400, 'invalid-request');
  });

  it.each([
    '/api/v1/feed/recent',
    '/api/v1/feed/following',
    '/api/v1/me/favourites',
    '/api/v1/me/notifications',
    '/api/v1/me/follow-requests',
    '/api/v1/videos/VIDEO/comments',
    '/api/v1/search/accounts?q=ana&',
    '/api/v1/hashtags/pasta/videos',
  ])('answers a tampered cursor on %s with 400', async (path) => {
    const separator = path.includes('?') ? '' : '?';
    const response = await t.app.inject({
      method: 'GET',
      url: `${path.replace('VIDEO', videoId)}${separator}cursor=${TAMPERED}`,
      headers: { cookie: ana.cookie },
    });
    expectProblem(response, 400, 'invalid-cursor');
  });

  it.each([
    ['PUT', '/api/v1/me/privacy', { isPrivate: 'yes' }],
    ['PUT', '/api/v1/me/privacy', { isPrivate: true, extra: 1 }],
    ['POST', '/api/v1/videos/VIDEO/views', { watchedMs: -1 }],
    ['POST', '/api/v1/videos/VIDEO/views', { watchedMs: 5000, clientId: 'short' }],
    ['POST', '/api/v1/videos/VIDEO/comments', { body: 'hi', parentId: 'nope' }],
    ['POST', '/api/v1/videos/VIDEO/comments', { body: 'bell \u0007 rings' }],
    ['POST', '/api/v1/me/notifications/read', { ids: [] }],
    ['POST', '/api/v1/me/notifications/read', { all: false }],
    ['PUT', '/api/v1/me/comment-filter', { keywords: ['x'.repeat(41)] }],
    ['POST', '/api/v1/reports', { subject: { kind: 'planet', id: 'VIDEO' }, reason: 'spam' }],
  ] as const)('answers %s %s with a bad body with 400', async (method, path, payload) => {
    const response = await t.app.inject({
      method,
      url: path.replace('VIDEO', videoId),
      headers: ana.headers,
      payload: JSON.parse(JSON.stringify(payload).replace('VIDEO', videoId)) as object,
    });
    expectProblem(response, 400, 'invalid-request');
  });

  it('answers malformed JSON with a problem', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${videoId}/comments`,
      headers: { ...ana.headers, 'content-type': 'application/json' },
      payload: '{"body": ',
    });
    expectProblem(response, 400, 'malformed-json');
  });

  it('keeps comment text exactly as written', async () => {
    const body = `<b>bold</b> '; drop table comments; -- & "quotes" 🎉`;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/videos/${videoId}/comments`,
      headers: ana.headers,
      payload: { body },
    });
    expect(response.json()).toMatchObject({ body });
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/comments` });
    expect(listed.json()).toMatchObject({ items: [{ body }] });
  });
});
