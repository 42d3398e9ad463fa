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
import { forEachTicketInOrder } from '../shared/ticket-records.js';

export const handler = middy(async (stream: DynamoDBStreamEvent) => {
  // A retried batch replays a ticket's records from some point on, in order: an early one may undo a later move for a
  // moment, and the later one, replayed too, redoes it.
  await forEachTicketInOrder(stream.Records, 'id', async (record) => {
    await boardCounts.apply(boardChanges(ticketOf(record.dynamodb?.OldImage), ticketOf(record.dynamodb?.NewImage)));
  });
}).use(withLogging());

function ticketOf(image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']): Ticket | undefined {
  return image ? fromItem(unmarshall(image as never)) : undefined;
}
