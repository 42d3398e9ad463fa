// GET /v1/tickets?status=…&unitId=…&districtId=…&category=…&level=…&overdue=true&phone=…&q=…&queue=…&limit=…&cursor=…
// Any combination, within the person's scope; the planner (domain/search) picks the index, the finder reads the page.
import { now } from '../../adapters/clock.js';
import { listTickets } from '../../domain/search/list-tickets.js';
import { ListTicketsQuery } from '../../schemas/ticket-query.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseQuery } from '../shared/http.js';
import { segmenter, ticketFinder } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const query = parseQuery(event, ListTicketsQuery);
  const page = await listTickets(query, requestActor(event), { now: now(), finder: ticketFinder, segmenter });
  return json(200, { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) });
});
