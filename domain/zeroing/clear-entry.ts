// Takes a ticket off the zeroing ledger, with the evidence the supervision office accepts.
import type { Ticket } from '../../schemas/ticket.js';
import type { LedgerEntry } from '../../schemas/zeroing.js';
import { ZeroingRuleError } from './zeroing-errors.js';

/** confirmed: the citizen confirmed the re-handled ticket; explained: the supervision office accepts it cannot be resolved. */
export type ClearingEvidence = { kind: 'confirmed'; ticket: Ticket } | { kind: 'explained'; note: string };

const minNoteLength = 10;

/** Returns the entry cleared or explained at `now`, or throws a ZeroingRuleError when the evidence does not suffice. */
export function clearEntry(entry: LedgerEntry, evidence: ClearingEvidence, now: Date): LedgerEntry {
  if (entry.status !== 'open') {
    throw new ZeroingRuleError(
      'zeroing.entry-not-open',
      409,
      { zh: `工单 ${entry.ticketId} 在 ${entry.month} 台账上已是“${entry.status}”`, en: `ticket ${entry.ticketId} is already ${entry.status} on the ${entry.month} ledger` },
    );
  }

  if (evidence.kind === 'explained') {
    const note = evidence.note.trim();
    if (note.length < minNoteLength) {
      throw new ZeroingRuleError(
        'zeroing.note-too-short',
        422,
        { zh: `说明至少需要 ${minNoteLength} 个字，现有 ${note.length} 个`, en: `an explanation needs at least ${minNoteLength} characters, got ${note.length}` },
      );
    }
    return { ...entry, status: 'explained', clearedAt: now.toISOString(), note };
  }

  const { ticket } = evidence;
  if (ticket.id !== entry.ticketId) {
    throw new ZeroingRuleError(
      'zeroing.wrong-ticket',
      422,
      { zh: `该台账条目属于工单 ${entry.ticketId}，不是 ${ticket.id}`, en: `the entry is for ticket ${entry.ticketId}, not ${ticket.id}` },
    );
  }
  // Only the citizen's word clears an entry: the unit saying it is done (status resolved) is not enough.
  const outcome = ticket.outcome;
  if (ticket.status !== 'closed' || outcome?.resolution !== 'resolved' || outcome.satisfaction !== 'satisfied') {
    const state = outcome
      ? `${ticket.status}, ${outcome.resolution}, ${outcome.satisfaction ?? 'no callback'}`
      : ticket.status;
    throw new ZeroingRuleError(
      'zeroing.not-yet-resolved',
      409,
      { zh: `工单 ${ticket.id} 尚未以“已解决且满意”结案（${state}）`, en: `ticket ${ticket.id} is not yet closed as resolved and satisfied (${state})` },
    );
  }
  return { ...entry, status: 'cleared', clearedAt: now.toISOString() };
}
