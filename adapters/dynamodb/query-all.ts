// Reading a Query to its end: DynamoDB answers a page at a time (1 MB at most).
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/** Every item of a Query on `table`, page after page, or the first `max` of them. */
export async function queryAll(db: DynamoDBDocumentClient, table: string, input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>, max = Infinity): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.send(new QueryCommand({ TableName: table, ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && items.length < max);
  return items.slice(0, max);
}
