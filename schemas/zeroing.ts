// Dynamic zeroing (动态清零): the monthly campaign and its ledger (台账) of tickets to clear.
import { z } from 'zod';
import { Id, IsoDateTime, Month } from './common.js';

export const ZeroingCampaign = z.object({
  month: Month,
  status: z.enum(['open', 'closed']),
  openedAt: IsoDateTime,
  closedAt: IsoDateTime.optional(),
  /** Tickets a joint-review panel closed this month as beyond current policy or unreasonable (counted, never entered). */
  panelFindings: z.object({ 'beyond-policy': z.array(Id), unreasonable: z.array(Id) }).default({ 'beyond-policy': [], unreasonable: [] }),
  /** The month's figures, kept when it closed. */
  report: z.record(z.string(), z.unknown()).optional(),
});
export type ZeroingCampaign = z.infer<typeof ZeroingCampaign>;

/** Why a ticket is on the ledger. */
export const LedgerReason = z.enum(['unresolved', 'unsatisfied', 'overdue']);
export type LedgerReason = z.infer<typeof LedgerReason>;

/** open: still to clear; cleared: re-handled and confirmed by the citizen; explained: the supervision office accepted that it cannot be resolved. */
export const LedgerStatus = z.enum(['open', 'cleared', 'explained']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

export const LedgerEntry = z.object({
  month: Month,
  ticketId: Id,
  unitId: Id,
  /** The district of the ticket's address, for the report per district. */
  districtId: Id.optional(),
  reason: LedgerReason,
  status: LedgerStatus,
  enteredAt: IsoDateTime,
  /** The month whose campaign first listed the ticket, when it was carried over. */
  carriedFrom: Month.optional(),
  clearedAt: IsoDateTime.optional(),
  note: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
