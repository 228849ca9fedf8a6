// The watching experience in a real Chromium at phone size: videos seeded through the HTTP API
// (tus upload, real transcoding) play in the full-screen feed; the viewer swipes with the
// keyboard and the wheel, likes with a double tap, comments in the sheet and follows from the
// rail, and every change is in the API afterwards.
import { createApiClient, unwrap, type Schemas } from '@shortwave/api-client';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPhoneContext, saveScreenshot } from './browser.js';
import { makeSubtitledClip, SUBTITLE_CUES } from '@shortwave/ffmpeg/test/corpus';
import {
  makeSeedHandle,
  SEED_PASSWORD,
  seedCreator,
  seedCreatorsWithVideos,
  seedVideo,
  type SeededCreator,
} from './seed.js';

const baseUrl = inject('shortwaveUrl');
/** Conditions met through real playback and network: generous, never a timing assertion. */
const POLL = { timeout: 30_000, interval: 100 };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
/** Newest first, as the feed lists them. */
let feedVideos: { creator: SeededCreator; video: Schemas['Video'] }[];

beforeAll(async () => {
  browser = await launchBrowser();
  const seeded = await seedCreatorsWithVideos(baseUrl, [
    {
      prefix: 'mara',
      displayName: 'Mara Dances',
      captions: ['Sunrise routine on the roof #dance #morning', 'Take two, with @nobody_here'],
    },
    {
      prefix: 'theo',
      displayName: 'Theo Cooks',
      captions: ['Five-minute pasta #food', 'The sauce, slowly #food #slow'],
    },
  ]);
  feedVideos = seeded.videos.reverse();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  context = await newPhoneContext(browser, baseUrl);
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

const currentSlide = () => page.locator('article[aria-current="true"]');

function seeded(index: number) {
  const entry = feedVideos[index];
  if (!entry) throw new Error(`no seeded video ${index}`);
  return entry;
}

/** Waits until the current slide is this video and its picture is moving. */
async function expectPlaying(videoId: string) {
  await page.locator(`article[aria-current="true"][data-video-id="${videoId}"]`).waitFor();
  const video = currentSlide().locator('video');
  // The playhead advances and frames are decoded (not a poster, not a frozen first frame).
  await expect
    .poll(
      () =>
        video.evaluate((element: HTMLVideoElement) => ({
          isPlaying: !element.paused && element.currentTime > 0.3,
          hasFrames: element.getVideoPlaybackQuality().totalVideoFrames > 5,
          state: `paused=${element.paused} t=${element.currentTime} ready=${element.readyState} network=${element.networkState} error=${element.error?.message ?? ''} src=${element.src}`,
        })),
      POLL,
    )
    .toMatchObject({ isPlaying: true, hasFrames: true });
  // Only the current video plays (a neighbour may be priming: one muted frame, off screen).
  const playing = await page.evaluate(
    () =>
      [...document.querySelectorAll('video')].filter(
        (element) => !element.paused && element.dataset.priming === undefined,
      ).length,
  );
  expect(playing).toBe(1);
}

async function waitForToastsToLeave() {
  await page.getByRole('status').filter({ hasText: /./ }).waitFor({ state: 'hidden' });
}

function railButton(name: RegExp): Locator {
  return currentSlide().getByRole('button', { name });
}

describe('the feed in the browser', () => {
  it('plays, swipes, likes by double tap, comments and follows for a new viewer', async () => {
    const handle = makeSeedHandle('viewer');
    await page.goto('/signup');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(SEED_PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // Fresh lists the newest first, so the seeded order is known (For You has its own test).
    await page
      .getByRole('navigation', { name: 'Feeds' })
      .getByRole('link', { name: 'Fresh' })
      .click();
    await page.waitForURL((url) => url.pathname === '/fresh');

    // The newest video plays at once, muted; the next two are already attached and loading.
    const first = seeded(0);
    await expectPlaying(first.video.id);
    expect(
      await currentSlide()
        .locator('video')
        .evaluate((v: HTMLVideoElement) => v.muted),
    ).toBe(true);
    // The next two play through hls.js (a blob: source). The first does too, unless it is the
    // session's very first video: when For You had not attached its own before the switch to
    // Fresh (a slow machine), this one starts from its single MP4 (videoSource.ts), a plain URL.
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            [...document.querySelectorAll('video')].map((element, index) =>
              index === 0 ? element.src !== '' : element.src.startsWith('blob:'),
            ),
          ),
        POLL,
      )
      .toEqual([true, true, true]);
    const next = seeded(1).video.id;
    await expect
      .poll(
        () =>
          page.evaluate(
            (id) =>
              performance
                .getEntriesByType('resource')
                .some((entry) => entry.name.includes(id) && /\.(m4s|mp4)(\?|$)/.test(entry.name)),
            next,
          ),
        POLL,
      )
      .toBe(true);

    // Keyboard: ArrowDown moves to the next video, which plays.
    await page.keyboard.press('ArrowDown');
    await expectPlaying(next);

    // The wheel moves one more.
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 800);
    const third = seeded(2);
    await expectPlaying(third.video.id);

    // Double tap: liked, the count goes up, and the API agrees.
    const like = railButton(/^Like/);
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await currentSlide()
      .locator('video')
      .dblclick({ position: { x: 150, y: 300 }, force: true });
    await like.and(page.locator('[aria-pressed="true"]')).waitFor();
    expect(await like.innerText()).toContain('1');
    // The button turns at once (optimistic); the API has it once the request lands.
    await expect
      .poll(async () => {
        const engagement = await context.request.get(`/api/v1/videos/${third.video.id}/engagement`);
        const { stats, viewerState } = (await engagement.json()) as Schemas['Engagement'];
        return { hasLiked: viewerState.hasLiked, likeCount: stats.likeCount };
      }, POLL)
      .toEqual({ hasLiked: true, likeCount: 1 });

    await waitForToastsToLeave();
    await saveScreenshot(page, 'feed');

    // Comments: the sheet opens, a comment is posted and listed, the API has it.
    await railButton(/^Comments/).click();
    const sheet = page.getByRole('dialog', { name: '0 comments' });
    await sheet.getByText('No comments yet').waitFor();
    await sheet.getByLabel('Add a comment').fill('Love this #food idea');
    await sheet.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('dialog', { name: '1 comment' }).waitFor();
    const posted = page
      .getByRole('dialog')
      .getByRole('listitem', { name: `Comment by @${handle}` });
    await posted.getByText('Love this').waitFor();
    expect(await posted.getByRole('link', { name: '#food' }).getAttribute('href')).toBe(
      '/tag/food',
    );
    const comments = await unwrap(
      createApiClient({ baseUrl }).GET('/api/v1/videos/{id}/comments', {
        params: { path: { id: third.video.id }, query: {} },
      }),
    );
    expect(comments.items.map((comment) => comment.body)).toEqual(['Love this #food idea']);

    // A reply joins the thread under it; a comment like is counted.
    const dialog = page.getByRole('dialog');
    await posted
      .getByRole('button', { name: `Reply to @${handle}` })
      .first()
      .click();
    await dialog.getByLabel(`Reply to @${handle}`).fill('Adding parmesan next time');
    await dialog.getByRole('button', { name: 'Post' }).click();
    const replies = dialog.getByRole('list', { name: `Replies to @${handle}` });
    await replies.getByText('Adding parmesan next time').waitFor();
    await page.getByRole('dialog', { name: '2 comments' }).waitFor();
    const likeComment = dialog
      .getByRole('button', { name: new RegExp(`^Like comment by @${handle}`) })
      .first();
    await likeComment.click();
    await likeComment.and(page.locator('[aria-pressed="true"]')).waitFor();
    await waitForToastsToLeave();
    await saveScreenshot(page, 'comments-sheet');

    // Escape closes it and the rail counts the comment.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await railButton(/^Comments/).innerText()).toContain('2');

    // Follow the creator from the rail: the "+" goes, the API says following.
    await railButton(new RegExp(`^Follow @${third.creator.handle}$`)).click();
    await page.getByText(`Following @${third.creator.handle}.`).waitFor();
    await railButton(/^Follow @/).waitFor({ state: 'detached' });
    const relationship = await context.request.get(
      `/api/v1/accounts/${third.creator.handle}/relationship`,
    );
    expect(((await relationship.json()) as Schemas['Relationship']).following).toBe('following');

    // Following now lists that creator's videos, and they play.
    await page
      .getByRole('navigation', { name: 'Feeds' })
      .getByRole('link', { name: 'Following' })
      .click();
    await page.waitForURL((url) => url.pathname === '/following');
    const followedVideos = feedVideos.filter(
      (entry) => entry.creator.handle === third.creator.handle,
    );
    await expectPlaying(followedVideos[0]?.video.id ?? '');
  });

  it('starts the first video from its single MP4 before hls.js is fetched, with the next one primed', async () => {
    // When the first video of the page first presents a frame, as the page itself sees it.
    await page.addInitScript(() => {
      const watching = new WeakSet<HTMLVideoElement>();
      new MutationObserver(() => {
        for (const video of document.querySelectorAll('video')) {
          if (watching.has(video)) continue;
          watching.add(video);
          video.requestVideoFrameCallback(() => {
            const marks = window as unknown as { firstFrameAt?: number };
            marks.firstFrameAt ??= performance.now();
          });
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/fresh');
    await expectPlaying(seeded(0).video.id);
    const firstSource = await currentSlide()
      .locator('video')
      .evaluate((element: HTMLVideoElement) => new URL(element.src).pathname);
    expect(firstSource).toMatch(/\/start\.mp4$/);

    // hls.js, most of the app's JavaScript, was asked for only once that picture was up.
    const order = await page.evaluate(() => ({
      firstFrameAt: (window as unknown as { firstFrameAt?: number }).firstFrameAt ?? null,
      hlsRequestedAt:
        performance
          .getEntriesByType('resource')
          .find((entry) => /\/assets\/hls-[^/]+\.js$/.test(new URL(entry.name).pathname))
          ?.startTime ?? null,
    }));
    expect(order.firstFrameAt).not.toBeNull();
    expect(order.hlsRequestedAt).not.toBeNull();
    expect(order.hlsRequestedAt!).toBeGreaterThanOrEqual(order.firstFrameAt!);

    // The next video plays through hls.js, and waits paused just past its start: primed.
    const next = page.locator(`article[data-video-id="${seeded(1).video.id}"] video`);
    await expect
      .poll(
        () =>
          next.evaluate((element: HTMLVideoElement) => ({
            isHls: element.src.startsWith('blob:'),
            isPrimed: element.paused && element.currentTime > 0,
          })),
        POLL,
      )
      .toEqual({ isHls: true, isPrimed: true });
    await page.keyboard.press('ArrowDown');
    await expectPlaying(seeded(1).video.id);
  });

  it('asks a signed-out visitor of Following to sign up, or to discover creators', async () => {
    await page.goto('/following');
    await page.getByRole('heading', { name: 'See videos from creators you follow' }).waitFor();
    await page.getByRole('link', { name: 'Sign up' }).waitFor();
    await page.getByRole('link', { name: 'Discover creators' }).waitFor();
  });

  it('installs as an app: a manifest with icons, and a service worker that keeps the app shell but never the API or media', async () => {
    const manifest = (await (await context.request.get('/manifest.webmanifest')).json()) as {
      name: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Shortwave', display: 'standalone' });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest.icons)
      expect((await context.request.get(icon.src)).status(), icon.src).toBe(200);

    await page.goto('/fresh');
    const scriptUrl = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.scriptURL ?? '';
    });
    expect(new URL(scriptUrl).pathname).toBe('/sw.js');

    // Controlled by the worker now: watch a video, then look at everything it kept.
    await page.reload();
    await expectPlaying(seeded(0).video.id);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
      }
      return urls;
    });
    expect(cached).toContain('/');
    expect(cached.some((url) => url.startsWith('/assets/'))).toBe(true);
    expect(cached.filter((url) => /^\/(api|media|avatars|uploads)\//.test(url))).toEqual([]);

    // Offline, the app still opens and says the videos could not be loaded.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'Feeds' }).waitFor();
    await context.setOffline(false);
  });

  // Last: it adds the newest video, which the tests above do not expect.
  it('shows the subtitles an uploaded file carried over the picture', async () => {
    const creator = await seedCreator(baseUrl, { prefix: 'subs', displayName: 'Subtitled' });
    const video = await seedVideo(baseUrl, creator, { clipPath: await makeSubtitledClip() });
    expect(video.subtitles?.language).toBe('eng');
    await page.goto('/fresh');
    await expectPlaying(video.id);
    await expect
      .poll(
        () =>
          currentSlide()
            .locator('video')
            .evaluate((element: HTMLVideoElement) => {
              const track = element.textTracks[0];
              const cues = [...(track?.cues ?? [])] as VTTCue[];
              // Lifted above the caption and the progress bar at the picture's bottom edge.
              return {
                mode: track?.mode ?? 'none',
                cues: cues.map((cue) => cue.text),
                lines: cues.map((cue) => cue.line),
              };
            }),
        POLL,
      )
      .toEqual({
        mode: 'showing',
        cues: SUBTITLE_CUES.map((cue) => cue.text),
        lines: SUBTITLE_CUES.map(() => 66),
      });
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLVideoElement>('article[aria-current="true"] video')
          ?.textTracks[0]?.activeCues?.length === 1,
      null,
      POLL,
    );
    await saveScreenshot(page, 'subtitles');
  });
});
