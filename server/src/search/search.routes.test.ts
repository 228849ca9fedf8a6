// Search and hashtags: forgiving account search, accent-insensitive caption search, hashtag
// search, typeahead, hashtag pages and trending tags. Each test uses words of its own, so tests
// sharing the database never see each other's results.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeReadyVideo, uniqueHandle } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A made-up word of letters only, unique to the calling test. */
const word = () =>
  [...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
const get = async <T>(url: string) => {
  const response = await t.app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
type AccountPage = { items: { handle: string; displayName: string }[]; nextCursor: string | null };
type VideoPage = { items: { caption: string }[]; nextCursor: string | null };

describe('account search', () => {
  it('finds people by name regardless of accents, case and a typo', async () => {
    const surname = word();
    const jose = await makeAccount(t.app, { displayName: `José Núñez ${surname}` });
    for (const query of [
      `jose nunez ${surname}`,
      `JOSÉ ${surname}`,
      `Nunez ${surname.slice(0, -1)}x`,
    ]) {
      const page = await get<AccountPage>(`/api/v1/search/accounts?q=${encodeURIComponent(query)}`);
      expect(
        page.items.map((a) => a.handle),
        query,
      ).toContain(jose.handle);
    }
  });

  it('ranks handles that start with the query first, and pages through the rest', async () => {
    const stem = word();
    const exact = await makeAccount(t.app, { handle: `${stem}_ana` });
    const others = [];
    for (let i = 0; i < 3; i++)
      others.push(
        await makeAccount(t.app, { handle: uniqueHandle('x'), displayName: `fan of ${stem}` }),
      );
    const first = await get<AccountPage>(`/api/v1/search/accounts?q=${stem}&limit=2`);
    expect(first.items[0]!.handle).toBe(exact.handle);
    const second = await get<AccountPage>(
      `/api/v1/search/accounts?q=${stem}&limit=2&cursor=${first.nextCursor}`,
    );
    const all = [...first.items, ...second.items].map((a) => a.handle);
    expect(new Set(all).size).toBe(4);
    expect(all.sort()).toEqual([exact, ...others].map((a) => a.handle).sort());
  });

  it('finds names in scripts without trigrams (Cyrillic, Japanese) by substring', async () => {
    const tag = word();
    const maria = await makeAccount(t.app, { displayName: `Ана Мария ${tag}` });
    const taro = await makeAccount(t.app, { displayName: `山田太郎 ${tag}` });
    const byCyrillic = await get<AccountPage>(
      `/api/v1/search/accounts?q=${encodeURIComponent('мария')}`,
    );
    expect(byCyrillic.items.map((a) => a.handle)).toContain(maria.handle);
    const byKanji = await get<AccountPage>(
      `/api/v1/search/accounts?q=${encodeURIComponent('太郎')}`,
    );
    expect(byKanji.items.map((a) => a.handle)).toContain(taro.handle);
  });

  it('treats % and _ in the query literally', async () => {
    const page = await get<AccountPage>(`/api/v1/search/accounts?q=${encodeURIComponent('%')}`);
    expect(page.items).toEqual([]);
  });
});

describe('video search', () => {
  it('matches every word of the caption as a prefix, ignoring accents and case', async () => {
    const creator = await makeAccount(t.app);
    const unique = word();
    await makeReadyVideo(t, creator, { caption: `Crème brûlée ${unique} at home #dessert` });
    await makeReadyVideo(t, creator, { caption: `Crème ${unique} only` });
    await makeReadyVideo(t, creator, {
      caption: `secret crème brûlée ${unique}`,
      visibility: 'private',
    });
    const page = await get<VideoPage>(
      `/api/v1/search/videos?q=${encodeURIComponent(`CREME brul ${unique}`)}`,
    );
    expect(page.items.map((v) => v.caption)).toEqual([`Crème brûlée ${unique} at home #dessert`]);
    const byTag = await get<VideoPage>(`/api/v1/search/videos?q=${unique}+dessert`);
    expect(byTag.items).toHaveLength(1);
  });

  it('pages through many matches without repeating one', async () => {
    const creator = await makeAccount(t.app);
    const unique = word();
    for (let i = 0; i < 5; i++)
      await makeReadyVideo(t, creator, { caption: `${unique} number ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: VideoPage = await get<VideoPage>(
        `/api/v1/search/videos?q=${unique}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((v) => v.caption));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${unique} number ${i}`));
  });

  it('finds captions in Cyrillic and Japanese', async () => {
    const creator = await makeAccount(t.app);
    const unique = word();
    await makeReadyVideo(t, creator, { caption: `Привет мир ${unique}` });
    const page = await get<VideoPage>(
      `/api/v1/search/videos?q=${encodeURIComponent(`привет ${unique}`)}`,
    );
    expect(page.items).toHaveLength(1);
  });
});

describe('hashtags', () => {
  it('searches hashtags by prefix, counting only videos the viewer can see', async () => {
    const creator = await makeAccount(t.app);
    const tag = word();
    await makeReadyVideo(t, creator, { caption: `#${tag}ing one` });
    await makeReadyVideo(t, creator, { caption: `#${tag}ing two` });
    await makeReadyVideo(t, creator, { caption: `#${tag}ing three`, visibility: 'private' });
    await makeReadyVideo(t, creator, { caption: `#${tag}ed` });
    const found = await get<{ items: { tag: string; videoCount: number }[] }>(
      `/api/v1/search/hashtags?q=${encodeURIComponent(`#${tag.toUpperCase()}`)}`,
    );
    expect(found.items.map((h) => [h.tag, h.videoCount])).toEqual([
      [`${tag}ing`, 2],
      [`${tag}ed`, 1],
    ]);
    const typeahead = await get<{ hashtags: { tag: string }[] }>(
      `/api/v1/search/typeahead?q=${tag}`,
    );
    expect(typeahead.hashtags.map((h) => h.tag)).toEqual([`${tag}ing`, `${tag}ed`]);
  });

  it('shows a hashtag page with its count and videos, newest first', async () => {
    const creator = await makeAccount(t.app);
    const tag = word();
    await makeReadyVideo(t, creator, {
      caption: `old #${tag}`,
      readyAt: new Date(Date.now() - 60_000),
    });
    await makeReadyVideo(t, creator, { caption: `new #${tag}` });
    expect(await get(`/api/v1/hashtags/${tag}`)).toEqual({ tag, videoCount: 2, viewCount: 0 });
    const videos = await get<VideoPage>(`/api/v1/hashtags/%23${tag.toUpperCase()}/videos`);
    expect(videos.items.map((v) => v.caption)).toEqual([`new #${tag}`, `old #${tag}`]);
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/hashtags/${word()}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ type: '/problems/hashtag-not-found' });
  });

  it('trends the hashtags on the most videos published in the window', async () => {
    const creator = await makeAccount(t.app);
    const [hot, warm, old] = [word(), word(), word()];
    for (let i = 0; i < 3; i++) await makeReadyVideo(t, creator, { caption: `#${hot}` });
    await makeReadyVideo(t, creator, { caption: `#${warm} #${hot}` });
    await makeReadyVideo(t, creator, { caption: `#${warm}` });
    for (let i = 0; i < 5; i++)
      await makeReadyVideo(t, creator, {
        caption: `#${old}`,
        readyAt: new Date(Date.now() - 100 * 3_600_000),
      });
    const trending = await get<{ items: { tag: string; videoCount: number }[] }>(
      '/api/v1/hashtags/trending?windowHours=24&limit=50',
    );
    const ours = trending.items.filter((h) => [hot, warm, old].includes(h.tag));
    expect(ours.map((h) => [h.tag, h.videoCount])).toEqual([
      [hot, 4],
      [warm, 2],
    ]);
  });
});
