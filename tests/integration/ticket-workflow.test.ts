// The ticket page's lifecycle graph and path, and the actions it offers, read through the local runtime's API.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TicketWorkflow } from '../../schemas/ticket-workflow.js';
import { cityOfThisFile } from '../workflows/support/stories.js';
import { call, login } from './support/runtime.js';

// Monday 23 November 2026, 10:00 in Shanghai.
const world = cityOfThisFile('2026-11-23T02:00:00Z');
const lifecycle = JSON.parse(readFileSync('workflows/ticket-lifecycle.asl.json', 'utf8')) as { StartAt: string; States: Record<string, unknown> };

const workflowOf = async (id: string, user: string) => call(world.runtime, 'GET', `/v1/tickets/${id}/workflow`, undefined, await login(world.runtime, user));
const actionsOf = async (id: string, user: string) => (await call(world.runtime, 'GET', `/v1/tickets/${id}`, undefined, await login(world.runtime, user))).body?.actions;

describe("a ticket's workflow", () => {
  it('draws the lifecycle and the path the ticket took through it, accepted and resolved, then closed', async () => {
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'accept' });
    await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已上门协调，施工队承诺夜间停工。' });

    const seen = await workflowOf(id, 'clerk-haibin-dongmen');

    expect(seen.status).toBe(200);
    const workflow = seen.body as unknown as TicketWorkflow;
    expect(workflow).toMatchObject({ stateMachine: 'ticket-lifecycle', status: 'RUNNING', startAt: lifecycle.StartAt, current: 'Awaiting callback', children: [] });
    expect(workflow.states.map((s) => s.name)).toEqual(Object.keys(lifecycle.States));
    expect(workflow.edges).toContainEqual({ from: 'Where is the ticket?', to: 'At the unit', kind: 'choice', label: '$.state.phase = "at-unit"' });
    expect(workflow.edges).toContainEqual({ from: 'At the unit', to: 'Deadline reached', kind: 'catch', label: 'States.Timeout' });
    expect(workflow.path.map((s) => s.state)).toEqual([
      'Dispatch to the unit',
      'Where is the ticket?',
      'At the unit',
      'Where is the ticket?',
      'At the unit',
      'Where is the ticket?',
      'Awaiting callback',
    ]);
    const times = workflow.path.flatMap((s) => [s.enteredAt, ...(s.exitedAt ? [s.exitedAt] : [])]);
    expect(times).toEqual([...times].sort());
    expect(workflow.path.slice(0, -1).every((s) => s.exitedAt !== undefined)).toBe(true);

    await world.city.callback(id, { resolved: true, satisfied: true });
    const closed = (await workflowOf(id, 'supervisor-1')).body as unknown as TicketWorkflow;
    expect(closed.status).toBe('SUCCEEDED');
    expect(closed.path.at(-1)?.state).toBe('Closed');
    expect(closed).not.toHaveProperty('current');
  });

  it('shows a joint review the lifecycle started as a child with its own path', async () => {
    const id = await world.city.open();
    await world.city.act('clerk-haibin-dongmen', id, { type: 'mark-difficult', reason: '历史遗留问题' });
    await world.city.act('supervisor-1', id, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '提请联席会商' });

    const workflow = (await workflowOf(id, 'supervisor-1')).body as unknown as TicketWorkflow;

    expect(workflow.current).toBe('In joint review');
    expect(workflow.children).toHaveLength(1);
    expect(workflow.children[0]).toMatchObject({ stateMachine: 'joint-review', startedBy: 'In joint review', status: 'RUNNING', current: 'Collect the votes' });
    expect(workflow.children[0]?.name).toMatch(new RegExp(`^${id}-review-\\d+$`));
    expect(workflow.children[0]?.path.map((s) => s.state)).toEqual(['Convene the panel', 'Collect the votes']);
  });

  it('is for the people who may read the ticket: not a clerk of another unit, and no ticket that does not exist', async () => {
    const id = await world.city.open();

    const elsewhere = await workflowOf(id, 'clerk-water');
    const unknown = await workflowOf('T20991231-000000', 'supervisor-1');

    expect(elsewhere).toMatchObject({ status: 403, body: { rule: 'ticket.not-your-unit' } });
    expect(unknown).toMatchObject({ status: 404, body: { rule: 'ticket.not-found' } });
  });
});

describe('the actions a ticket offers', () => {
  it('offers each person what they may do now', async () => {
    const id = await world.city.open();

    expect(await actionsOf(id, 'clerk-haibin-dongmen')).toEqual(['accept', 'resolve', 'return', 'whistle', 'mark-difficult']);
    expect(await actionsOf(id, 'supervisor-1')).toEqual(['designate']);
    expect(await actionsOf(id, 'operator-1')).toEqual([]);

    await world.city.act('clerk-haibin-dongmen', id, { type: 'resolve', reply: '已协调停工' });
    expect(await actionsOf(id, 'operator-1')).toEqual(['callback']);
    expect(await actionsOf(id, 'clerk-haibin-dongmen')).toEqual([]);
  });
});
