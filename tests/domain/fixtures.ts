// Builders for valid tickets, ticket histories, panels and ledger entries: tests state only what matters to them.
import type { z } from 'zod';
import type { Actor } from '../../schemas/actor.js';
import { systemActor } from '../../schemas/actor.js';
import { defaultPanelRules, Panel, PanelMember, PanelRules, Vote, type PanelRole, type Seat, type VoteChoice } from '../../schemas/panel.js';
import { TicketEvent, type DispatchReason, type NewTicketEvent } from '../../schemas/ticket-events.js';
import { Ticket, type Deadlines, type Outcome } from '../../schemas/ticket.js';
import { LedgerEntry } from '../../schemas/zeroing.js';

/** The instant of a Shanghai wall-clock time, e.g. `shanghai('2025-03-31 23:59')`. */
export function shanghai(local: string): Date {
  const [date, time = '00:00'] = local.split(' ');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  const at = new Date(`${date}T${withSeconds}+08:00`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`cannot read ${local} as a Shanghai time`);
  return at;
}

/** The ISO string (UTC) of a Shanghai wall-clock time. */
export function iso(local: string): string {
  return shanghai(local).toISOString();
}

type TicketInput = Partial<z.input<typeof Ticket>>;

/** A valid ticket being handled by street-a; override any field. */
export function aTicket(overrides: TicketInput = {}): Ticket {
  return Ticket.parse({
    id: 'T-1',
    channel: 'phone',
    kind: 'complaint',
    urgency: 'normal',
    category: 'water-supply',
    title: 'No water since Monday',
    description: 'The whole building has had no running water for three days.',
    location: { districtId: 'pudong', streetId: 'street-a', address: '88 Century Avenue' },
    citizen: { name: 'Li Wei', phone: '13800138000' },
    status: 'accepted',
    unitId: 'street-a',
    level: 1,
    deadlines: {},
    counters: { returns: 0, extensions: 0, reopens: 0, escalations: 0 },
    createdAt: iso('2025-03-03 09:00'),
    dispatchedAt: iso('2025-03-03 09:05'),
    acceptedAt: iso('2025-03-03 10:00'),
    updatedAt: iso('2025-03-03 10:00'),
    version: 3,
    ...overrides,
  });
}

/** A ticket closed at `closedAt` (Shanghai time) with the given outcome. */
export function aClosedTicket(
  closedAt: string,
  outcome: Outcome,
  overrides: TicketInput = {},
): Ticket {
  return aTicket({
    status: 'closed',
    outcome,
    resolvedAt: iso(closedAt),
    closedAt: iso(closedAt),
    updatedAt: iso(closedAt),
    ...overrides,
  });
}

/** A ticket still being handled whose completion deadline is `due` (Shanghai time). */
export function anOpenTicket(due: string, overrides: TicketInput = {}): Ticket {
  return aTicket({ status: 'accepted', deadlines: { complete: iso(due) }, ...overrides });
}

// ---- ticket events -------------------------------------------------------------------------

const clerk = (unitId: string): Actor => ({ kind: 'user', userId: `clerk.${unitId}`, role: 'clerk', unitId });

type DeadlineInput = Partial<Record<'accept' | 'complete' | 'returnBy' | 'callback' | 'allottedFrom', string>>;

/** Deadlines from Shanghai wall-clock times. */
export function deadlines(local: DeadlineInput = {}): Deadlines {
  const out: Deadlines = { warnings: [], provisional: false };
  for (const [key, value] of Object.entries(local) as [keyof DeadlineInput, string | undefined][]) {
    if (value !== undefined) out[key] = iso(value);
  }
  return out;
}

/** The ticket went to `unitId` at `at`; a direct dispatch by default. */
export function dispatched(
  at: string,
  unitId: string,
  options: { reason?: DispatchReason; accepted?: boolean; deadlines?: DeadlineInput } = {},
): NewTicketEvent {
  return {
    type: 'ticket.dispatched',
    at: iso(at),
    actor: systemActor,
    unitId,
    level: 1,
    reason: options.reason ?? 'direct',
    accepted: options.accepted ?? false,
    deadlines: deadlines(options.deadlines),
    dispatchMs: 60_000,
  };
}

/** The unit accepted the ticket. */
export function accepted(at: string, unitId: string): NewTicketEvent {
  return { type: 'ticket.accepted', at: iso(at), actor: clerk(unitId), unitId };
}

/** The unit sent the ticket back as not theirs. */
export function returned(at: string, unitId: string, suggestedUnitId?: string): NewTicketEvent {
  return {
    type: 'ticket.returned',
    at: iso(at),
    actor: clerk(unitId),
    unitId,
    reason: 'The address belongs to the neighbouring street.',
    ...(suggestedUnitId ? { suggestedUnitId } : {}),
  };
}

/** The ticket moved up the ladder with new deadlines. */
export function escalated(at: string, fromUnitId: string, toUnitId: string, newDeadlines: DeadlineInput = {}): NewTicketEvent {
  return {
    type: 'ticket.escalated',
    at: iso(at),
    actor: systemActor,
    reason: 'deadline-missed',
    fromUnitId,
    toUnitId,
    fromLevel: 1,
    toLevel: 2,
    deadlines: deadlines(newDeadlines),
  };
}

