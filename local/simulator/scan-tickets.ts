// Every ticket a driven day stored, page by page from one scan of the Tickets table, with only the attributes asked for.
import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

/** The stored tickets' `attributes` (their title always among them); the stream barrier's marker items, which share the table and have no title, are left out. */
export async function* scanTickets(client: DynamoDBClient, attributes: readonly string[]): AsyncGenerator<Record<string, AttributeValue>> {
  const names = [...new Set(['title', ...attributes])];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: 'casework-Tickets',
        ProjectionExpression: names.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) if (item.title?.S !== undefined) yield item;
    start = page.LastEvaluatedKey;
  } while (start);
}
