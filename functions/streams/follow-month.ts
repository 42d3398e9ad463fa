// TicketEvents stream -> the zeroing ledger (动态清零): a ticket closed unresolved or unsatisfied, or one that missed a
// deadline, joins the month's ledger at once; the ledger follows its entries and clearings; panel findings are counted.
import middy from '@middy/core';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ConflictError } from '../../domain/errors.js';
import { applyCommand } from '../../domain/tickets/apply-command.js';
import { ledgerReasonOf } from '../../domain/zeroing/ledger-reason.js';
import { monthOf } from '../../domain/zeroing/months.js';
import { systemActor } from '../../schemas/actor.js';
import { TicketEvent } from '../../schemas/ticket-events.js';
import { decisionContext, ledger, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (stream: DynamoDBStreamEvent) => {
  // One ticket's records in order; different tickets side by side.
  const byTicket = new Map<string, DynamoDBRecord[]>();
  for (const record of stream.Records) {
    const id = String(record.dynamodb?.Keys?.ticketId?.S ?? '');
    byTicket.set(id, [...(byTicket.get(id) ?? []), record]);
  }
  await Promise.all([...byTicket.values()].map(async (records) => {
    for (const record of records) await follow(record);
  }));
}).use(withLogging());

async function follow(record: DynamoDBRecord): Promise<void> {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
  const event = TicketEvent.parse(unmarshall(record.dynamodb.NewImage as never));
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
      if (event.outcome.panelFinding) await ledger.countPanelFinding(month, event.outcome.panelFinding, event.ticketId);
      break;
    default:
      break;
  }
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
