// The sign-in picker and the language switch, in Chromium against the local runtime.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { testRuntime } from '../integration/support/runtime.js';
import { type E2eBrowser, launchBrowser, screenshot, signInAs } from './support/browser.js';

let runtime: Runtime;
let browser: E2eBrowser;

beforeAll(async () => {
  runtime = await testRuntime();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

describe('signing in', () => {
  it('lists the demo users by role in Chinese, signs in as one and switches to English and back', async () => {
    const page = await browser.page(runtime.api.url);
    await page.goto(`${runtime.api.url}/`);
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.locator('legend').allTextContents()).toContain('市热线办督办人员');
    await screenshot(page, 'sign-in-zh');
    await signInAs(page, runtime.api.url, 'clerk-haibin-dongmen');
    expect(new URL(page.url()).pathname).toBe('/tickets');
    await expect.poll(() => page.getByTestId('who').textContent()).toContain('张磊');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('nav').textContent()).toContain('Tickets');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'signed-in-en');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect.poll(() => page.locator('nav').textContent()).toContain('工单待办');
    expect(browser.consoleErrors).toEqual([]);
  });
});
