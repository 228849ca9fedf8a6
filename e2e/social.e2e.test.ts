// Two people on two phones (two browser contexts): they sign up, find each other through search,
// follow each other, one likes and comments on the other's video and gets a reply, each sees the
// other's notifications arrive live (the Inbox badge changes without a reload), and after a block
// each disappears from the other's view.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createApiClient, type Schemas } from '@shortwave/api-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../server/test/process.js';
import { launchBrowser, newPhoneContext, saveScreenshot } from './browser.js';
import { makeSeedHandle, SEED_PASSWORD, seedVideo } from './seed.js';

const baseUrl = inject('shortwaveUrl');
const dataDir = inject('shortwaveDataDir');

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

/** An administrator made the way a server's owner makes one: `shortwave admin create`. */
async function makeAdministrator(): Promise<{ handle: string; password: string }> {
  const handle = makeSeedHandle('smod');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(REPO_ROOT, 'bin', 'shortwave.js'), 'admin', 'create', handle],
    { cwd: REPO_ROOT, env: { ...process.env, SHORTWAVE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' } },
  );
  const password = /One-time password: (\S+)/.exec(stdout)?.[1];
  if (!password) throw new Error(`no password in: ${stdout}`);
  return { handle, password };
}

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

    // Ben likes and comments from his Following feed (the feed's rail and comments sheet).
    await ben.page.goto('/following');
    const current = ben.page.locator(
      `article[aria-current="true"][aria-label="Video by @${ana.handle}"]`,
    );
    await current.waitFor();
    const likeButton = current.getByRole('button', { name: /^Like/ });
    await likeButton.click();
    await likeButton.and(ben.page.locator('[aria-pressed="true"]')).waitFor();
    await current.getByRole('button', { name: /^Comments/ }).click();
    const sheet = ben.page.getByRole('dialog', { name: '0 comments' });
    await sheet.getByLabel('Add a comment').fill('That last turn!');
    await sheet.getByRole('button', { name: 'Post' }).click();
    await ben.page.getByRole('dialog', { name: '1 comment' }).waitFor();
    await ben.page.keyboard.press('Escape');
    const comments = await callApiInPage<{ items: Schemas['Comment'][] }>(
      ben.page,
      'GET',
      `/api/v1/videos/${video.id}/comments`,
    );
    const comment = comments.items[0];
    if (!comment) throw new Error('the comment was not saved');

    // Ana, on her Inbox, sees both arrive at the top and her badge count them.
    await anaNotifications.getByText(`${ben.name} liked your video`).waitFor();
    await anaNotifications.getByText(`${ben.name} commented: That last turn!`).waitFor();
    await inboxTab(ana.page, 2).waitFor();

    // Ana opens the comment's notification: the video, its comments open; she replies there.
    // Ben's badge counts Ana's follow and the reply, live.
    await anaNotifications.getByText(`${ben.name} commented: That last turn!`).click();
    await ana.page.waitForURL(isAt(`/v/${video.id}`));
    const anaSheet = ana.page.getByRole('dialog', { name: '1 comment' });
    await anaSheet.getByRole('button', { name: `Reply to @${ben.handle}` }).click();
    await anaSheet.getByLabel(`Reply to @${ben.handle}`).fill('Thanks, took me ten tries');
    await anaSheet.getByRole('button', { name: 'Post' }).click();
    await ana.page.getByRole('dialog', { name: '2 comments' }).waitFor();
    const replies = await callApiInPage<{ items: Schemas['Comment'][] }>(
      ana.page,
      'GET',
      `/api/v1/comments/${comment.id}/replies`,
    );
    expect(replies.items.map((reply) => reply.body)).toEqual(['Thanks, took me ten tries']);
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

    // On her own profile Ana pins the video to the top of her grid.
    await ana.page.goto(`/@${ana.handle}`);
    await ana.page.getByRole('tab', { name: 'Videos', selected: true }).waitFor();
    const pin = ana.page.getByRole('button', { name: /^Pin “Golden hour skate line/ });
    await pin.click();
    await ana.page
      .getByRole('list', { name: 'Your published videos' })
      .getByRole('link', { name: /Golden hour skate line.*, pinned/ })
      .waitFor();
    expect(await pin.getAttribute('aria-pressed')).toBe('true');

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
  it('asks a private account before following, and takes a reported account away once a moderator suspends it', async () => {
    const cara = { handle: makeSeedHandle('scara'), name: 'Cara Lind', page: await openPhone() };
    const dan = { handle: makeSeedHandle('sdan'), name: 'Dan Reyes', page: await openPhone() };
    // The server's owner makes a moderator from the command line, meanwhile.
    const makingAdmin = makeAdministrator();
    await signUp(cara.page, cara.handle, cara.name);
    await signUp(dan.page, dan.handle, dan.name);

    // Cara makes her account private in Settings.
    await cara.page.goto('/settings');
    const privacySwitch = cara.page.getByRole('switch', { name: /Private account/ });
    await privacySwitch.check();
    await cara.page.getByText('Your account is private').waitFor();
    expect(await privacySwitch.isChecked()).toBe(true);

    // Dan sees a locked profile and asks to follow.
    await dan.page.goto(`/@${cara.handle}`);
    await dan.page.getByRole('heading', { name: 'This account is private' }).waitFor();
    await dan.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await dan.page.getByRole('button', { name: 'Requested', exact: true }).waitFor();

    // Cara's badge shows the request live; she approves it in her Inbox.
    await inboxTab(cara.page, 1).click();
    await cara.page.getByRole('heading', { name: /Follow requests/ }).waitFor();
    await cara.page.getByRole('button', { name: `Approve @${dan.handle}` }).click();
    await cara.page.getByText(`@${dan.handle} now follows you`).waitFor();
    await cara.page
      .getByRole('heading', { name: /Follow requests/ })
      .waitFor({ state: 'detached' });

    // Dan now follows her and sees her (empty) grid.
    await dan.page.reload();
    await dan.page.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await dan.page.getByRole('heading', { name: 'No videos yet' }).waitFor();

    // Dan reports her account from the "…" menu.
    await dan.page.getByRole('button', { name: `More options for @${cara.handle}` }).click();
    await dan.page.getByRole('button', { name: /^Report/ }).click();
    const report = dan.page.getByRole('dialog', { name: `Report @${cara.handle}` });
    await report.getByRole('radio', { name: 'Spam or scam' }).check();
    await report.getByLabel('Details (optional)').fill('Sells fake tickets in every bio');
    await report.getByRole('button', { name: 'Send report' }).click();
    await dan.page.getByText('Thanks. The moderators will look at your report.').waitFor();

    // A moderator finds the report in the queue and suspends the account, with a reason.
    const admin = await makingAdmin;
    const moderator = await openPhone();
    const login = await moderator.request.post('/api/v1/session', { data: admin });
    expect(login.status()).toBe(200);
    await moderator.goto('/admin/moderation');
    const card = moderator.getByRole('listitem').filter({
      has: moderator.getByRole('heading', { name: `Account @${cara.handle}` }),
    });
    await card.getByText('Sells fake tickets in every bio').waitFor();
    await card.getByRole('button', { name: `Suspend @${cara.handle}` }).click();
    const decision = moderator.getByRole('dialog', { name: 'Suspend account' });
    await decision.getByLabel('Reason').fill('Scam: selling fake tickets');
    await decision.getByRole('button', { name: 'Suspend account' }).click();
    await moderator.getByText('Account suspended').waitFor();
    await card.waitFor({ state: 'detached' });

    // Cara's profile is gone for Dan.
    await dan.page.goto(`/@${cara.handle}`);
    await dan.page.getByRole('heading', { name: 'This account doesn’t exist' }).waitFor();

    expect(pageErrors).toEqual([]);
  });
});
