// Monthly zeroing task: one page of last month's open entries carried onto this month's ledger (already there: kept).
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { CarryOverPayload } from '../../schemas/workflows/monthly-zeroing.js';
import { ledger } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

// A page the task writes well within a Lambda's time; the machine loops over pages (3 history events each).
const PAGE = 1000;

export const handler = middy(async (event: unknown) => {
  const { month, previous, cursor } = CarryOverPayload.parse(event);
  const page = await ledger.entries(previous, { status: 'open' }, { limit: PAGE, cursor: cursor ?? undefined });
  const enteredAt = now().toISOString();
  const carried = await ledger.enterAll(page.items.map(({ clearedAt: _c, note: _n, ...entry }) => ({ ...entry, month, status: 'open', enteredAt, carriedFrom: entry.carriedFrom ?? entry.month })));
  // A ticket cleared while its page was carried has its clearing on last month's entry: carry the clearing too.
  await ledger.settleCarried(previous, month, page.items.map((e) => e.ticketId));
  return { carried, cursor: page.cursor ?? null, more: page.cursor !== undefined };
}).use(withLogging());
