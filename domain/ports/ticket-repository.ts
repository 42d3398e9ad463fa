// Port: where tickets and their histories are kept. Adapters implement it; the domain depends only on this.
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketEvent } from '../../schemas/ticket-events.js';

export interface PageRequest {
  limit?: number;
  /** Opaque, from the previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Present when more items follow. */
  cursor?: string;
}

/** A retried request carries the same key; the fingerprint tells a true retry from a reused key. */
export interface IdempotencyClaim {
  /** The caller's own key: two callers' equal keys are different claims. */
  key: string;
  /** Who claims it (the signed-in person's id). */
  owner: string;
  fingerprint: string;
}

/** What a claimed ticket action changed: the ticket from `fromVersion` to `toVersion`. */
export interface ClaimedChange {
  ticketId: string;
  fromVersion: number;
  toVersion: number;
}

export interface TicketRepository {
  /**
   * Writes a new ticket with its first events, and the search tokens its text is found by (most telling first; as many
   * as the write can hold are kept); a retried key returns the ticket it first created.
   */
  create(ticket: Ticket, events: TicketEvent[], idempotency?: IdempotencyClaim, searchTokens?: readonly string[]): Promise<{ ticket: Ticket; replayed: boolean }>;
  /** The ticket, or undefined. */
  get(id: string): Promise<Ticket | undefined>;
  /** The ticket's whole history in order. */
  history(id: string): Promise<TicketEvent[]>;
  /**
   * Writes the ticket's new state and events if nobody changed it since `expectedVersion`; else a 409. A claim is written
   * in the same transaction, so a retry of a request that was applied finds it (`claimedChange`).
   */
  save(ticket: Ticket, events: TicketEvent[], expectedVersion: number, idempotency?: IdempotencyClaim): Promise<void>;
  /** The change a live claim with this key made (the ticket and the versions it moved between); 422 if the key was used for another request. */
  claimedChange(idempotency: IdempotencyClaim): Promise<ClaimedChange | undefined>;
}
