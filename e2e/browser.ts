// Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work
// here). Contexts default to a phone: 390×844, touch, mobile.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../server/test/process.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export const PHONE = { width: 390, height: 844 } as const;

export function newPhoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
}

/**
 * Saves a screenshot. With SHORTWAVE_UPDATE_SCREENSHOTS=1 it goes to docs/screenshots (committed,
 * used by the README); otherwise to .tmp/screenshots, so a test run leaves the tree clean.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir =
    process.env.SHORTWAVE_UPDATE_SCREENSHOTS === '1'
      ? path.join(REPO_ROOT, 'docs', 'screenshots')
      : path.join(REPO_ROOT, '.tmp', 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
