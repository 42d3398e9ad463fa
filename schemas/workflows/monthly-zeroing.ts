// The monthly zeroing machine's contract (workflows/monthly-zeroing.asl.json), started by the schedule at 00:00 on
// the 1st (Asia/Shanghai): close last month's campaign with its report, open this month's, carry the open entries over.
import { z } from 'zod';
import { IsoDateTime, Month } from '../common.js';

/** What the schedule starts it with: the instant it fired. */
export const MonthlyZeroingInput = z.object({ time: IsoDateTime });

export const OpenMonthPayload = MonthlyZeroingInput;
/** The month opened (the one containing `time` in Beijing) and the one before it, to close and carry over. */
export const OpenedMonth = z.object({ month: Month, previous: Month, opened: z.boolean() });

export const CloseMonthPayload = z.object({ month: Month });
/** False when the month was closed already (a retried trigger); `open` entries carry over. */
export const ClosedMonth = z.object({ closed: z.boolean(), open: z.number().int().min(0) });

export const CarryOverPayload = z.object({ month: Month, previous: Month, cursor: z.string().nullable() });
/** One page carried: how many entries were new this month, and where the next page starts (null: done). */
export const CarriedPage = z.object({ carried: z.number().int().min(0), cursor: z.string().nullable(), more: z.boolean() });

export const MonthlyZeroingOutput = z.object({ month: Month });
