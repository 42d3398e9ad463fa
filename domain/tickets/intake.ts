// Intake end to end, before anything is written: open the ticket and route it at once, so the operator can tell the
// caller where it went while still on the phone. The lifecycle still starts from the stream and finds it dispatched.
import type { Actor } from '../../schemas/actor.js';
import type { CreateTicket } from '../../schemas/commands.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';
import type { FieldIssue } from '../../schemas/validation-error.js';
import { decide } from './decide.js';
import type { DecisionContext } from './decision-context.js';
import { evolve, stamp } from './evolve.js';
import { openTicket } from './open-ticket.js';

export interface Intake {
  ticket: Ticket;
  events: TicketEvent[];
  corrections: FieldIssue[];
}

const system: Actor = { kind: 'system' };

/** The new ticket `id`, opened and dispatched (or answered, or transferred), with the events to write together; `client`: its Open311 client. */
export function intake(body: CreateTicket, id: string, ctx: DecisionContext, client?: string): Intake {
  const opened = openTicket(body, ctx, client);
  const created = stamp(id, 0, opened.events);
  const received = created.reduce<Ticket | undefined>(evolve, undefined) as Ticket;
  // Routing is the system's decision, not the operator's: the same rule the lifecycle's Dispatch task applies.
  const routed = stamp(id, received.version, decide(received, { type: 'dispatch' }, { ...ctx, actor: system }));
  const events = [...created, ...routed];
  return { ticket: routed.reduce<Ticket>(evolve, received), events, corrections: opened.corrections };
}
