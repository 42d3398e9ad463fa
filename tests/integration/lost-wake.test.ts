// An action saves the ticket, then wakes its lifecycle. A handler that dies between the two (a crash, a Lambda
// timeout) must not leave the lifecycle asleep until its next deadline: the Tickets stream wakes it (issue 15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import type * as Services from '../../functions/shared/services.js';
import type { Runtime } from '../../local/runtime/runtime.js';
import type { UserActor } from '../../schemas/actor.js';
import { noiseComplaint } from '../domain/tickets/world.js';
import { call, login, testRuntime } from './support/runtime.js';

let runtime: Runtime;
let operator: string;
// The handlers' services, loaded once the runtime has set the endpoints their clients are made with.
let services: typeof Services;

beforeAll(async () => {
  runtime = await testRuntime();
  operator = await login(runtime, 'operator-1');
  services = await import('../../functions/shared/services.js');
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

const clerk: UserActor = { kind: 'user', userId: 'clerk-haibin-dongmen', role: 'clerk', unitId: 's-haibin-dongmen' };

describe('a change saved without its wake-up', () => {
  it('moves the lifecycle on at once, not at the next deadline', async () => {
    const created = await call(runtime, 'POST', '/v1/tickets', noiseComplaint, operator);
    const id = String(created.body?.id);
    await runtime.idle();
    expect((await call(runtime, 'GET', `/v1/tickets/${id}/workflow`, undefined, operator)).body?.current).toBe('At the unit');

    // What the action handler does up to its save, and no further: no SendTaskSuccess follows.
    const { tickets, decisionContext } = services;
    await applyCommand(tickets, id, { type: 'accept' }, await decisionContext(clerk));
    await applyCommand(tickets, id, { type: 'resolve', reply: '已协调停工' }, await decisionContext(clerk));
    await runtime.idle();

    const workflow = await call(runtime, 'GET', `/v1/tickets/${id}/workflow`, undefined, operator);
    expect(workflow.body?.current).toBe('Awaiting callback');
  });
});
