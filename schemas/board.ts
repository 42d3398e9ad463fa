// GET /v1/board: the supervision office's wall screen, every figure read from small stream-kept aggregates or a count.
import { z } from 'zod';
import { Id, IsoDateTime, LocalizedName } from './common.js';

const Count = z.number().int().min(0);

export const BoardStrip = z.object({
  open: Count.describe('tickets not yet closed'),
  overdue: Count.describe('of those, in hand (dispatched or accepted) past their completion deadline now'),
  dueSoon: Count.describe('in hand with the completion deadline within the next 24 hours'),
  onTime: Count.describe('open minus overdue minus due soon: every other open ticket, including those waiting on the office or the callback'),
});
export type BoardStrip = z.infer<typeof BoardStrip>;

export const BoardLevel = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), open: Count });

export const BoardDistrict = z.object({
  districtId: Id,
  name: LocalizedName,
  open: Count,
  levels: z.object({ '1': Count, '2': Count, '3': Count }),
});
export type BoardDistrict = z.infer<typeof BoardDistrict>;

export const BoardDay = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a Beijing day'),
  created: Count,
  overdue: Count.describe('escalations for a missed deadline that day'),
  closed: Count,
});
export type BoardDay = z.infer<typeof BoardDay>;

export const BoardPending = z.object({
  extensions: Count.describe('extension requests nobody decided yet'),
  difficult: Count.describe('cases marked difficult, waiting for the supervision office'),
  returns: Count.describe('returns waiting for the dispatch desk'),
  undelivered: Count.describe('notifications given up on'),
});

export const Board = z.object({
  asOf: IsoDateTime,
  strip: BoardStrip,
  byLevel: z.array(BoardLevel),
  byDistrict: z.array(BoardDistrict),
  days: z.array(BoardDay).describe('the last 14 Beijing days, oldest first, today last'),
  pending: BoardPending,
});
export type Board = z.infer<typeof Board>;
