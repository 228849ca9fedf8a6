// Two people on two phones (two browser contexts): they sign up, find each other through search,
// follow each other, one likes and comments on the other's video and gets a reply, each sees the
// other's notifications arrive live (the Inbox badge changes without a reload), and after a block
// each disappears from the other's view.
import { createApiClient, type Schemas } from '@shortwave/api-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPhoneContext, saveScreenshot } from './browser.js';
import { makeSeedHandle, SEED_PASSWORD, seedVideo } from './seed.js';

const baseUrl = inject('shortwaveUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function openPhone(): Promise<Page> {
  const context = await newPhoneContext(browser, baseUrl);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      pageErrors.push(message.text());
  });
  return page;
}

const isAt = (pathname: string) => (url: URL) => url.pathname === pathname;

async function signUp(page: Page, handle: string, displayName: string) {
  await page.goto('/signup');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Display name (optional)').fill(displayName);
  await page.getByLabel('Password', { exact: true }).fill(SEED_PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(isAt('/'));
}

/** Calls the API from the page itself, as the app does: its cookie and its CSRF token. */
async function callApiInPage<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const answer = await page.evaluate(
    async ([method, path, body]) => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          'x-csrf-token': session.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, text: await response.text() };
    },
    [method, path, body] as const,
  );
  if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return (answer.text ? JSON.parse(answer.text) : undefined) as T;
}

/** The Inbox tab; its name carries the unread count ("Inbox, 2 unread"). */
const inboxTab = (page: Page, unread: number) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
    name: unread > 0 ? new RegExp(`^Inbox\\W*${unread} unread$`) : /^Inbox$/,
  });

/** Waits until no toast is showing, so screenshots show the page itself. */
async function waitForToastsToLeave(page: Page) {
  await page.getByRole('status').filter({ hasText: /./ }).waitFor({ state: 'hidden' });
}

