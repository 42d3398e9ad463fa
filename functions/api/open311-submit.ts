// POST /open311/v2/requests.{json,xml}: a 311 app submits a request with its API key. It goes through intake as a call
// does, and the answer names the ticket at once (Casework never needs a token) with what to tell the citizen.
import { intakeBody } from '../../domain/open311/request-intake.js';
import { IdempotencyKey } from '../../schemas/commands.js';
import { PostRequestArgs } from '../../schemas/open311.js';
import type { UserActor } from '../../schemas/actor.js';
import { createTicket } from '../shared/create-ticket.js';
import { parseHeader, preferredLanguage } from '../shared/http.js';
import { open311Handler, open311Reply, parseArguments, postArguments, requireClient } from '../shared/open311-http.js';
import { decisionContext, open311Clients } from '../shared/services.js';

export const handler = open311Handler(async (event) => {
  // The arguments' form first (nothing in it is secret), then the key, then what they refer to in the city.
  const args = parseArguments(postArguments(event), PostRequestArgs);
  const client = await requireClient(args.api_key, (hash) => open311Clients.byKeyHash(hash));
  const key = parseHeader(event, 'idempotency-key', IdempotencyKey);
  // The client acts as an intake channel: an operator's role, under its own name on the ticket's timeline.
  const actor: UserActor = { kind: 'user', userId: `open311.${client}`, role: 'operator' };
  const ctx = await decisionContext(actor);
  const { ticket, answer } = await createTicket(intakeBody(args, ctx.city), ctx, key, actor.userId, client);
  const language = preferredLanguage(event.headers?.['accept-language']);
  const reply = { service_request_id: ticket.id, service_notice: answer.tellCaller[language], ...(args.account_id ? { account_id: args.account_id } : {}) };
  return open311Reply(event, 200, 'service_requests', [reply]);
});
