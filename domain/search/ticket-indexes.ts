// The indexes a ticket listing can read, and how selective each is: the planner's cost model.
import { isMarker } from './whistle-postings.js';

/** The indexes of the Tickets table (docs/data-model.md lists their keys and what each holds). */
export type TicketIndex =
  | 'inbox'
  | 'open-by-deadline'
  | 'escalated'
  | 'pending-extensions'
  | 'by-phone'
  | 'by-unit'
  | 'by-category'
  | 'by-district'
  | 'by-status'
  | 'by-level'
  | 'by-client';

/** The inverted index of ticket text: one partition per search token. */
export type SearchIndex = 'search-tokens';

/** A ticket is in one partition of an index and, with `before`, its sort key is below that value. */
export interface IndexCondition {
  index: TicketIndex;
  equals: string;
  before?: string;
}

/** A search token's postings, or a marker partition of the same table (a whistle's queues, see whistle-postings.ts). */
export interface PostingCondition {
  index: SearchIndex;
  equals: string;
  before?: undefined;
}

/** What the Query reads: an index partition, or a search token's postings. */
export type KeyCondition = (IndexCondition | PostingCondition) & {
  /** Newest first (history indexes) rather than earliest deadline first (work queues). */
  newestFirst: boolean;
};

// Ticket statuses that only a few tickets are in at any time.
const RARE_STATES = new Set(['received', 'difficult', 'awaiting-designation', 'return-review']);

/**
 * How many tickets the partition a condition names may hold, as a rank (lower is smaller). A Query reads at most its
 * partition, so the smallest one bounds the work; filters then cost nothing they would not cost anyway. Partitions of
 * work in flight (queues, open states, overdue) are bounded by days of intake and come before partitions that grow
 * with history (a unit, a category, a district, closed tickets), except one caller's history, which is a handful.
 */
export function partitionRank(c: Pick<KeyCondition, 'index' | 'equals' | 'before'>): number {
  switch (c.index) {
    case 'by-phone':
      return 1; // one caller's tickets: a handful, even for a frequent caller
    case 'pending-extensions':
    case 'escalated':
    case 'inbox':
      return 2; // one rare state, or one unit's open queue: tens to hundreds
    case 'by-status':
      if (RARE_STATES.has(c.equals)) return 2;
      return c.equals === 'closed' ? 10 : 4; // an open state holds days of intake; closed holds all history
    case 'open-by-deadline':
      return c.before ? 3 : 4; // overdue is the part of the open tickets past their deadline
    case 'search-tokens':
      // A marker holds one unit's calls or the tickets still waiting for a report-in: a handful, and checkable only
      // by reading it (no attribute of the ticket says who was called in), so it is always the key.
      if (isMarker(c.equals)) return 0;
      return 5; // the rarest word's postings: across history, but a rare word is in few tickets
    case 'by-unit':
      return 6; // one of ~200 units, across history
    case 'by-category':
      return 7; // one of ~100 catalogue entries, skewed towards a few
    case 'by-district':
      return 8; // one of ~10 districts
    case 'by-level':
      return c.equals === 'L1' ? 11 : 9; // escalated tickets are a few percent of history; level 1 is nearly all
    case 'by-client':
      return 6; // one Open311 client's submissions, across history: like one unit's
  }
}
