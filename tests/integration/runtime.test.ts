// The local runtime as people use it: health, demo sign-in, reference data through the API, the virtual clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../local/runtime/runtime.js';
import { call, login, testRuntime } from './support/runtime.js';

describe('the local runtime', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await testRuntime({ clockStart: '2026-11-23T02:00:00Z' });
  }, 60_000);
  afterAll(() => runtime?.stop());

  it('reports every part healthy', async () => {
    const health = await call(runtime, 'GET', '/health');

    expect(health.status).toBe(200);
    expect(Object.keys(health.body?.parts as object).sort()).toEqual(['api', 'clock', 'dynamodb', 'mail', 'scheduler', 'stepfunctions', 'streams']);
    const parts = health.body?.parts as Record<string, { status: string }>;
    expect(Object.entries(parts).filter(([, part]) => part.status !== 'ok')).toEqual([]);
    expect(parts.stepfunctions).toMatchObject({ stateMachines: 4 }); // joint-review, ticket-lifecycle, monthly-zeroing, notification-delivery
  });

  it('lists the demo users with their roles and units, and signs one in', async () => {
    const users = (await call(runtime, 'GET', '/_local/users')).body as unknown as { id: string; role: string; unitId?: string }[];
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['operator', 'clerk', 'coordinator', 'supervisor', 'panelist', 'admin']));
    expect(users).toContainEqual(expect.objectContaining({ id: 'clerk-water', role: 'clerk', unitId: 'dept-water' }));

    const token = await login(runtime, 'clerk-water');
    const units = await call(runtime, 'GET', '/v1/units', undefined, token);

    expect(units.status).toBe(200);
    expect((units.body?.units as unknown[]).length).toBe(38);
  });

  it('serves the seeded catalogue with Chinese and English names', async () => {
    const token = await login(runtime, 'operator-1');
    const { body } = await call(runtime, 'GET', '/v1/catalogue', undefined, token);

    expect(body?.categories).toContainEqual(
      expect.objectContaining({ code: 'EMG-002', name: { zh: '火灾', en: 'Fire' }, emergency: true, transferTo: '119' }),
    );
  });

  it('refuses the API without a token, and names an unknown demo user', async () => {
    expect((await call(runtime, 'GET', '/v1/units')).status).toBe(401);
    const unknown = await call(runtime, 'POST', '/_local/login', { user: 'mayor' });
    expect(unknown.status).toBe(404);
    expect(unknown.body?.message).toContain('no demo user "mayor"');
  });

  it('moves the virtual clock forward on request, never backwards', async () => {
    const before = (await call(runtime, 'GET', '/_local/clock')).body?.now as string;

    const moved = await call(runtime, 'POST', '/_local/clock', { advance: 'P3DT2H' });
    const back = await call(runtime, 'POST', '/_local/clock', { to: '2020-01-01T00:00:00Z' });
    const garbled = await call(runtime, 'POST', '/_local/clock', { advance: 'three days' });

    expect(Date.parse(moved.body?.now as string) - Date.parse(before)).toBe((3 * 24 + 2) * 3600_000);
    expect(back.status).toBe(422);
    expect(garbled.status).toBe(400);
    expect(garbled.body?.message).toContain('advance: must be an ISO-8601 duration');
  });
});
