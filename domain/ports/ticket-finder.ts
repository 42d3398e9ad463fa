// Port: listing tickets by a plan (an index partition, filters, search tokens). Adapters implement it.
import type { Ticket } from '../../schemas/ticket.js';
import type { TicketPlan } from '../search/query-plan.js';
import type { Page, PageRequest } from './ticket-repository.js';

export interface TicketFinder {
  /** One page of the tickets the plan names, in the order of its key; a cursor is valid only for the same query. */
  find(plan: TicketPlan, page?: PageRequest): Promise<Page<Ticket>>;
}
