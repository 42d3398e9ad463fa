// The actions the ticket page offers each person agree with what decide() lets them do.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../schemas/actor.js';
import { LifecycleAction, type TicketCommand } from '../../../schemas/commands.js';
import { ConflictError, ForbiddenError } from '../../../domain/errors.js';
import { availableActions, sampleCommands } from '../../../domain/tickets/available-actions.js';
import { decide } from '../../../domain/tickets/decide.js';
import { TicketStory, at, city, clerkOf, coordinatorOf, ctx, noiseComplaint, operator, supervisor, system } from './world.js';

// Monday 23 November 2026, 10:00 in Shanghai: no holiday in the next three weeks.
const monday = at('2026-11-23T10:00:00+08:00');
const soon = at('2026-11-23T11:00:00+08:00');
const dongmen = clerkOf('s-haibin-dongmen');
const water = clerkOf('dept-water');
const urbanManagement = clerkOf('dept-urban-management');

function dispatched(): TicketStory {
  const story = TicketStory.open(noiseComplaint, monday);
  story.do(system, { type: 'dispatch' }, at('2026-11-23T10:00:19+08:00'));
  return story;
}

function offered(story: TicketStory, actor: Actor, when = soon) {
  return availableActions(story.ticket, ctx(actor, when));
}

/** True when decide() refuses the command for the ticket's state or the person's role or unit (409, 403). */
function refusedOutright(story: TicketStory, command: TicketCommand, actor: Actor, when: Date): boolean {
  try {
    decide(story.ticket, command, ctx(actor, when));
    return false;
  } catch (error) {
    return error instanceof ConflictError || error instanceof ForbiddenError;
  }
}

/** Every offered action decides, with one of its sample bodies, without a 409 or 403: the page never offers what the API refuses so. */
function expectOfferedActionsDecide(story: TicketStory, actor: Actor, when = soon) {
  const samples = sampleCommands(story.ticket, city);
  for (const action of offered(story, actor, when)) {
    const decides = samples[action].some((command) => !refusedOutright(story, command, actor, when));
    expect(decides, `${action} offered to ${JSON.stringify(actor)} on a ${story.ticket.status} ticket`).toBe(true);
  }
}

const people: [string, Actor][] = [
  ['the street holding it', dongmen],
  ['a clerk of another unit', water],
  ['the supervision office', supervisor],
  ['an operator', operator],
];

describe('actions offered on a ticket', () => {
  it('a dispatched ticket: its street accepts, resolves, returns, whistles or marks it difficult; the office may designate; others nothing', () => {
    const story = dispatched();

    expect(offered(story, dongmen)).toEqual(['accept', 'resolve', 'return', 'whistle', 'mark-difficult']);
    expect(offered(story, water)).toEqual([]);
    expect(offered(story, supervisor)).toEqual(['designate']);
    expect(offered(story, operator)).toEqual([]);
  });

  it('an accepted ticket: the street may ask for more time, no longer accept', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'accept' }, soon);

    expect(offered(story, dongmen)).toEqual(['resolve', 'return', 'request-extension', 'whistle', 'mark-difficult']);
  });

  it('an extension asked for: the office decides it, the street may not ask again', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'accept' }, soon);
    story.do(dongmen, { type: 'request-extension', days: 3, reason: '需协调施工方' }, soon);

    expect(offered(story, supervisor)).toEqual(['decide-extension', 'designate']);
    expect(offered(story, dongmen)).not.toContain('request-extension');
  });

  it('a whistle: the departments called in report in, then add replies; the street resolves only once they have', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' }, soon);

    expect(offered(story, urbanManagement)).toEqual(['report-in']);
    expect(offered(story, dongmen)).toEqual(['accept', 'return', 'mark-difficult']);

    story.do(urbanManagement, { type: 'report-in', note: '明日到场' }, soon);
    expect(offered(story, urbanManagement)).toEqual(['add-reply']);
  });

  it('an escalated ticket: the district handles it and may not return it (a rule about the ticket, not the body)', () => {
    const story = dispatched();
    const late = at('2026-11-24T10:01:00+08:00');
    story.do(system, { type: 'escalate' }, late);
    const district = coordinatorOf('d-haibin');

    expect(story.ticket.level).toBe(2);
    expect(offered(story, district, late)).toContain('resolve');
    expect(offered(story, district, late)).not.toContain('return');
    expect(offered(story, dongmen, late)).toEqual([]);
  });

  it('a return under review: the dispatch desk reviews it', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'return', reason: '不属本街道职责' }, soon);

    expect(offered(story, operator)).toEqual(['review-return']);
    expect(offered(story, supervisor)).toEqual(['review-return']);
    expect(offered(story, dongmen)).toEqual([]);
  });

  it('a difficult case: the office decides it or designates a unit', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'mark-difficult', reason: '历史遗留问题' }, soon);

    expect(offered(story, supervisor)).toEqual(['decide-difficult', 'designate']);
    expect(offered(story, dongmen)).toEqual([]);
  });

  it('a resolved ticket: intake and the office record the callback', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'resolve', reply: '已协调停工' }, soon);

    expect(offered(story, operator)).toEqual(['callback']);
    expect(offered(story, supervisor)).toEqual(['callback']);
    expect(offered(story, dongmen)).toEqual([]);
  });

  it('a closed ticket offers nothing', () => {
    const story = dispatched();
    story.do(dongmen, { type: 'resolve', reply: '已协调停工' }, soon);
    story.do(operator, { type: 'callback', resolved: true, satisfied: true }, soon);

    for (const [, actor] of people) expect(offered(story, actor)).toEqual([]);
  });

  it('lists only known actions, and every one it offers decides without a 409 or 403', () => {
    const stories = [dispatched()];
    const accepted = dispatched();
    accepted.do(dongmen, { type: 'accept' }, soon);
    const whistled = dispatched();
    whistled.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' }, soon);
    const difficult = dispatched();
    difficult.do(dongmen, { type: 'mark-difficult', reason: '历史遗留问题' }, soon);
    const resolved = dispatched();
    resolved.do(dongmen, { type: 'resolve', reply: '已协调停工' }, soon);
    stories.push(accepted, whistled, difficult, resolved);

    for (const story of stories) {
      for (const [, actor] of [...people, ['called in', urbanManagement] as [string, Actor]]) {
        for (const action of offered(story, actor)) expect(LifecycleAction.options).toContain(action);
        expectOfferedActionsDecide(story, actor);
      }
    }
  });
});
