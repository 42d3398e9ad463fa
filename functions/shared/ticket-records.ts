// How a stream consumer takes a batch: one ticket's records in order, different tickets side by side.
import type { DynamoDBRecord } from 'aws-lambda';

/** Runs `handle` on each record, in order within a ticket (keyed by `keyName`), tickets concurrently. */
export async function forEachTicketInOrder(records: DynamoDBRecord[], keyName: 'id' | 'ticketId', handle: (record: DynamoDBRecord) => Promise<void>): Promise<void> {
  const byTicket = new Map<string, DynamoDBRecord[]>();
  for (const record of records) {
    const id = String(record.dynamodb?.Keys?.[keyName]?.S ?? '');
    byTicket.set(id, [...(byTicket.get(id) ?? []), record]);
  }
  await Promise.all(
    [...byTicket.values()].map(async (ofTicket) => {
      for (const record of ofTicket) await handle(record);
    }),
  );
}
