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

export interface E2eBrowser {
  /** A fresh page (its own session storage) at the runtime's address; its console errors are collected. */
  page(baseUrl: string, options?: { locale?: string; viewport?: { width: number; height: number } }): Promise<Page>;
  /** Console errors and uncaught page errors seen so far, on every page. */
  readonly consoleErrors: string[];
  /**
   * Declares an API answer a test provokes on purpose (a refused form, a route not there yet): Chromium logs every
   * 4xx/5xx response as a console error, and this one is not to count as one.
   */
  expectFailedResponse(status: number, url: RegExp): void;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile. */
export async function launchBrowser(): Promise<E2eBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'casework-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true });
  const consoleErrors: string[] = [];
  const expected: { status: number; url: RegExp }[] = [];
  const failedResource = /^Failed to load resource: the server responded with a status of (\d{3})/;
  const isExpected = (text: string, url: string) => {
    const status = Number(failedResource.exec(text)?.[1]);
    return expected.some((e) => e.status === status && e.url.test(url));
  };
  return {
    consoleErrors,
    expectFailedResponse(status, url) {
      expected.push({ status, url });
    },
    async page(baseUrl, options = {}) {
      const page = await context.newPage();
      if (options.viewport) await page.setViewportSize(options.viewport);
      page.on('console', (message) => {
        if (message.type() !== 'error' || isExpected(message.text(), message.location().url)) return;
        consoleErrors.push(`${page.url()}: ${message.text()} ${message.location().url}`);
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
