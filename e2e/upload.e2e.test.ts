// Uploading from a phone in a real Chromium: a person signs up, chooses a portrait clip recorded
// "on a phone" (synthesised with ffmpeg: coded landscape, turned upright by its rotation matrix,
// with GPS and device tags), describes it and posts it over a slow uplink that drops mid-upload
// and then goes offline; the progress bar moves, tus resumes from what the server kept each time,
// processing reports progress, and the watch page plays the video. Also: a file that is no
// video, and the owner's edit and delete on the watch page.
import { stat } from 'node:fs/promises';
import net from 'node:net';
import type { Schemas } from '@shortwave/api-client';
import { makePhoneClip, makeRandomBytesFile } from '@shortwave/ffmpeg/test/corpus';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPhoneContext, saveScreenshot } from './browser.js';

const baseUrl = inject('shortwaveUrl');
const PASSWORD = 'correct horse battery';
/** Conditions met through real uploads, transcoding and playback: generous, never a timing assertion. */
const POLL = { timeout: 60_000, interval: 100 };

/**
 * A TCP relay in front of Shortwave whose connections the test can cut, as a phone losing its
 * signal does: the request in flight dies with whatever bytes already went through.
 */
type FlakyRelay = { url: string; cutConnections: () => void; close: () => Promise<void> };

async function startFlakyRelay(target: string): Promise<FlakyRelay> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: relayPort } = server.address() as net.AddressInfo;
  const cutConnections = () => {
    for (const socket of sockets) socket.resetAndDestroy();
  };
  return {
    url: `http://127.0.0.1:${relayPort}`,
    cutConnections,
    close: () =>
      new Promise<void>((resolve) => {
        cutConnections();
        server.close(() => resolve());
      }),
  };
}

let browser: Browser;
let relay: FlakyRelay;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  relay = await startFlakyRelay(baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
});

beforeEach(async () => {
  context = await newPhoneContext(browser, relay.url);
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // Requests cut on purpose and expected 4xx answers log "Failed to load resource".
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

let handleCount = 0;
function makeHandle(prefix: string): string {
  handleCount += 1;
  return `${prefix}_${Date.now().toString(36)}${handleCount}`.slice(0, 24);
}

const isAt = (pathname: string) => (url: URL) => url.pathname === pathname;

async function readNumber(locator: Locator, attribute: string): Promise<number> {
  return Number(await locator.getAttribute(attribute));
}

/** What the watch page's <video> is doing, read in the page. */
type Playback = {
  currentTime: number;
  paused: boolean;
  muted: boolean;
  decodedFrames: number;
  videoWidth: number;
  videoHeight: number;
  poster: string;
};

function readPlayback(): Promise<Playback> {
  return page.locator('video').evaluate((video: HTMLVideoElement) => ({
    currentTime: video.currentTime,
    paused: video.paused,
    muted: video.muted,
    decodedFrames: video.getVideoPlaybackQuality().totalVideoFrames,
    videoWidth: video.videoWidth,
    videoHeight: video.videoHeight,
    poster: video.poster,
  }));
}

async function myVideos(): Promise<Schemas['Video'][]> {
  const response = await context.request.get('/api/v1/me/videos');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Schemas['Video'][] }).items;
}

