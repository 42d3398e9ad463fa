// The people who work tickets, in Chromium: a street clerk accepts and resolves from the inbox (a validation error
// shows beside its field), the ticket page draws the path through the lifecycle, a panel member votes, a citizen
// looks up a request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../integration/support/runtime.js';
import { cityOfThisFile } from '../workflows/support/stories.js';
import { type E2eBrowser, launchBrowser, screenshot, signInAs } from './support/browser.js';

// Monday 23 November 2026, 10:00 in Shanghai.
const world = cityOfThisFile('2026-11-23T02:00:00Z');
let browser: E2eBrowser;
const url = () => world.runtime.api.url;

beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a street clerk works the inbox', () => {
  it('sees the new ticket with its countdown, accepts it, is told beside the field that a reply is needed, then resolves it', async () => {
    const id = await world.city.open();
    const page = await browser.page(url());
    await signInAs(page, url(), 'clerk-haibin-dongmen');
    const row = page.locator(`tr[data-ticket="${id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    // Dispatched Monday 10:00; the street has a working day to accept.
    await expect.poll(() => row.locator('[data-countdown]').textContent()).toMatch(/^剩余/);

    await row.getByRole('button', { name: '办理' }).click();
    await page.click('button[data-action="accept"]');
    await page.click('form[data-form="accept"] button[type="submit"]');
    await expect.poll(() => page.locator('.notice').textContent()).toContain('签收');
    await expect.poll(async () => (await world.city.ticket(id)).status).toBe('accepted');

    await page.click('button[data-action="resolve"]');
    browser.expectFailedResponse(400, new RegExp(`/v1/tickets/${id}/actions$`));
    await page.click('form[data-form="resolve"] button[type="submit"]');
    const fieldError = page.locator('form[data-form="resolve"] #field-reply-error');
    await expect.poll(() => fieldError.textContent()).toBe('不能为空');
    expect(await page.locator('#field-reply').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'inbox-validation-error');

    await page.fill('#field-reply', '已联系施工方，晚十点后停止施工');
    await page.click('form[data-form="resolve"] button[type="submit"]');
    await expect.poll(async () => (await world.city.ticket(id)).status).toBe('resolved');
    // Resolved, it leaves the queue of what the street must still do.
    await expect.poll(() => row.count()).toBe(0);
    await screenshot(page, 'inbox-after-resolve');
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe('the ticket page', () => {
  it('draws the lifecycle from the state machine and highlights the path the ticket took, in Chinese and in English', async () => {
    const admin = await login(world.runtime, 'admin');
    expect((await call(world.runtime, 'PUT', '/v1/units/s-haibin-dongmen/subscriptions', { emails: ['dongmen@haiqiao.example'] }, admin)).status).toBe(200);
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已处理' });
    const page = await browser.page(url());
    await signInAs(page, url(), 'supervisor-1');
    await page.goto(`${url()}/tickets/${id}`);
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('已办结待回访');
    const path = page.getByTestId('path');
    // Dispatched, waited at the unit to be accepted, then to be resolved, then for the callback.
    await expect.poll(() => path.locator('li').allTextContents()).toEqual(
      ['派单至承办单位', '判断工单所处环节', '承办单位办理', '判断工单所处环节', '承办单位办理', '判断工单所处环节', '待回访'].map((state) => `${state} 2026/11/23 10:00`),
    );
    expect(await page.locator('g.node[data-state="At the unit"]').getAttribute('class')).toContain('visited');
    expect(await page.locator('g.node.current').getAttribute('data-state')).toBe('Awaiting callback');
    expect(await page.locator('g.node[data-state="Escalated to the city"]').getAttribute('data-visited')).toBe('false');
    expect(await page.locator('path.edge.taken').count()).toBeGreaterThanOrEqual(3);
    // The timeline holds the events and each attempt to notify the street of them.
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.textContent()).toContain('办结');
    expect(await timeline.textContent()).toContain('通知 → 东门街道 (email #1) 2026/11/23 10:00派单 已送达');
    await screenshot(page, 'ticket-page-zh');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('resolved');
    await expect.poll(() => path.textContent()).toContain('At the unit');
    await screenshot(page, 'ticket-page-en');
    await page.getByRole('button', { name: '切换到中文' }).click();
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe('a panel member', () => {
  it('finds the panel among their own, is told a rationale is needed, then votes; the vote shows as theirs', async () => {
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    await world.city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '涉及违建认定，街道与城管意见不一' });
    const referred = await world.city.act('supervisor-1', id, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '责任单位存在争议，提请联席会商', involvedUnitIds: ['dept-urban-management'] });
    expect(referred.status).toBe(200);
    const convened = (await world.city.ticket(id)).timeline.find((e) => e.type === 'ticket.panel-convened') as unknown as { panelId: string; memberIds: string[] };
    const member = convened.memberIds[0]!;

    const page = await browser.page(url());
    await signInAs(page, url(), member.replace('member-', 'panelist-'));
    expect(new URL(page.url()).pathname).toBe('/panels');
    await page.click(`tr[data-panel="${convened.panelId}"] a`);
    await page.selectOption('#vote-choice', 'assign-unit');
    await page.selectOption('#vote-unit', 'dept-urban-management');
    browser.expectFailedResponse(400, new RegExp(`/v1/panels/${convened.panelId}/votes$`));
    await page.click('form[data-form="vote"] button[type="submit"]');
    // The API's word on the rationale shows under the rationale, not at the top of the form.
    await expect.poll(() => page.locator('#vote-rationale-error').textContent()).toBe('至少 2 个字符');
    await page.fill('#vote-rationale', '属违法建设，应由城管执法');
    await page.click('form[data-form="vote"] button[type="submit"]');
    await expect.poll(() => page.locator('p.vote').textContent()).toContain('属违法建设，应由城管执法');
    await expect.poll(() => page.getByTestId('votes-cast').textContent()).toBe('1 / 5');
    await screenshot(page, 'panel-voted');
    const token = await login(world.runtime, 'supervisor-1');
    const panel = (await call(world.runtime, 'GET', `/v1/panels/${convened.panelId}`, undefined, token)).body as { votesCast: number };
    expect(panel.votesCast).toBe(1);
    expect(browser.consoleErrors).toEqual([]);
  });
});

describe('a citizen looks up a request', () => {
  it('sees status, unit and reply for the right pair, the same refusal for a wrong one, and is stopped after five wrong tries', async () => {
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已联系施工方整改' });
    const page = await browser.page(url());
    await page.goto(`${url()}/progress`);
    await page.fill('#progress-ticket', id);
    await page.fill('#progress-phone', '0001');
    await page.click('button[type="submit"]');
    const progress = page.getByTestId('progress');
    await expect.poll(() => progress.textContent()).toContain('已办结待回访');
    expect(await progress.textContent()).toContain('已联系施工方整改');
    expect(await progress.textContent()).not.toContain('13800000001');
    await screenshot(page, 'citizen-progress');

    // The refusals are the lookup's answers to wrong pairs and to a burst of tries.
    browser.expectFailedResponse(404, new RegExp(`/v1/progress/${id}\\?phone=9999$`));
    browser.expectFailedResponse(429, new RegExp(`/v1/progress/${id}\\?phone=0001$`));
    for (let i = 0; i < 5; i++) {
      await page.fill('#progress-phone', '9999');
      await page.click('button[type="submit"]');
      await expect.poll(() => page.locator('p.error').textContent()).toBe('工单号或手机号后四位不正确');
      await page.evaluate('document.querySelector("p.error")?.remove()');
    }
    await page.fill('#progress-phone', '0001');
    await page.click('button[type="submit"]');
    await expect.poll(() => page.locator('p.error').textContent()).toBe('查询过于频繁，请一小时后再试');
    expect(browser.consoleErrors).toEqual([]);
  });
});
