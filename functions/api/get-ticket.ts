// GET /v1/tickets/{id}: the ticket with its deadlines, level, current unit and whole timeline.
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json } from '../shared/http.js';
import { deliveries, tickets } from '../shared/services.js';

const everyTicket = new Set(['operator', 'supervisor', 'admin']);

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  const id = event.pathParameters?.id ?? '';
  const [ticket, timeline, notifications] = await Promise.all([tickets.get(id), tickets.history(id), deliveries.forTicket(id)]);
  if (!ticket) throw new NotFoundError('ticket', id);
  // A unit sees the tickets it holds or once held; the citizen's details are not for every clerk in the city.
  // Units a whistle called in see the ticket they must report in to.
  const calledIn = ticket.whistle?.participants.some((p) => p.unitId === actor.unitId) ?? false;
  const unit = actor.unitId;
  const involved = unit !== undefined && (calledIn || ticket.unitId === unit || timeline.some((e) => 'unitId' in e && e.unitId === unit));
  if (!everyTicket.has(actor.role) && !involved) {
    throw new ForbiddenError('ticket.not-your-unit', { zh: `工单 ${id} 从未由 ${actor.unitId ?? '您的单位'} 承办`, en: `ticket ${id} was never with ${actor.unitId ?? 'your unit'}` });
  }
  return json(200, { ...ticket, timeline, notifications });
});
