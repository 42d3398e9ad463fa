// Tickets stream -> the supervision board's counters (GET /v1/board): each record's images, before and after, say which
// open-ticket gauge the ticket leaves and enters and what it adds to its district's day; a replayed record changes nothing.
import middy from '@middy/core';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { fromItem } from '../../adapters/dynamodb/ticket-item.js';
import { boardChanges } from '../../domain/board/board-changes.js';
import type { Ticket } from '../../schemas/ticket.js';
import { boardCounts } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (stream: DynamoDBStreamEvent) => {
  // One ticket's records in order, different tickets side by side. A retried batch replays a ticket's records from some
  // point on, in order: an early one may undo a later move for a moment, and the later one, replayed too, redoes it.
  const byTicket = new Map<string, DynamoDBRecord[]>();
  for (const record of stream.Records) {
    const id = String(record.dynamodb?.Keys?.id?.S ?? '');
    byTicket.set(id, [...(byTicket.get(id) ?? []), record]);
  }
  await Promise.all(
    [...byTicket.values()].map(async (records) => {
      for (const record of records) await boardCounts.apply(boardChanges(ticketOf(record.dynamodb?.OldImage), ticketOf(record.dynamodb?.NewImage)));
    }),
  );
}).use(withLogging());

function ticketOf(image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']): Ticket | undefined {
  return image ? fromItem(unmarshall(image as never)) : undefined;
}
