// A small world for ticket tests: the demo city, the default policy, its calendar and the people who act.
import type { Actor } from '../../../schemas/actor.js';
import type { TicketCommand, CreateTicket } from '../../../schemas/commands.js';
import { defaultSlaPolicy } from '../../../schemas/sla-policy.js';
import type { Ticket } from '../../../schemas/ticket.js';
import type { TicketEvent } from '../../../schemas/ticket-events.js';
import { createChinaWorkingCalendar } from '../../../domain/calendar/china-working-calendar.js';
import { CityDirectory } from '../../../domain/city-directory.js';
import { CaseworkError } from '../../../domain/errors.js';
import { decide } from '../../../domain/tickets/decide.js';
import type { DecisionContext } from '../../../domain/tickets/decision-context.js';
import { evolve, stamp } from '../../../domain/tickets/evolve.js';
import { openTicket } from '../../../domain/tickets/open-ticket.js';
import { demoCity } from '../../../local/seed/demo-city.js';

export const city = new CityDirectory(demoCity.units, demoCity.categories);
export const policy = defaultSlaPolicy;
export const calendar = createChinaWorkingCalendar({ workingPeriods: policy.workingPeriods });

export const system: Actor = { kind: 'system' };
export const operator: Actor = { kind: 'user', userId: 'operator-1', role: 'operator' };
export const supervisor: Actor = { kind: 'user', userId: 'supervisor-1', role: 'supervisor', unitId: 'supervision' };
export const clerkOf = (unitId: string): Actor => ({ kind: 'user', userId: `clerk-${unitId}`, role: 'clerk', unitId });
export const coordinatorOf = (districtId: string): Actor => ({
  kind: 'user',
  userId: `coordinator-${districtId}`,
  role: 'coordinator',
  unitId: districtId,
});

export const at = (iso: string) => new Date(iso);

export const noiseComplaint: CreateTicket = {
  channel: 'phone',
  category: 'NBR-001',
  title: '楼上夜间噪音',
  description: '每晚十一点后楼上装修噪音很大。',
  location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号3单元' },
  citizen: { name: '李女士', phone: '13800000001' },
};

/** A ticket with its history, moved along by commands as a person or the workflow would. */
export class TicketStory {
  ticket: Ticket;
  events: TicketEvent[];

  private constructor(events: TicketEvent[]) {
    this.events = events;
    this.ticket = events.reduce<Ticket | undefined>(evolve, undefined) as Ticket;
  }

  /** Opens a ticket as the operator at `when`. */
  static open(body: CreateTicket, when: Date, id = 'T-1'): TicketStory {
    return new TicketStory(stamp(id, 0, openTicket(body, ctx(operator, when)).events));
  }

  /** Applies a command that must succeed; returns the events it added. */
  do(actor: Actor, command: TicketCommand, when: Date): TicketEvent[] {
    let proposed;
    try {
      proposed = decide(this.ticket, command, ctx(actor, when));
    } catch (error) {
      if (!(error instanceof CaseworkError)) throw error;
      throw new Error(`expected ${command.type} to succeed: ${error.rule}: ${error.message}`);
    }
    const added = stamp(this.ticket.id, this.ticket.version, proposed);
    for (const event of added) this.ticket = evolve(this.ticket, event);
    this.events.push(...added);
    return added;
  }

  /** Tries a command that must fail; returns the error and checks nothing changed. */
  refuse(actor: Actor, command: TicketCommand, when: Date): CaseworkError {
    try {
      const events = decide(this.ticket, command, ctx(actor, when));
      throw new Error(`expected ${command.type} to be refused, got ${events.map((e) => e.type).join(', ')}`);
    } catch (error) {
      if (!(error instanceof CaseworkError)) throw error;
      return error;
    }
  }
}

export function ctx(actor: Actor, now: Date): DecisionContext {
  return { now, actor, policy, calendar, city };
}

/** The rule a call breaks: the CaseworkError it throws (fails the test when it throws nothing or something else). */
export function refusal(attempt: () => unknown): CaseworkError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected the rule to be broken, but the call succeeded');
}
