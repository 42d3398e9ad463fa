// 我的诉求 on the local runtime: a citizen follows a request by its number and the last four digits of the phone,
// without signing in, and sees the status, the unit and the reply, nothing else; guessing is stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { hotline } from '../workflows/support/stories.js';
import { call, testRuntime } from './support/runtime.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
}, 60_000);
afterAll(() => runtime?.stop());

const progress = (id: string, phone: string) => call(runtime, 'GET', `/v1/progress/${id}?phone=${phone}`);

describe("a citizen's progress lookup", () => {
  it('shows the status, the handling unit and the reply for the right pair, and nothing about the caller', async () => {
    const city = hotline(runtime);
    // The noise complaint's caller is 13800000001.
    const id = await city.open();

    const seen = await progress(id, '0001');

    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body ?? {}).sort()).toEqual(['status', 'statusName', 'ticketId', 'unit', 'updatedAt', 'updatedAtBeijing']);
    expect(seen.body).toMatchObject({ ticketId: id, status: 'dispatched', statusName: { zh: '待签收' }, unit: { id: 's-haibin-dongmen' } });
    expect(seen.text).not.toContain('13800000001');
    expect(seen.text).not.toContain('李女士');

    await city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    await city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已联系施工方，夜间停止施工' });
    expect((await progress(id, '0001')).body).toMatchObject({ status: 'resolved', reply: '已联系施工方，夜间停止施工' });
  });

  it('answers a wrong pair and an unknown number alike, and stops a burst of wrong tries for an hour', async () => {
    const id = await hotline(runtime).open();
    const wrong = await progress(id, '9999');
    const unknown = await progress('T20991231-000000', '0001');
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ rule: 'progress.no-match', message: '工单号或手机号后四位不正确' });
    expect((await progress(id, '12')).body).toMatchObject({ issues: [expect.objectContaining({ path: 'phone' })] });

    for (const digits of ['1111', '2222', '3333', '4444']) expect((await progress(id, digits)).status).toBe(404);
    // Five wrong tries: now even the right pair is refused, until the hour is over.
    const refused = await progress(id, '0001');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ rule: 'progress.too-many-tries' });

    await runtime.advanceTo(new Date('2026-11-23T03:30:00Z'));
    expect((await progress(id, '0001')).status).toBe(200);
  });
});
