// The public watch page and oEmbed: link previews describe public videos only, with every piece
// of user text escaped, on top of the web client's own page.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeReadyVideo } from '../../test/factories.js';
import { startTestApp, type TestApp } from '../../test/harness.js';

const PUBLIC_URL = 'https://video.example.org';
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Shortwave: short videos." />
    <title>Shortwave</title>
    <script type="module" src="/assets/index-abc123.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = await mkdtemp(path.join(os.tmpdir(), 'shortwave-web-'));
  await writeFile(path.join(webDist, 'index.html'), INDEX_HTML);
  t = await startTestApp({ SHORTWAVE_PUBLIC_URL: PUBLIC_URL, SHORTWAVE_WEB_DIST: webDist });
});
afterAll(async () => {
  await t.close();
  await rm(webDist, { recursive: true, force: true });
});

const page = (url: string, cookie?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
  });
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)" />`).exec(html)?.[1];

describe('the watch page', () => {
  it('is the web client with escaped Open Graph, Twitter and oEmbed tags for a public video', async () => {
    const creator = await makeAccount(t.app, { displayName: 'Ana "the chef"' });
    const video = await makeReadyVideo(t, creator, {
      caption: 'Pasta <script>alert(1)</script> & "friends" #cooking',
    });
    const response = await page(`/v/${video.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const html = response.body;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<script type="module" src="/assets/index-abc123.js"></script>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain(
      '<title>Pasta &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot; #cooking · Shortwave</title>',
    );
    expect(meta(html, 'og:title')).toBe(
      'Pasta &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot; #cooking',
    );
    expect(meta(html, 'og:url')).toBe(`${PUBLIC_URL}/v/${video.id}`);
    expect(meta(html, 'og:image')).toBe(
      `${PUBLIC_URL}/media/videos/${video.id}/${video.revision}/poster.webp`,
    );
    expect(meta(html, 'og:video')).toBe(
      `${PUBLIC_URL}/media/videos/${video.id}/${video.revision}/master.m3u8`,
    );
    expect(meta(html, 'twitter:card')).toBe('player');
    expect(meta(html, 'description')).toContain('Ana &quot;the chef&quot;');
    expect(html).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${PUBLIC_URL}/oembed?url=${encodeURIComponent(`${PUBLIC_URL}/v/${video.id}`)}&amp;format=json"`,
    );
  });

  it('describes nothing of a video only some may see, and answers 404 to those who may not', async () => {
    const creator = await makeAccount(t.app);
    const follower = await makeAccount(t.app);
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/accounts/${creator.handle}/follow`,
      headers: follower.headers,
    });
    const video = await makeReadyVideo(t, creator, {
      caption: 'secret pasta',
      visibility: 'followers',
    });
    const anonymous = await page(`/v/${video.id}`);
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.body).not.toContain('secret pasta');
    expect(anonymous.body).not.toContain('og:');
    expect(anonymous.body).toContain('<div id="root"></div>');
    const asFollower = await page(`/v/${video.id}`, follower.cookie);
    expect(asFollower.statusCode).toBe(200);
    expect(asFollower.body).not.toContain('secret pasta');
  });

  it('answers an unknown or malformed video id with the page and a 404', async () => {
    expect((await page('/v/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await page('/v/not-a-video')).statusCode).toBe(404);
  });

  it('may be framed anywhere in embed mode', async () => {
    const creator = await makeAccount(t.app);
    const video = await makeReadyVideo(t, creator);
    const response = await page(`/v/${video.id}?embed=1`);
    expect(response.headers['content-security-policy']).toContain('frame-ancestors *');
  });
});

describe('oEmbed', () => {
  it('describes a public video as an embeddable player, sized to fit', async () => {
    const creator = await makeAccount(t.app, { displayName: 'Ana' });
    const video = await makeReadyVideo(t, creator, { caption: 'Pasta night' });
    const url = encodeURIComponent(`${PUBLIC_URL}/v/${video.id}`);
    const response = await t.app.inject({
      method: 'GET',
      url: `/oembed?url=${url}&format=json&maxheight=400`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      version: '1.0',
      type: 'video',
      provider_name: 'Shortwave',
      provider_url: `${PUBLIC_URL}/`,
      title: 'Pasta night',
      author_name: 'Ana',
      author_url: `${PUBLIC_URL}/@${creator.handle}`,
      thumbnail_url: `${PUBLIC_URL}/media/videos/${video.id}/${video.revision}/poster.webp`,
      width: 225,
      height: 400,
    });
    expect(body.html).toBe(
      `<iframe src="${PUBLIC_URL}/v/${video.id}?embed=1" width="225" height="400" title="Pasta night" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`,
    );
  });

  it('refuses other formats, other servers and videos that are not public', async () => {
    const creator = await makeAccount(t.app);
    const hidden = await makeReadyVideo(t, creator, { visibility: 'private' });
    const ask = (url: string, format = 'json') =>
      t.app.inject({
        method: 'GET',
        url: `/oembed?url=${encodeURIComponent(url)}&format=${format}`,
      });
    expect((await ask(`${PUBLIC_URL}/v/${hidden.id}`, 'xml')).statusCode).toBe(501);
    expect((await ask(`${PUBLIC_URL}/v/${hidden.id}`)).statusCode).toBe(404);
    expect((await ask(`https://elsewhere.example/v/${hidden.id}`)).statusCode).toBe(404);
    expect((await ask('not a url')).statusCode).toBe(404);
  });
});
