// The named queues people work from (GET /v1/tickets?queue=…): each is one index partition, so adding a queue is one entry.
import { ValidationError } from '../errors.js';
import type { IndexCondition, PostingCondition } from './ticket-indexes.js';
import { awaitingReportInMarker, calledInMarker } from './whistle-postings.js';

export interface QueueSpec {
  /** Who works from it and what it holds, in the order it lists them (shown in /openapi.json). */
  holds: string;
  /** The partition holding exactly the queue's tickets; `unitId` is the query's (or the person's own) unit. */
  condition(unitId: string | undefined): IndexCondition | PostingCondition;
  /** The queue is of `unitId` (its inbox, its calls), not of the tickets that unit holds: no by-unit filter follows. */
  ofUnit?: true;
}

export const queues = namedQueues({
  inbox: {
    holds: "a unit's queue (the person's own, or unitId's): what it must accept or complete, earliest deadline first",
    condition: (unitId) => {
      if (!unitId) throw new ValidationError([{ path: 'unitId', message: 'queue=inbox needs the unit whose queue to list', zh: 'queue=inbox 需要指明查看哪个单位的待办' }]);
      return { index: 'inbox', equals: unitId };
    },
    ofUnit: true,
  },
  'awaiting-report-in': {
    holds:
      "whistled tickets with a unit still to report in (报到), newest first: the supervision office's and a district's view, or with unitId (a clerk's own) those that unit must report in to",
    condition: (unitId) => ({ index: 'search-tokens', equals: awaitingReportInMarker(unitId) }),
    ofUnit: true,
  },
  'called-in': {
    holds: "open tickets a unit was called into by a street's whistle (the person's own unit, or unitId's), newest first: where it reports in and adds its reply",
    condition: (unitId) => {
      if (!unitId) throw new ValidationError([{ path: 'unitId', message: 'queue=called-in needs the unit whose calls to list', zh: 'queue=called-in 需要指明查看哪个单位被召集的工单' }]);
      return { index: 'search-tokens', equals: calledInMarker(unitId) };
    },
    ofUnit: true,
  },
  open: {
    holds: 'tickets in hand (dispatched or accepted) city-wide, earliest completion deadline first (operators, supervision office)',
    condition: () => ({ index: 'open-by-deadline', equals: 'open' }),
  },
  'pending-extensions': {
    holds: 'tickets whose unit asked for more time, oldest request first (supervision office approves or refuses)',
    condition: () => ({ index: 'pending-extensions', equals: 'pending' }),
  },
  difficult: {
    holds: "tickets marked difficult, waiting for the supervision office's decision, oldest first",
    condition: () => ({ index: 'by-status', equals: 'difficult' }),
  },
  'returns-to-review': {
    holds: "returns waiting for the hotline's dispatch desk (退单审核), oldest first (operators, supervision office)",
    condition: () => ({ index: 'by-status', equals: 'return-review' }),
  },
  'awaiting-callback': {
    holds: 'resolved tickets whose citizen an operator calls back, oldest first',
    condition: () => ({ index: 'by-status', equals: 'resolved' }),
  },
  'escalated-to-district': {
    holds: 'tickets in hand at the district backstop (level 2), earliest deadline first',
    condition: () => ({ index: 'escalated', equals: 'L2' }),
  },
  'escalated-to-city': {
    holds: 'tickets in hand at the city supervision office (level 3), earliest deadline first',
    condition: () => ({ index: 'escalated', equals: 'L3' }),
  },
});

// Keeps each entry's own type (which partition kind it names) while checking every entry is a QueueSpec.
function namedQueues<Specs extends Record<string, QueueSpec>>(specs: Specs): Specs {
  return specs;
}

export type QueueName = keyof typeof queues;

/** Every queue's name, for the query schema. */
export const queueNames = Object.keys(queues) as [QueueName, ...QueueName[]];