describe('two people on two phones', () => {
  it('find and follow each other, get each other’s likes, comments and replies live, and vanish for each other after a block', async () => {
    const ana = { handle: makeSeedHandle('sana'), name: 'Ana Sousa', page: await openPhone() };
    const ben = { handle: makeSeedHandle('sben'), name: 'Ben Okafor', page: await openPhone() };
    await signUp(ana.page, ana.handle, ana.name);
    await signUp(ben.page, ben.handle, ben.name);

    // Ana's video, uploaded with tus through an API token of her browser session, processes
    // while the two find each other.
    const { token } = await callApiInPage<Schemas['CreatedToken']>(
      ana.page,
      'POST',
      '/api/v1/me/tokens',
      { label: 'e2e upload' },
    );
    const anaVideo = seedVideo(
      baseUrl,
      {
        handle: ana.handle,
        password: SEED_PASSWORD,
        token,
        client: createApiClient({ baseUrl, bearerToken: token }),
      },
      { caption: 'Golden hour skate line #sunsetskate' },
    );

    // Ana finds Ben through the typeahead and follows him.
    await ana.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Discover' })
      .click();
    const anaSearch = ana.page.getByRole('combobox', {
      name: 'Search accounts, hashtags and videos',
    });
    await anaSearch.fill(ben.handle);
    await ana.page.getByRole('option', { name: new RegExp(ben.handle) }).click();
    await ana.page.waitForURL(isAt(`/@${ben.handle}`));
    await ana.page.getByRole('heading', { name: ben.name, level: 1 }).waitFor();
    await ana.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await ana.page.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await ana.page.getByRole('link', { name: '1 Follower' }).waitFor();

    // Ben, on his home page, sees the Inbox badge change without reloading.
    await inboxTab(ben.page, 1).waitFor();

    // Ben searches Ana by name (Enter), opens her from the results and follows back.
    await ben.page.goto('/discover');
    const benSearch = ben.page.getByRole('combobox', {
      name: 'Search accounts, hashtags and videos',
    });
    await benSearch.fill(ana.handle);
    await benSearch.press('Enter');
    await ben.page.waitForURL((url) => url.searchParams.get('q') === ana.handle);
    await ben.page.getByRole('tab', { name: 'Accounts', selected: true }).waitFor();
    await ben.page
      .getByRole('list', { name: `Accounts matching ${ana.handle}` })
      .getByRole('link', { name: new RegExp(ana.handle) })
      .click();
    await ben.page.waitForURL(isAt(`/@${ana.handle}`));
    await ben.page.getByRole('button', { name: 'Follow back', exact: true }).click();
    await ben.page.getByRole('button', { name: 'Following', exact: true }).waitFor();

    // Ana's video is ready: her badge counts it and Ben's follow, live.
    const video = await anaVideo;
    await inboxTab(ana.page, 2).waitFor();
    await inboxTab(ana.page, 2).click();
    await ana.page.waitForURL(isAt('/inbox'));
    const anaNotifications = ana.page.getByRole('list', { name: 'Notifications' });
    await anaNotifications.getByText(`${ben.name} started following you`).waitFor();
    await anaNotifications.getByText('Your video is ready').waitFor();
    await ana.page.getByRole('button', { name: 'Mark all read' }).click();
    await inboxTab(ana.page, 0).waitFor();

    // Ben sees the video on Ana's profile grid; a tile leads to its watch page.
    await ben.page.goto(`/@${ana.handle}`);
    const grid = ben.page.getByRole('list', { name: `Videos by @${ana.handle}` });
    const tile = grid.getByRole('link', { name: /Golden hour skate line/ });
    await tile.waitFor();
    await ben.page.getByRole('link', { name: '1 Follower' }).waitFor();
    await ben.page.getByRole('link', { name: '1 Following' }).waitFor();
    await waitForToastsToLeave(ben.page);
    await ben.page
      .locator('img[src]')
      .last()
      .evaluate((image) => (image as HTMLImageElement).decode());
    await saveScreenshot(ben.page, 'profile-grid');
    expect(await tile.getAttribute('href')).toBe(`/v/${video.id}`);

    // Ben likes and comments (through the page's own session: the comment UI is the feed's);
    // Ana, on her Inbox, sees both arrive at the top and her badge count them.
    await callApiInPage(ben.page, 'PUT', `/api/v1/videos/${video.id}/like`);
    const comment = await callApiInPage<Schemas['Comment']>(
      ben.page,
      'POST',
      `/api/v1/videos/${video.id}/comments`,
      { body: 'That last turn!' },
    );
    await anaNotifications.getByText(`${ben.name} liked your video`).waitFor();
    await anaNotifications.getByText(`${ben.name} commented: That last turn!`).waitFor();
    await inboxTab(ana.page, 2).waitFor();

    // Ana replies; Ben's badge counts Ana's follow and the reply, live.
    await callApiInPage(ana.page, 'POST', `/api/v1/videos/${video.id}/comments`, {
      body: 'Thanks, took me ten tries',
      parentId: comment.id,
    });
    await inboxTab(ben.page, 2).waitFor();
    await inboxTab(ben.page, 2).click();
    const benNotifications = ben.page.getByRole('list', { name: 'Notifications' });
    await benNotifications.getByText(`${ana.name} replied: Thanks, took me ten tries`).waitFor();
    await benNotifications.getByText(`${ana.name} started following you`).waitFor();
    await waitForToastsToLeave(ben.page);
    await saveScreenshot(ben.page, 'inbox');

    // Opening a notification marks it read.
    await benNotifications.getByText(`${ana.name} started following you`).click();
    await ben.page.waitForURL(isAt(`/@${ana.handle}`));
    await inboxTab(ben.page, 1).waitFor();

    // Discover: the hashtag trends; its page counts and shows the video.
    await ana.page.goto('/discover');
    const trending = ana.page.getByRole('list', { name: 'Trending hashtags' });
    await trending.getByRole('link', { name: /#sunsetskate/ }).waitFor();
    await anaSearch.fill('s');
    await ana.page.getByRole('option', { name: /#sunsetskate/ }).waitFor();
    await ana.page.getByRole('option', { name: new RegExp(ben.handle) }).waitFor();
    await saveScreenshot(ana.page, 'discover');
    await ana.page.getByRole('option', { name: /#sunsetskate/ }).click();
    await ana.page.waitForURL(isAt('/tag/sunsetskate'));
    await ana.page.getByText(/^1 video · /).waitFor();
    await ana.page
      .getByRole('list', { name: 'Videos tagged #sunsetskate' })
      .getByRole('link', { name: /Golden hour skate line/ })
      .waitFor();

    // Ana blocks Ben from his profile's "…" menu.
    await ana.page.goto(`/@${ben.handle}`);
    await ana.page.getByRole('button', { name: `More options for @${ben.handle}` }).click();
    await ana.page.getByRole('button', { name: /^Block/ }).click();
    await ana.page.getByRole('dialog', { name: `Block @${ben.handle}?` }).waitFor();
    await ana.page.getByRole('button', { name: 'Block', exact: true }).click();
    await ana.page.getByRole('heading', { name: `You blocked @${ben.handle}` }).waitFor();

    // For Ben, Ana is gone: no profile, no search result.
    await ben.page.goto(`/@${ana.handle}`);
    await ben.page.getByRole('heading', { name: 'This account doesn’t exist' }).waitFor();
    await ben.page.goto(`/discover?q=${ana.handle}&tab=accounts`);
    const panel = ben.page.getByRole('tabpanel');
    await panel.waitFor();
    await panel.getByText('Searching…').waitFor({ state: 'hidden' });
    expect(await panel.getByRole('link', { name: new RegExp(ana.handle) }).count()).toBe(0);

    // And Ben is gone for Ana, who can take the block back in Settings.
    await ana.page.goto(`/@${ben.handle}`);
    await ana.page.getByRole('heading', { name: 'This account doesn’t exist' }).waitFor();
    await ana.page.goto('/settings#blocked-accounts');
    await ana.page.getByRole('button', { name: `Unblock @${ben.handle}` }).waitFor();

    expect(pageErrors).toEqual([]);
  });
});
