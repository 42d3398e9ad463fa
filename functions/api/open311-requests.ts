// GET /open311/v2/requests.{json,xml}, requests/{id}.{json,xml}, tokens/{token}.{json,xml}: a client reads back the
// requests it submitted. A 12345 ticket names people and homes, so unlike the spec's default these need the key too.
import { now } from '../../adapters/clock.js';
import { NotFoundError } from '../../domain/errors.js';
import { MAX_REQUESTS, requestMatches, requestWindow } from '../../domain/open311/request-window.js';
import { toServiceRequest } from '../../domain/open311/service-request.js';
import { systemActor } from '../../schemas/actor.js';
import { ListRequestsQuery, Open311Query } from '../../schemas/open311.js';
import type { Ticket } from '../../schemas/ticket.js';
import { Id } from '../../schemas/common.js';
import { pathParameter, preferredLanguage } from '../shared/http.js';
import { open311Handler, open311Reply, parseArguments, requireClient, withoutExtension } from '../shared/open311-http.js';
import { decisionContext, open311Clients, ticketFinder, tickets } from '../shared/services.js';

export const handler = open311Handler(async (event) => {
  const named = event.pathParameters?.token === undefined ? 'id' : 'token';
  const single = event.pathParameters?.[named] === undefined ? undefined : pathParameter(event, named, Id);
  const query = parseArguments(event.queryStringParameters ?? {}, single === undefined ? ListRequestsQuery : Open311Query);
  const client = await requireClient(query.api_key, (hash) => open311Clients.byKeyHash(hash));
  const { city } = await decisionContext(systemActor);
  const language = preferredLanguage(event.headers?.['accept-language']);
  if (single !== undefined) {
    const id = withoutExtension(single);
    const [ticket] = await clientTickets([id], client);
    if (!ticket) throw new NotFoundError('service-request', id);
    if (event.pathParameters?.token !== undefined) return open311Reply(event, 200, 'service_requests', [{ service_request_id: ticket.id, token: id }]);
    return open311Reply(event, 200, 'service_requests', [toServiceRequest(ticket, city, language)]);
  }
  const listing = query as ListRequestsQuery;
  // The spec: ids given, every other argument is ignored.
  const listed = listing.service_request_id ? await clientTickets(listing.service_request_id, client) : await inWindow(listing, client);
  return open311Reply(event, 200, 'service_requests', listed.map((ticket) => toServiceRequest(ticket, city, language)));
});

/** The tickets with these ids that this client submitted; any other id reads as not there. */
async function clientTickets(ids: readonly string[], client: string): Promise<Ticket[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => tickets.get(id)));
  return found.filter((ticket): ticket is Ticket => ticket?.client === client);
}

/** The client's requests in the window asked for, newest first, by status and service code, up to MAX_REQUESTS. */
async function inWindow(query: ListRequestsQuery, client: string): Promise<Ticket[]> {
  const { from, to } = requestWindow(query, now());
  const plan = { key: { index: 'by-client' as const, equals: client, before: `${to}#\uffff`, newestFirst: true }, filters: [], tokens: [], fingerprint: `open311:${client}:${to}` };
  const listed: Ticket[] = [];
  let cursor: string | undefined;
  do {
    const page = await ticketFinder.find(plan, { limit: 200, cursor });
    for (const ticket of page.items) {
      if (ticket.createdAt < from) return listed;
      if (requestMatches(ticket, query)) listed.push(ticket);
      if (listed.length === MAX_REQUESTS) return listed;
    }
    cursor = page.cursor;
  } while (cursor);
  return listed;
}
