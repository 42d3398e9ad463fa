// What a person may do to a ticket now, for the ticket page to offer: each action dry-run through decide(), so the
// offer and the rules cannot disagree.
import { LifecycleAction, type TicketCommand } from '../../schemas/commands.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { CityDirectory } from '../city-directory.js';
import { ConflictError, ForbiddenError, RuleViolationError } from '../errors.js';
import { decide } from './decide.js';
import type { DecisionContext } from './decision-context.js';

const why = 'sample for the ticket page';

/**
 * Representative valid bodies of each action for this ticket. Where one body cannot stand for all (decide-difficult
 * redispatches a difficult ticket but refers an awaiting-designation one to a panel; designate refuses the unit already
 * designated), there are several, and the action is open when any of them is.
 */
export function sampleCommands(ticket: Ticket, city: CityDirectory): Record<LifecycleAction, TicketCommand[]> {
  const district = ticket.location.districtId;
  const department = city.allUnits().find((u) => u.type === 'department')?.id ?? district;
  return {
    accept: [{ type: 'accept' }],
    resolve: [{ type: 'resolve', reply: why }],
    return: [{ type: 'return', reason: why }],
    'request-extension': [{ type: 'request-extension', days: 1, reason: why }],
    'decide-extension': [{ type: 'decide-extension', approve: false }],
    whistle: [{ type: 'whistle', departmentIds: [department], reason: why }],
    'report-in': [{ type: 'report-in', note: why }],
    'add-reply': [{ type: 'add-reply', reply: why }],
    'certify-zeroing': [{ type: 'certify-zeroing', reason: why }],
    'mark-difficult': [{ type: 'mark-difficult', reason: why }],
    'decide-difficult': [
      { type: 'decide-difficult', decision: 'redispatch', unitId: district },
      { type: 'decide-difficult', decision: 'refer-to-panel', reason: why, involvedUnitIds: [] },
    ],
    designate: [
      { type: 'designate', unitId: district },
      { type: 'designate', unitId: department },
    ],
    'review-return': [{ type: 'review-return', decision: 'reject', reason: why }],
    callback: [{ type: 'callback', resolved: true, satisfied: true }],
  };
}

/** The lifecycle actions (and `callback`) the context's actor may take on the ticket now, in the API's order. */
export function availableActions(ticket: Ticket, ctx: DecisionContext): LifecycleAction[] {
  const samples = sampleCommands(ticket, ctx.city);
  return LifecycleAction.options.filter((action) => samples[action].some((command) => allows(ticket, command, ctx)));
}

/**
 * False when decide() refuses the command for the ticket's state, the actor's role or unit (409, 403), or for a rule
 * about the ticket (422: escalated, designated, out of extensions); true when it passes, or only a field of the sample
 * body broke a rule (its message opens with the field's name, `days: …`), which the person's own body may not.
 */
export function allows(ticket: Ticket, command: TicketCommand, ctx: DecisionContext): boolean {
  try {
    decide(ticket, command, ctx);
    return true;
  } catch (error) {
    if (error instanceof ConflictError || error instanceof ForbiddenError) return false;
    if (error instanceof RuleViolationError) {
      const field = /^(\w+)(\[\d+\])?:/.exec(error.text.en)?.[1];
      return field !== undefined && field in command;
    }
    throw error;
  }
}
