// The OpenAPI document, generated from the zod schemas and the manifest's routes: never written by hand.
import { z } from 'zod';
import type { RouteSpec } from '../infra/manifest-types.js';
import { Category } from './catalogue.js';
import { Callback, CreateTicket, TicketAction } from './commands.js';
import { IntakeAnswer } from './intake.js';
import { TicketEvent } from './ticket-events.js';
import { Ticket } from './ticket.js';
import { Subscriptions, SubscriptionsView, Unit } from './unit.js';

const ErrorBody = z.object({ error: z.string(), rule: z.string(), message: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() });
const TicketWithTimeline = Ticket.extend({ timeline: z.array(TicketEvent), notifications: z.array(z.record(z.string(), z.unknown())) });

// What each route takes and gives, by function name.
const contracts: Record<string, { summary: string; request?: z.ZodType; response: z.ZodType }> = {
  'list-units': { summary: 'Every unit of the city', response: z.object({ units: z.array(Unit) }) },
  'list-catalogue': { summary: 'The service catalogue', response: z.object({ categories: z.array(Category) }) },
  'create-ticket': {
    summary: 'Intake: create and route a ticket; the answer says where it went and what to tell the caller (Idempotency-Key header makes a retry return the first ticket)',
    request: CreateTicket,
    response: Ticket.extend({ intake: IntakeAnswer }),
  },
  'get-ticket': { summary: 'A ticket with its deadlines, level, unit, timeline and notification attempts', response: TicketWithTimeline },
  'list-tickets': { summary: 'A unit inbox (unitId), the overdue board (overdue=true) or an escalation level (level=2|3)', response: z.object({ items: z.array(Ticket), cursor: z.string().optional() }) },
  'ticket-action': { summary: 'Act on a ticket (actions) or record the citizen callback (callback)', request: z.union([TicketAction, Callback]), response: Ticket },
  'list-undelivered': { summary: 'Notifications given up on after about 24 hours (supervision office)', response: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
  'unit-subscriptions': {
    summary: "A unit's notification subscriptions (administrators); a webhook secret is write-only and answered as secretSet",
    request: Subscriptions,
    response: SubscriptionsView,
  },
};

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** OpenAPI 3.1 for the routes. */
export function openApiDocument(routes: readonly RouteSpec[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const contract = contracts[route.function];
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      summary: contract?.summary ?? route.function,
      operationId: `${route.function}-${route.method.toLowerCase()}`,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(contract?.request && route.method !== 'GET' ? { requestBody: { required: true, content: { 'application/json': { schema: schema(contract.request) } } } } : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: contract ? schema(contract.response) : {} } } },
        '400': { description: 'A field is malformed or refers to nothing; the message names it', content: { 'application/json': { schema: schema(ErrorBody) } } },
        '401': { description: 'No valid token' },
        '403': { description: 'Not yours to do', content: { 'application/json': { schema: schema(ErrorBody) } } },
        '404': { description: 'No such thing', content: { 'application/json': { schema: schema(ErrorBody) } } },
        '409': { description: "Not allowed in the ticket's state, or someone else changed it first", content: { 'application/json': { schema: schema(ErrorBody) } } },
        '422': { description: 'A business rule forbids it', content: { 'application/json': { schema: schema(ErrorBody) } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Casework — 12345 hotline workflow API', version: '1' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
