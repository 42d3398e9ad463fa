// Lets in-process writers tell the stream pollers which tables may have new records, instead of the pollers guessing.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const NAME = 'caseworkWakeStreamPollers';

interface WriteInput {
  TableName?: string;
  RequestItems?: Record<string, unknown>;
  TransactItems?: Record<string, { TableName?: string } | undefined>[];
}

/** The tables a write command touches, or none for a read. */
export function tablesWritten(commandName: string, input: WriteInput): string[] {
  switch (commandName) {
    case 'PutItemCommand':
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return input.TableName ? [input.TableName] : [];
    case 'BatchWriteItemCommand':
      return Object.keys(input.RequestItems ?? {});
    case 'TransactWriteItemsCommand':
      return (input.TransactItems ?? []).flatMap((item) => {
        const op = item.Put ?? item.Update ?? item.Delete;
        return op?.TableName ? [op.TableName] : [];
      });
    default:
      return [];
  }
}

/** Calls `onWrite` with the tables of each successful write the client makes (document-client commands included); returns the undo. */
export function wakeOnWrite(client: DynamoDBClient, onWrite: (tables: string[]) => void): () => void {
  client.middlewareStack.remove(NAME);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const output = await next(args);
      const tables = tablesWritten(context.commandName ?? '', args.input as WriteInput);
      if (tables.length > 0) onWrite(tables);
      return output;
    },
    { step: 'initialize', name: NAME },
  );
  return () => void client.middlewareStack.remove(NAME);
}
