// Accounts in a real browser at phone size: signing up, logging out and in, editing the profile
// (user text stays text), uploading a photo, surviving a reload; the errors people meet most;
// the way back after being asked to log in; settings (tokens, deleting the account).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiClient, unwrap } from '@shortwave/api-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPhoneContext, saveScreenshot } from './browser.js';

const baseUrl = inject('shortwaveUrl');
const PASSWORD = 'correct horse battery';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let workDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'sw-e2e-accounts-'));
});

afterAll(async () => {
  await browser?.close();
  await rm(workDir, { recursive: true, force: true });
});

beforeEach(async () => {
  context = await newPhoneContext(browser, baseUrl);
  page = await context.newPage();
  pageErrors = watchForPageErrors(page);
});

afterEach(async () => {
  await context.close();
  // Script errors and CSP violations fail the test; expected 4xx answers only log "Failed to
  // load resource", which is the API doing its job.
  expect(pageErrors).toEqual([]);
});

function watchForPageErrors(target: Page): string[] {
  const errors: string[] = [];
  target.on('pageerror', (error) => errors.push(error.message));
  target.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  return errors;
}

let handleCount = 0;
/** A handle no other test uses: 2–24 letters, digits, "_" or ".". */
function makeHandle(prefix: string): string {
  handleCount += 1;
  return `${prefix}_${Date.now().toString(36)}${handleCount}`.slice(0, 24);
}

/** An account made through the API, for tests about what happens to an existing account. */
async function makeAccount(prefix = 'creator') {
  const handle = makeHandle(prefix);
  const client = createApiClient({ baseUrl });
  await unwrap(client.POST('/api/v1/accounts', { body: { handle, password: PASSWORD } }));
  return { handle, password: PASSWORD };
}

/** Signs this browser context in through the API (the page shares its cookies). */
async function signInThroughApi(prefix: string) {
  const handle = makeHandle(prefix);
  const response = await context.request.post('/api/v1/accounts', {
    data: { handle, password: PASSWORD },
  });
  expect(response.status()).toBe(201);
  return handle;
}

async function makePhoto(name: string): Promise<string> {
  const file = path.join(workDir, name);
  const image = await sharp({
    create: { width: 256, height: 256, channels: 3, background: '#25f4ee' },
  })
    .composite([
      {
        input: await sharp({
          create: { width: 128, height: 128, channels: 3, background: '#e11d48' },
        })
          .png()
          .toBuffer(),
        top: 64,
        left: 64,
      },
    ])
    .png()
    .toBuffer();
  await writeFile(file, image);
  return file;
}

const isAt = (pathname: string) => (url: URL) => url.pathname === pathname;

type Field = ReturnType<Page['getByLabel']>;

/** The texts a field's aria-describedby points at, as a screen reader would read them. */
async function readDescription(field: Field): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`id=${id}`).textContent()));
  return texts.join(' ');
}

async function isFocused(field: Field): Promise<boolean> {
  // An expression string: this project's TypeScript setup has no DOM types.
  const focusedId: unknown = await page.evaluate('document.activeElement?.id');
  return focusedId === (await field.getAttribute('id'));
}

/** Waits until no toast is showing, so screenshots show the page itself. */
async function waitForToastsToLeave() {
  await page.getByRole('status').filter({ hasText: /./ }).waitFor({ state: 'hidden' });
}

