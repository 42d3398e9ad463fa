// Monthly zeroing task: open the month's campaign (once; a retried trigger finds it open).
import middy from '@middy/core';
import { monthOf, previousMonth } from '../../domain/zeroing/months.js';
import { OpenMonthPayload } from '../../schemas/workflows/monthly-zeroing.js';
import { ledger } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { time } = OpenMonthPayload.parse(event);
  const month = monthOf(new Date(time));
  const opened = await ledger.openCampaign({ month, status: 'open', openedAt: time, panelFindings: { 'beyond-policy': [], unreasonable: [] } });
  return { month, previous: previousMonth(month), opened };
}).use(withLogging());
