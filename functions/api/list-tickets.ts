// GET /v1/tickets?unitId=…|overdue=true|level=2|3 [&status=…&limit=…&cursor=…]: the queues people work from.
import { z } from 'zod';
import { now } from '../../adapters/clock.js';
import { ForbiddenError, ValidationError } from '../../domain/errors.js';
import { TicketStatus } from '../../schemas/ticket.js';
import { fieldIssues } from '../../schemas/validation-error.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json } from '../shared/http.js';
import { tickets } from '../shared/services.js';

const Query = z
  .object({
    unitId: z.string().optional(),
    overdue: z.enum(['true']).optional(),
    level: z.enum(['2', '3']).optional(),
    status: TicketStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z.string().optional(),
  })
  .refine((q) => [q.unitId, q.overdue, q.level].filter(Boolean).length === 1, { message: 'name exactly one of unitId, overdue=true or level', path: ['unitId'] });

const cityWide = new Set(['operator', 'supervisor', 'admin']);

export const handler = httpHandler(async (event) => {
  const parsed = Query.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) throw new ValidationError(fieldIssues(parsed.error));
  const q = parsed.data;
  const actor = requestActor(event);
  if (!cityWide.has(actor.role) && (q.unitId === undefined || q.unitId !== actor.unitId)) {
    throw new ForbiddenError('tickets.own-queue-only', { zh: `只能查看本单位（${actor.unitId ?? '无'}）的工单`, en: `a ${actor.role} lists only the queue of ${actor.unitId ?? 'their unit'}` });
  }
  const page = { limit: q.limit, cursor: q.cursor };
  const result = q.unitId ? await tickets.inbox(q.unitId, page) : q.overdue ? await tickets.overdue(now(), page) : await tickets.escalated(Number(q.level) as 2 | 3, page);
  // The status filter narrows a page; the cursor still walks the whole queue.
  const items = q.status ? result.items.filter((t) => t.status === q.status) : result.items;
  return json(200, { items, ...(result.cursor ? { cursor: result.cursor } : {}) });
});