describe('accounts in the browser', () => {
  it('signs up, logs out and in, edits the profile and photo, and keeps it all after a reload', async () => {
    const handle = makeHandle('ana');
    const profilePath = `/@${handle}`;

    await page.goto('/signup');
    await page.getByRole('heading', { name: 'Sign up for Shortwave' }).waitFor();
    await saveScreenshot(page, 'sign-up');

    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Display name (optional)').fill('Ana');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();

    // Home, signed in: the Profile tab leads to the new profile.
    // (What the feed shows depends on the other e2e files, which share this server.)
    await page.waitForURL(isAt('/'));
    const profileTab = page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
      name: 'Profile',
    });
    await profileTab.waitFor();
    expect(await profileTab.getAttribute('href')).toBe(profilePath);

    // Log out from Settings.
    await profileTab.click();
    await page.waitForURL(isAt(profilePath));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL(isAt('/'));
    await page.getByRole('link', { name: 'Log in' }).waitFor();

    // Log back in.
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(isAt('/'));
    await profileTab.waitFor();
    expect(await page.getByRole('link', { name: 'Log in' }).count()).toBe(0);
    await waitForToastsToLeave();

    // Edit the profile: markup in a display name is just text.
    await profileTab.click();
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByRole('heading', { name: 'Edit profile', level: 1 }).waitFor();
    await page.getByLabel('Display name').fill('<b>bold</b> Ana');
    await page.getByLabel('Bio').fill('Dancer from Lisbon.\nNew videos every Friday.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(isAt(profilePath));
    const name = page.getByRole('heading', { level: 1 });
    await name.filter({ hasText: '<b>bold</b> Ana' }).waitFor();
    expect(await name.innerHTML()).toBe('&lt;b&gt;bold&lt;/b&gt; Ana');
    expect(await page.getByText('Dancer from Lisbon.').innerText()).toBe(
      'Dancer from Lisbon.\nNew videos every Friday.',
    );

    // Upload a photo: previewed, uploaded, then shown on the profile.
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByLabel('Change photo').setInputFiles(await makePhoto('avatar.png'));
    await page.getByText('Profile photo updated').waitFor();
    const editorPhoto = page.getByRole('img', { name: 'Current profile photo' });
    expect(await editorPhoto.getAttribute('src')).toMatch(/^\/avatars\/.+\.webp$/);
    await page.getByRole('button', { name: 'Remove photo' }).waitFor();
    await waitForToastsToLeave();
    await saveScreenshot(page, 'edit-profile');

    await profileTab.click();
    await page.waitForURL(isAt(profilePath));
    await expectProfileToShowEverything(handle);
    await saveScreenshot(page, 'profile');

    await page.reload();
    await expectProfileToShowEverything(handle);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('This device', { exact: true }).waitFor();
    await saveScreenshot(page, 'settings');
  });

  it('says so when the password is wrong, and stays on the log-in page', async () => {
    const { handle } = await makeAccount('wrongpw');
    await page.goto('/login');
    await page.getByLabel('Handle').fill(`@${handle}`);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong handle or password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('reports a taken handle on the handle field', async () => {
    const { handle } = await makeAccount('taken');
    await page.goto('/signup');
    const handleField = page.getByLabel('Handle');
    await handleField.fill(handle.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText('already belongs to someone').waitFor();
    expect(await handleField.getAttribute('aria-invalid')).toBe('true');
    expect(await readDescription(handleField)).toContain(
      `@${handle.toUpperCase()} already belongs to someone`,
    );
    // Focus went to the field with the problem.
    expect(await isFocused(handleField)).toBe(true);
  });

  it('checks the handle and password rules before sending anything', async () => {
    await page.goto('/signup');
    await page.getByLabel('Handle').fill('a..b');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    expect(await readDescription(page.getByLabel('Handle'))).toContain(
      'cannot come first, last or twice in a row',
    );
    expect(await readDescription(page.getByLabel('Password', { exact: true }))).toContain(
      'Use at least 8 characters',
    );
    expect(new URL(page.url()).pathname).toBe('/signup');
  });

  it('sends a logged-out visitor to log in and back to the page they wanted', async () => {
    const { handle } = await makeAccount('comeback');
    await page.goto('/settings');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(isAt('/settings'));
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });

  it('shows a not-found page for an unknown handle and for an unknown address', async () => {
    await page.goto('/@nobody_here_at_all');
    await page.getByRole('heading', { name: 'This account doesn’t exist' }).waitFor();
    await page.getByRole('link', { name: 'Go home' }).waitFor();
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'This page doesn’t exist' }).waitFor();
    await page.getByRole('link', { name: 'Go home' }).click();
    await page.waitForURL(isAt('/'));
  });

  it('creates an API token that is shown once and can be copied, then revokes it', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await signInThroughApi('tokens');
    await page.goto('/settings');
    await page.getByLabel('Token name').fill('Upload script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const tokenField = page.getByLabel('Your new API token');
    await tokenField.waitFor();
    const token = await tokenField.inputValue();
    expect(token.length).toBeGreaterThan(20);

    await page.getByRole('button', { name: 'Copy token' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(token);

    // The token works for another client.
    const viaToken = createApiClient({ baseUrl, bearerToken: token });
    const me = await unwrap(viaToken.GET('/api/v1/me'));
    expect(me.handle).toMatch(/^tokens_/);

    await page.getByRole('button', { name: 'Done' }).click();
    expect(await tokenField.count()).toBe(0);
    await page.getByRole('button', { name: 'Revoke Upload script' }).click();
    await page.getByText('Token “Upload script” revoked').waitFor();
    const afterRevoke = await viaToken.GET('/api/v1/me');
    expect(afterRevoke.response.status).toBe(401);
  });

  it('deletes the account only with the right password, then forgets it', async () => {
    const handle = await signInThroughApi('leaving');
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Delete account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByLabel('Your password', { exact: true }).fill('not the password');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('Type your current password to confirm this change.').waitFor();

    await dialog.getByLabel('Your password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(isAt('/'));
    await page.getByText('Your account was deleted').waitFor();
    await page.getByRole('link', { name: 'Log in' }).waitFor();

    await page.goto(`/@${handle}`);
    await page.getByRole('heading', { name: 'This account doesn’t exist' }).waitFor();
  });
});

async function expectProfileToShowEverything(handle: string) {
  await page.getByRole('heading', { name: '<b>bold</b> Ana', level: 1 }).waitFor();
  await page.getByText(`@${handle}`, { exact: true }).waitFor();
  await page.getByText('New videos every Friday.').waitFor();
  const src = await page.getByRole('img', { name: 'Profile photo' }).getAttribute('src');
  expect(src).toMatch(/^\/avatars\/.+\.webp$/);
  const photo = await context.request.get(src ?? '');
  expect(photo.headers()['content-type']).toBe('image/webp');
  // Every image on the page has loaded and decoded (none is broken).
  await expect
    .poll(() =>
      page.evaluate('[...document.images].every((i) => i.complete && i.naturalWidth > 0)'),
    )
    .toBe(true);
}
