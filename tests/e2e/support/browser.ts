// Headless Chromium (Debian's, driven by playwright-core) for the browser tests, with every console error kept.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(import.meta.dirname, '..', '__screenshots__');

// The flags this machine needs: no sandbox as root, and nothing reaching out to Google's hosts on a closed network.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CLIENT_ERROR_LOAD = /^Failed to load resource: the server responded with a status of 4\d\d /;

export interface E2eBrowser {
  /** A fresh page (its own session storage) at the runtime's address; its console errors are collected. */
  page(baseUrl: string, options?: { locale?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** Console errors (but the API's 4xx refusals) and uncaught page errors seen so far, on every page. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile. */
export async function launchBrowser(): Promise<E2eBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'casework-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true });
  const consoleErrors: string[] = [];
  return {
    consoleErrors,
    async page(baseUrl, options = {}) {
      const page = await context.newPage();
      if (options.viewport) await page.setViewportSize(options.viewport);
      page.on('console', (message) => {
        // Chromium logs every 4xx answer as a failed load; those are the API's refusals the page shows the person
        // (a field left empty, a wrong lookup), not the app's errors. A 5xx or a script error is.
        if (message.type() === 'error' && !CLIENT_ERROR_LOAD.test(message.text())) consoleErrors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
      await page.goto(`${baseUrl}/`);
      // Each page starts signed out: the session lives in session storage, per tab.
      await page.evaluate('sessionStorage.clear()');
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot under tests/e2e/__screenshots__/ (gitignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the picker as a demo user and waits for the home screen. */
export async function signInAs(page: Page, baseUrl: string, userId: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.click(`[data-user="${userId}"]`);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
