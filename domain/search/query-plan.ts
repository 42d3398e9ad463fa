// A scoped listing query -> how to serve it: the most selective index partition as the Query's key, the rest as filters.
import type { TicketFilter } from '../../schemas/ticket-query.js';
import { ValidationError } from '../errors.js';
import { phoneKey } from './phone-key.js';
import { type QueueSpec, queues } from './queues.js';
import { type IndexCondition, type KeyCondition, type PostingCondition, partitionRank } from './ticket-indexes.js';

export interface TicketPlan {
  /** The partition the Query reads, in the order it lists. */
  key: KeyCondition;
  /** Partitions a ticket must also be in (a FilterExpression, or checked in code on loaded tickets). */
  filters: IndexCondition[];
  /** Search tokens every ticket's text must contain, checked in code. */
  tokens: string[];
  /** The query in one canonical string: a cursor is valid only for the query it was issued for. */
  fingerprint: string;
}

interface Candidate {
  condition: IndexCondition | PostingCondition;
  newestFirst: boolean;
}

/**
 * The plan for a query already narrowed to the person's scope. `tokens` are the query's search tokens, rarest first
 * (`queryTokens`); the rarest is the one looked up when the text is the most selective thing asked.
 */
export function planTicketQuery(query: TicketFilter, now: Date, tokens: readonly string[] = []): TicketPlan {
  if (query.q !== undefined && tokens.length === 0) {
    throw new ValidationError([{ path: 'q', message: 'has no word to search for', zh: '没有可查找的词语' }]);
  }
  const candidates = conditionsOf(query, now, tokens);
  // Smallest partition first; on a tie, the order conditionsOf lists them in (stable sort).
  const [first, ...rest] = [...candidates].sort((a, b) => partitionRank(a.condition) - partitionRank(b.condition));
  if (!first) throw new Error('a scoped query names at least one condition');
  const filters = rest.map((c) => c.condition).filter((c): c is IndexCondition => c.index !== 'search-tokens');
  return {
    key: { ...first.condition, newestFirst: first.newestFirst },
    // A queue and a parameter may name the same partition (queue=difficult&status=difficult): filter by it once, or not at all.
    filters: distinct([first.condition, ...filters]).slice(1) as IndexCondition[],
    tokens: [...tokens],
    fingerprint: fingerprintOf(query),
  };
}

function conditionsOf(query: TicketFilter, now: Date, tokens: readonly string[]): Candidate[] {
  const newest = (condition: IndexCondition): Candidate => ({ condition, newestFirst: true });
  const earliest = (condition: IndexCondition): Candidate => ({ condition, newestFirst: false });
  const queue: QueueSpec | undefined = query.queue === undefined ? undefined : queues[query.queue];
  const queued = queue?.condition(query.unitId);
  const all: (Candidate | undefined)[] = [
    query.phone !== undefined ? newest({ index: 'by-phone', equals: phoneKey(query.phone) }) : undefined,
    // Postings list newest first; the ticket indexes of a queue list by deadline.
    queued ? { condition: queued, newestFirst: queued.index === 'search-tokens' } : undefined,
    query.overdue ? earliest({ index: 'open-by-deadline', equals: 'open', before: now.toISOString() }) : undefined,
    query.status !== undefined ? newest({ index: 'by-status', equals: query.status }) : undefined,
    tokens[0] !== undefined ? { condition: { index: 'search-tokens', equals: tokens[0] }, newestFirst: true } : undefined,
    query.unitId !== undefined && !queue?.ofUnit ? newest({ index: 'by-unit', equals: query.unitId }) : undefined,
    query.category !== undefined ? newest({ index: 'by-category', equals: query.category }) : undefined,
    query.districtId !== undefined ? newest({ index: 'by-district', equals: query.districtId }) : undefined,
    query.level !== undefined ? newest({ index: 'by-level', equals: `L${query.level}` }) : undefined,
  ];
  return all.filter((c) => c !== undefined);
}

function distinct<C extends Candidate['condition']>(conditions: C[]): C[] {
  const seen = new Set<string>();
  return conditions.filter((c) => {
    const key = JSON.stringify([c.index, c.equals, c.before]);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** The query's parameters in a fixed order, so the same query always has the same fingerprint. */
export function fingerprintOf(query: TicketFilter): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined);
  return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
}