/** The supervision office decided an extension; the deadlines are those after the decision. */
export function extensionDecided(at: string, approved: boolean, newDeadlines: DeadlineInput): NewTicketEvent {
  return {
    type: 'ticket.extension-decided',
    at: iso(at),
    actor: { kind: 'user', userId: 'supervisor.city', role: 'supervisor', unitId: 'supervision' },
    approved,
    deadlines: deadlines(newDeadlines),
  };
}

/** The unit replied that the problem is solved. */
export function resolved(at: string, unitId: string): NewTicketEvent {
  return {
    type: 'ticket.resolved',
    at: iso(at),
    actor: clerk(unitId),
    unitId,
    reply: 'The pipe was repaired and water is back.',
    callbackDeadline: new Date(shanghai(at).getTime() + 3 * 24 * 3600 * 1000).toISOString(),
  };
}

/** The citizen's callback: `null` for nobody answering. */
export function callback(at: string, answer: { resolved: boolean; satisfied: boolean } | null): NewTicketEvent {
  return answer === null
    ? { type: 'ticket.callback-recorded', at: iso(at), actor: systemActor, answered: false }
    : { type: 'ticket.callback-recorded', at: iso(at), actor: systemActor, answered: true, ...answer };
}

/** The ticket was sent back to a unit after an unsatisfied callback. */
export function reopened(at: string, unitId: string, newDeadlines: DeadlineInput): NewTicketEvent {
  return { type: 'ticket.reopened', at: iso(at), actor: systemActor, unitId, deadlines: deadlines(newDeadlines) };
}

/** The ticket was closed for good. */
export function closed(at: string, outcome: Outcome): NewTicketEvent {
  return { type: 'ticket.closed', at: iso(at), actor: systemActor, outcome };
}

/** Numbers the events of one ticket in order and checks each against the schema. */
export function history(ticketId: string, ...events: NewTicketEvent[]): TicketEvent[] {
  return events.map((event, index) => TicketEvent.parse({ ...event, ticketId, seq: index + 1 }));
}

// ---- panels --------------------------------------------------------------------------------

/** A pool member; the name is derived from the id. */
export function aMember(id: string, role: PanelRole, tiedUnitIds: string[] = []): PanelMember {
  return PanelMember.parse({ id, name: `Member ${id}`, role, tiedUnitIds });
}

/** The default rules (five seats, a lawyer and a citizen representative, two-thirds quorum); override any field. */
export function panelRules(overrides: Partial<z.input<typeof PanelRules>> = {}): PanelRules {
  return PanelRules.parse({ ...defaultPanelRules, ...overrides });
}

const seatRoles: PanelRole[] = ['lawyer', 'citizen-rep', 'npc-deputy', 'cppcc-member'];

/** Seats for these members in order: a lawyer and a citizen representative first, as required; the rest drawn. */
export function seatsFor(...memberIds: string[]): Seat[] {
  return memberIds.map((memberId, i) => ({
    memberId,
    name: `Member ${memberId}`,
    role: seatRoles[i % seatRoles.length] ?? 'citizen-rep',
    why: i < 2 ? 'required-role' : 'drawn',
  }));
}

/**
 * Round 1 of the panel on T-1, a Dongmen water case led by the Dongmen street: members m1 to m5, convened Monday
 * 2026-11-23 10:00 Shanghai time, reminder Wednesday 10:00, voting until Thursday 10:00, no votes yet; override any field.
 */
export function aPanel(overrides: Partial<z.input<typeof Panel>> = {}): Panel {
  return Panel.parse({
    id: 'T-1-P1',
    ticketId: 'T-1',
    round: 1,
    question: 'Who must restore the water supply of 东门路12号: the street or the water bureau?',
    involvedUnitIds: ['s-haibin-dongmen', 'dept-water'],
    leadUnitId: 's-haibin-dongmen',
    seats: seatsFor('m1', 'm2', 'm3', 'm4', 'm5'),
    skipped: [],
    status: 'voting',
    createdAt: iso('2026-11-23 10:00'),
    remindAt: iso('2026-11-25 10:00'),
    deadline: iso('2026-11-26 10:00'),
    votes: {},
    ...overrides,
  });
}

/** `memberId`'s vote cast Tuesday 2026-11-24 10:00 Shanghai time, with a rationale naming the member and the choice. */
export function aVote(
  memberId: string,
  choice: VoteChoice,
  options: { unitId?: string; rationale?: string; castAt?: string } = {},
): Vote {
  return Vote.parse({
    memberId,
    choice,
    ...(options.unitId ? { unitId: options.unitId } : {}),
    rationale: options.rationale ?? `${memberId} read the file and chose ${choice}${options.unitId ? ` for ${options.unitId}` : ''}.`,
    castAt: iso(options.castAt ?? '2026-11-24 10:00'),
  });
}

/** Votes keyed by member, as a panel holds them. */
export function ballot(...votes: Vote[]): Record<string, Vote> {
  return Object.fromEntries(votes.map((v) => [v.memberId, v]));
}

// ---- zeroing ------------------------------------------------------------------------------

/** An open ledger entry of the March 2025 campaign; override any field. */
export function anEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return LedgerEntry.parse({
    month: '2025-03',
    ticketId: 'T-1',
    unitId: 'street-a',
    reason: 'unresolved',
    status: 'open',
    enteredAt: iso('2025-04-01 00:00'),
    ...overrides,
  });
}
