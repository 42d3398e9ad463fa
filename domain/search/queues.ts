// The named queues people work from (GET /v1/tickets?queue=…): each is one index partition, so adding a queue is one entry.
import { ValidationError } from '../errors.js';
import type { IndexCondition } from './ticket-indexes.js';

export interface QueueSpec {
  /** Who works from it and what it holds, in the order it lists them (shown in /openapi.json). */
  holds: string;
  /** The index partition holding exactly the queue's tickets; `unitId` is the query's (or the person's own) unit. */
  condition(unitId: string | undefined): IndexCondition;
}

export const queues = namedQueues({
  inbox: {
    holds: "a unit's queue (the person's own, or unitId's): what it must accept or complete, earliest deadline first",
    condition: (unitId) => {
      if (!unitId) throw new ValidationError([{ path: 'unitId', message: 'queue=inbox needs the unit whose queue to list', zh: 'queue=inbox 需要指明查看哪个单位的待办' }]);
      return { index: 'inbox', equals: unitId };
    },
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

// Keeps the names as a type while every entry is a QueueSpec, so any queue can be called the same way.
function namedQueues<Name extends string>(specs: Record<Name, QueueSpec>): Record<Name, QueueSpec> {
  return specs;
}

export type QueueName = keyof typeof queues;

/** Every queue's name, for the query schema. */
export const queueNames = Object.keys(queues) as [QueueName, ...QueueName[]];
