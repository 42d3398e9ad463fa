// GET /v1/tickets as a use case: the person's scope, the query's words, the plan, one page.
import type { UserActor } from '../../schemas/actor.js';
import type { ListTicketsQuery } from '../../schemas/ticket-query.js';
import type { Ticket } from '../../schemas/ticket.js';
import type { Segmenter } from '../ports/segmenter.js';
import type { TicketFinder } from '../ports/ticket-finder.js';
import type { Page } from '../ports/ticket-repository.js';
import { planTicketQuery } from './query-plan.js';
import { queryTokens } from './search-tokens.js';
import { scopeTicketQuery } from './ticket-scope.js';

export interface ListingPorts {
  now: Date;
  finder: TicketFinder;
  /** Loaded only when a query has words to cut. */
  segmenter: () => Promise<Segmenter>;
}

/** The page of tickets a person asked for, narrowed to what they may see. */
export async function listTickets(query: ListTicketsQuery, actor: UserActor, ports: ListingPorts): Promise<Page<Ticket>> {
  const { limit, cursor, ...filter } = query;
  const scoped = scopeTicketQuery(filter, actor);
  const tokens = scoped.q === undefined ? [] : queryTokens(scoped.q, await ports.segmenter());
  return ports.finder.find(planTicketQuery(scoped, ports.now, tokens), { limit, cursor });
}
