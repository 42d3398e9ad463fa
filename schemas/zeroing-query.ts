// GET /v1/zeroing/campaigns/{month}/entries: a month's ledger by unit, district and state, a page at a time.
import { z } from 'zod';
import { Cursor, Id } from './common.js';
import { LedgerStatus } from './zeroing.js';

export const ListEntriesQuery = z.strictObject({
  unitId: Id.optional(),
  districtId: Id.optional(),
  status: LedgerStatus.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: Cursor.optional(),
});
export type ListEntriesQuery = z.infer<typeof ListEntriesQuery>;
