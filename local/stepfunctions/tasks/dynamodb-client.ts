// SDK-backed DynamoDB port: one client per engine (created by the factory), endpoint configurable.
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DeleteItemCommandInput, GetItemCommandInput, PutItemCommandInput, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import type { JsonObject } from '../json.js';
import type { DynamoDbAction, DynamoDbFactory, DynamoDbPort } from './task-types.js';

export interface DynamoDbClientOptions {
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** A factory the engine calls once; the returned port sends the four item commands through the SDK. */
export function sdkDynamoDbFactory(options: DynamoDbClientOptions = {}): DynamoDbFactory {
  return (): DynamoDbPort => {
    const client = new DynamoDBClient({ region: options.region ?? 'us-east-1', endpoint: options.endpoint, credentials: options.credentials });
    return {
      async call(action: DynamoDbAction, input: JsonObject): Promise<JsonObject> {
        // The Parameters of the task are the request, exactly as Step Functions passes them to DynamoDB.
        const request = input as unknown;
        let output: object;
        switch (action) {
          case 'getItem':
            output = await client.send(new GetItemCommand(request as GetItemCommandInput));
            break;
          case 'putItem':
            output = await client.send(new PutItemCommand(request as PutItemCommandInput));
            break;
          case 'updateItem':
            output = await client.send(new UpdateItemCommand(request as UpdateItemCommandInput));
            break;
          case 'deleteItem':
            output = await client.send(new DeleteItemCommand(request as DeleteItemCommandInput));
            break;
        }
        const { $metadata: _metadata, ...rest } = output as Record<string, unknown>;
        return JSON.parse(JSON.stringify(rest)) as JsonObject;
      },
    };
  };
}
