// SDK clients, created once per process (per Lambda container): never inside a handler call.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClientConfig } from './local-client-config.js';

// Locally the runtime points these at DynamoDB Local and the embedded engine; in AWS they are unset.
const local = (endpoint: string | undefined) => (endpoint ? localClientConfig(endpoint) : {});

export const dynamodb = new DynamoDBClient(local(process.env.DYNAMODB_ENDPOINT));
export const documents = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
export const stepFunctions = new SFNClient(local(process.env.SFN_ENDPOINT));