describe('uploading a video in the browser', () => {
  it('uploads a phone clip through a dropped connection, shows processing, and plays it', async () => {
    const clipPath = await makePhoneClip();
    const clipKilobytes = Math.round((await stat(clipPath)).size / 1000);
    const handle = makeHandle('maya');

    await page.goto('/signup');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(isAt('/'));

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Upload' })
      .click();
    await page.waitForURL(isAt('/upload'));
    await page.getByRole('heading', { name: 'Select a video to upload' }).waitFor();
    await page.getByLabel('Select video').setInputFiles(clipPath);

    await page.getByText(`${clipKilobytes} kB`, { exact: true }).waitFor();
    await page.getByLabel('Caption').fill('Morning light on the river #sunrise #lisbon');
    expect(await page.getByRole('radio', { name: 'Everyone' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Allow comments' }).isChecked()).toBe(true);
    // "Welcome to Shortwave!" has gone, so screenshots show the page itself.
    await page.getByRole('status').filter({ hasText: /./ }).waitFor({ state: 'hidden' });
    await saveScreenshot(page, 'upload-details');

    // A slow uplink, so the bar has time to move, and a record of what tus sends.
    const uploadRequests: { method: string; offset: number | null }[] = [];
    page.on('request', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/api/v1/uploads')) return;
      const offset = request.headers()['upload-offset'];
      uploadRequests.push({ method: request.method(), offset: offset ? Number(offset) : null });
    });
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 96 * 1024,
    });

    await page.getByRole('button', { name: 'Post' }).click();
    const uploadBar = page.getByRole('progressbar', { name: 'Upload progress' });
    await expect.poll(() => readNumber(uploadBar, 'aria-valuenow'), POLL).toBeGreaterThan(15);
    expect(await uploadBar.getAttribute('aria-valuetext')).toMatch(
      new RegExp(`^\\d+%, [\\d.]+ kB of ${clipKilobytes} kB$`),
    );
    await page.getByRole('heading', { name: 'Uploading your video' }).waitFor();
    await saveScreenshot(page, 'upload-progress');

    // The signal drops mid-upload. tus asks what arrived (HEAD) and goes on from there.
    relay.cutConnections();
    await expect.poll(() => readNumber(uploadBar, 'aria-valuenow'), POLL).toBeGreaterThan(45);

    // Then the phone goes offline altogether: the upload waits, says so, and goes on by itself
    // when the network is back.
    await context.setOffline(true);
    relay.cutConnections();
    await page.getByText('You’re offline. The upload goes on when you’re back online.').waitFor();
    const percentWhileOffline = await readNumber(uploadBar, 'aria-valuenow');
    await context.setOffline(false);
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const processingBar = page.getByRole('progressbar', { name: 'Processing progress' });
    await processingBar.waitFor(POLL);
    await page.getByRole('heading', { name: 'Processing your video' }).waitFor();
    await saveScreenshot(page, 'upload-processing');

    const patches = uploadRequests.filter((request) => request.method === 'PATCH');
    expect(uploadRequests.some((request) => request.method === 'HEAD')).toBe(true);
    // Each resumed PATCH starts where the server's bytes end: nothing sent before a cut is sent
    // again from the start.
    const offsets = patches.map((request) => request.offset ?? 0);
    expect(offsets.length).toBeGreaterThanOrEqual(2);
    expect(offsets[0]).toBe(0);
    expect(offsets).toEqual(offsets.toSorted((a, b) => a - b));
    expect(offsets.at(-1)).toBeGreaterThan(0);
    expect(percentWhileOffline).toBeGreaterThan(45);
    expect(uploadRequests.filter((request) => request.method === 'POST')).toHaveLength(1);

    await page.getByRole('heading', { name: 'Your video is ready' }).waitFor(POLL);
    await page.getByText('Everyone can watch it.').waitFor();
    const [video] = await myVideos();
    expect(video).toMatchObject({
      state: 'ready',
      caption: 'Morning light on the river #sunrise #lisbon',
      hashtags: ['sunrise', 'lisbon'],
      visibility: 'public',
      commentsEnabled: true,
      // Coded 640x360 with a 90° display matrix: upright, as the phone showed it.
      width: 360,
      height: 640,
    });

    // The watch page: full screen, muted autoplay with a visible Unmute, the poster first.
    await page.getByRole('link', { name: 'Watch video' }).click();
    await page.waitForURL(isAt(`/v/${video!.id}`));
    await page.getByRole('heading', { name: `Video by @${handle}: Morning light` }).waitFor();
    await page.getByRole('button', { name: 'Unmute' }).waitFor();
    await expect
      .poll(async () => {
        const playback = await readPlayback();
        return playback.currentTime > 0.3 && playback.decodedFrames > 5;
      }, POLL)
      .toBe(true);
    const playing = await readPlayback();
    expect(playing).toMatchObject({ paused: false, muted: true });
    expect(playing.videoHeight).toBeGreaterThan(playing.videoWidth);
    expect(new URL(playing.poster).pathname).toBe(video!.posterUrl);
    // Frames keep coming: it plays, it is not a still.
    await expect
      .poll(async () => (await readPlayback()).decodedFrames, POLL)
      .toBeGreaterThan(playing.decodedFrames + 10);
    await saveScreenshot(page, 'watch');

    // A tap pauses, another plays; Unmute turns the sound on.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(async () => (await readPlayback()).paused, POLL).toBe(true);
    const pausedAt = (await readPlayback()).currentTime;
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await readPlayback()).currentTime, POLL).not.toBe(pausedAt);
    await page.getByRole('button', { name: 'Unmute' }).click();
    await page.getByRole('button', { name: 'Mute' }).waitFor();
    expect((await readPlayback()).muted).toBe(false);

    // It is in the feeds: Fresh (newest first) has it on top, and it plays there.
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Feeds' })
      .getByRole('link', { name: 'Fresh' })
      .click();
    await page.waitForURL(isAt('/fresh'));
    const inFeed = page.locator(`article[aria-current="true"][data-video-id="${video!.id}"] video`);
    await expect
      .poll(
        () =>
          inFeed.evaluate(
            (element: HTMLVideoElement) =>
              !element.paused &&
              element.currentTime > 0.3 &&
              element.getVideoPlaybackQuality().totalVideoFrames > 5,
          ),
        POLL,
      )
      .toBe(true);
    await page.goto(`/v/${video!.id}`);
    await page.getByRole('heading', { name: `Video by @${handle}: Morning light` }).waitFor();

    // The creator edits the caption and audience, then deletes the video.
    await page.getByRole('button', { name: 'Edit video' }).click();
    const sheet = page.getByRole('dialog', { name: 'Edit video' });
    await sheet.getByLabel('Caption').fill('Evening light instead #sunset');
    await sheet.getByRole('radio', { name: 'Only you' }).check();
    await sheet.getByRole('button', { name: 'Save' }).click();
    await sheet.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: `Video by @${handle}: Evening light` }).waitFor();
    expect((await myVideos())[0]).toMatchObject({
      caption: 'Evening light instead #sunset',
      hashtags: ['sunset'],
      visibility: 'private',
    });

    await page.getByRole('button', { name: 'Edit video' }).click();
    await sheet.getByRole('button', { name: 'Delete video' }).click();
    await sheet.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(isAt(`/@${handle}`));
    expect(await myVideos()).toEqual([]);

    await page.goto(`/v/${video!.id}`);
    await page.getByRole('heading', { name: 'This video isn’t available' }).waitFor();
  });

  it("shows the server's reason when a file is no video, and starts over with the same details", async () => {
    const signUp = await context.request.post('/api/v1/accounts', {
      data: { handle: makeHandle('noor'), password: PASSWORD },
    });
    expect(signUp.status()).toBe(201);

    await page.goto('/upload');
    await page.getByLabel('Select video').setInputFiles(await makeRandomBytesFile());
    await page.getByLabel('Caption').fill('Not really a video');
    await page.getByRole('radio', { name: 'Followers' }).check();
    await page.getByRole('button', { name: 'Post' }).click();

    await page.getByRole('heading', { name: 'This video couldn’t be processed' }).waitFor(POLL);
    const [failed] = await myVideos();
    expect(failed?.state).toBe('failed');
    expect(failed?.failure?.reason).toBeTruthy();
    expect(await page.getByRole('alert').innerText()).toBe(failed!.failure!.reason);
    await saveScreenshot(page, 'upload-failed');

    // Trying again: a new file, the caption and audience kept; the failed draft is gone.
    await page.getByRole('button', { name: 'Try another video' }).click();
    await page.getByLabel('Select video').setInputFiles(await makePhoneClip());
    expect(await page.getByLabel('Caption').inputValue()).toBe('Not really a video');
    expect(await page.getByRole('radio', { name: 'Followers' }).isChecked()).toBe(true);
    await expect.poll(myVideos, POLL).toEqual([]);
  });

  it('tells a signed-out visitor when a video is not there to watch', async () => {
    await page.goto('/v/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { name: 'This video isn’t available' }).waitFor();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
  });
});
