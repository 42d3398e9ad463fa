// TicketEvents stream -> the month's books: the zeroing ledger (动态清零), where a ticket closed unresolved or
// unsatisfied, or one that missed a deadline, joins at once and the ledger follows its entries, clearings and panel
// findings; and the league table's aggregates, each event's facts added to its units' months. One consumer for both:
// a DynamoDB stream serves two readers well, and notify-units is the other.
import middy from '@middy/core';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { ConflictError } from '../../domain/errors.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { factEventTypes, factsNeedNoHistory, metricFacts } from '../../domain/metrics/metric-facts.js';
import { ledgerReasonOf } from '../../domain/zeroing/ledger-reason.js';
import { monthOf } from '../../domain/zeroing/months.js';
import { systemActor } from '../../schemas/actor.js';
import { TicketEvent } from '../../schemas/ticket-events.js';
import { decisionContext, ledger, tickets, unitMetrics } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';
import { forEachTicketInOrder } from '../shared/ticket-records.js';

export const handler = middy(async (stream: DynamoDBStreamEvent) => {
  await forEachTicketInOrder(stream.Records, 'ticketId', async (record) => {
    if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
    const event = TicketEvent.parse(unmarshall(record.dynamodb.NewImage as never));
    await Promise.all([followLedger(event), countFacts(event)]);
  });
}).use(withLogging());

/** The league table: what this event adds to its units' months, read against the ticket's history up to it. */
async function countFacts(event: TicketEvent): Promise<void> {
  if (!factEventTypes.has(event.type)) return;
  // Most events need the history before them; a first, direct dispatch (one per ticket) does not: skip the read.
  const history = factsNeedNoHistory(event) ? [event] : (await tickets.history(event.ticketId)).sort((a, b) => a.seq - b.seq);
  const facts = metricFacts(history, history.findIndex((e) => e.seq === event.seq));
  if (facts.length > 0) await unitMetrics.add(facts);
}

async function followLedger(event: TicketEvent): Promise<void> {
  const month = monthOf(new Date(event.at));
  switch (event.type) {
    case 'zeroing.assigned': {
      const ticket = await tickets.get(event.ticketId);
      await ledger.enter({ month: event.month, ticketId: event.ticketId, unitId: event.unitId, districtId: ticket?.location.districtId, reason: event.reason, status: 'open', enteredAt: event.at });
      return;
    }
    case 'zeroing.cleared':
      await ledger.clear(event.ticketId, event.how === 'confirmed' ? 'cleared' : 'explained', event.at, event.reason);
      return;
    case 'ticket.closed':
      if (event.outcome.panelFinding) await ledger.countPanelFinding(month, event.outcome.panelFinding, event.ticketId, event.at);
      break;
    default:
      break;
  }
  // Only a closing or an escalation can put a ticket on the ledger: no read for any other event.
  if (event.type !== 'ticket.closed' && event.type !== 'ticket.escalated') return;
  const ticket = await tickets.get(event.ticketId);
  const joins = ticket && ledgerReasonOf(event, ticket);
  if (!joins) return;
  try {
    await applyCommand(tickets, event.ticketId, { type: 'zeroing-assign', month, ...joins }, await decisionContext(systemActor));
  } catch (error) {
    // Already on the ledger (an overdue ticket later closed unsatisfied, or a replayed record).
    if (!(error instanceof ConflictError && error.rule === 'zeroing.already-open')) throw error;
  }
}
