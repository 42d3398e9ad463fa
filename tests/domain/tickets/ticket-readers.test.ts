// Who may read a ticket: each role by its own rule, and a claim the rule needs but the token lacks denies.
import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../../schemas/actor.js';
import { ForbiddenError } from '../../../domain/errors.js';
import { requireTicketReader } from '../../../domain/tickets/ticket-readers.js';
import { TicketStory, at, clerkOf, coordinatorOf, noiseComplaint, operator, supervisor, system } from './world.js';

// A Dongmen (Haibin district) noise complaint, dispatched to the Dongmen street office.
function dongmenTicket(): TicketStory {
  const story = TicketStory.open(noiseComplaint, at('2026-11-23T10:00:00+08:00'));
  story.do(system, { type: 'dispatch' }, at('2026-11-23T10:00:19+08:00'));
  return story;
}

const mayRead = (story: TicketStory, actor: UserActor) => {
  try {
    requireTicketReader(story.ticket, story.events, actor);
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
};

describe('reading a ticket', () => {
  const story = dongmenTicket();

  it('the city-wide roles read every ticket', () => {
    expect(mayRead(story, operator as UserActor)).toBe(true);
    expect(mayRead(story, supervisor as UserActor)).toBe(true);
    expect(mayRead(story, { kind: 'user', userId: 'admin', role: 'admin' })).toBe(true);
  });

  it('a clerk reads the tickets of its own unit, not another unit’s', () => {
    expect(mayRead(story, clerkOf('s-haibin-dongmen') as UserActor)).toBe(true);
    expect(mayRead(story, clerkOf('dept-water') as UserActor)).toBe(false);
  });

  it('a coordinator reads the tickets of its district, held by one of its streets, but not another district’s', () => {
    expect(mayRead(story, coordinatorOf('d-haibin') as UserActor)).toBe(true);
    expect(mayRead(story, coordinatorOf('d-qiaodong') as UserActor)).toBe(false);
  });

  it('a panel member reads no ticket, even with a unit in its token: the case reaches it through its panel, without the caller', () => {
    expect(mayRead(story, { kind: 'user', userId: 'panelist-1', role: 'panelist', memberId: 'member-1' })).toBe(false);
    expect(mayRead(story, { kind: 'user', userId: 'panelist-1', role: 'panelist', memberId: 'member-1', unitId: 's-haibin-dongmen' })).toBe(false);
  });

  it('a clerk or coordinator whose token names no unit reads nothing', () => {
    expect(mayRead(story, { kind: 'user', userId: 'clerk-x', role: 'clerk' })).toBe(false);
    expect(mayRead(story, { kind: 'user', userId: 'coordinator-x', role: 'coordinator' })).toBe(false);
  });
});
