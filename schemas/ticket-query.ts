// `GET /v1/tickets` query parameters: any combination of filters, a named queue, free text, and a page.
import { z } from 'zod';
import { queueNames, queues } from '../domain/search/queues.js';
import { Cursor, Id, typedText } from './common.js';
import { Citizen, TicketStatus } from './ticket.js';

export const TicketFilter = z.object({
  status: TicketStatus.optional().describe("the ticket's status now"),
  unitId: Id.optional().describe('the unit holding the ticket now (a clerk: only its own)'),
  districtId: Id.optional().describe('the district of the ticket’s location (a coordinator: only its own)'),
  category: typedText().min(1).max(64).optional().describe('a catalogue code, e.g. NBR-001'),
  level: z.enum(['1', '2', '3']).transform((l) => Number(l) as 1 | 2 | 3).optional().describe('escalation level: 1 unit, 2 district, 3 city'),
  overdue: z.literal('true').transform(() => true as const).optional().describe('in hand and past the completion deadline'),
  phone: Citizen.shape.phone.optional().describe("the caller's number, any spacing or +86 (operators, supervisors, administrators only)"),
  q: typedText().min(1, 'must not be empty').max(100).optional().describe('words of the title or description; every word must occur'),
  queue: z
    .enum(queueNames)
    .optional()
    .describe(`a named queue: ${queueNames.map((name) => `${name}, ${queues[name].holds}`).join('; ')}`),
});
export type TicketFilter = z.output<typeof TicketFilter>;

export const ListTicketsQuery = TicketFilter.extend({
  limit: z.coerce.number().int().min(1).max(200).optional().describe('page size, 50 unless given'),
  cursor: Cursor.optional().describe('from the previous page of the same query'),
}).strict();
export type ListTicketsQuery = z.output<typeof ListTicketsQuery>;
