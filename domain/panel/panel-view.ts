// What each person may read of a panel: its members and the supervision office see the case without the caller's
// details; the votes stay secret until the panel closes (a member sees its own).
import type { UserActor } from '../../schemas/actor.js';
import type { Panel } from '../../schemas/panel.js';
import type { Ticket } from '../../schemas/ticket.js';
import { ForbiddenError } from '../errors.js';

/** Who reads every panel: the supervision office and administrators. */
export const PANEL_OVERSEERS: ReadonlySet<string> = new Set(['supervisor', 'admin']);

/** The case as the panel reads it: what was asked and where, never who called or their number. */
export function caseSummary(ticket: Ticket) {
  const { id, kind, category, title, description, createdAt, status } = ticket;
  return { ticketId: id, kind, category, title, description, address: ticket.location.address, districtId: ticket.location.districtId, createdAt, status };
}

/** True when the person sits on the panel or oversees panels. */
export function mayRead(panel: Pick<Panel, 'seats'>, actor: UserActor): boolean {
  return PANEL_OVERSEERS.has(actor.role) || (actor.role === 'panelist' && panel.seats.some((s) => s.memberId === actor.memberId));
}

/** The panel as this person may see it; anyone else is refused. */
export function panelView(panel: Panel, ticket: Ticket | undefined, actor: UserActor) {
  if (!mayRead(panel, actor)) {
    throw new ForbiddenError('panel.not-a-member', { zh: `您不是会商 ${panel.id} 的成员`, en: `you do not sit on panel ${panel.id}` });
  }
  const { votes, skipped, result, ...open } = panel;
  const cast = Object.values(votes);
  const mine = actor.memberId ? votes[actor.memberId] : undefined;
  return {
    ...open,
    case: ticket ? caseSummary(ticket) : undefined,
    // Who sat out and why is the supervision office's record, not the members' business.
    ...(PANEL_OVERSEERS.has(actor.role) ? { skipped } : {}),
    votesCast: cast.length,
    ...(mine ? { myVote: mine } : {}),
    ...(panel.status === 'closed' ? { votes: cast.sort((a, b) => a.castAt.localeCompare(b.castAt)), result } : {}),
  };
}
