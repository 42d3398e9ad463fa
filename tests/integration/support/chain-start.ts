// A stream handler for idle tests: each inserted `chain-N` item starts the `chain` machine for step N.
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { stepFunctions } from '../../../adapters/clients.js';

export const handler = async (event: DynamoDBStreamEvent) => {
  for (const r of event.Records) {
    const [, name, n] = /^(chain\w*)-(\d+)$/.exec(r.dynamodb?.Keys?.id?.S ?? '') ?? [];
    if (r.eventName !== 'INSERT' || name === undefined) continue;
    const image = r.dynamodb?.NewImage;
    const input = JSON.stringify({ name, n: Number(n), last: Number(image?.last?.N), watched: image?.watched?.BOOL === true });
    await stepFunctions.send(new StartExecutionCommand({ stateMachineArn: process.env.STATE_MACHINE_CHAIN, name: `${name}-${n}`, input }));
  }
};
