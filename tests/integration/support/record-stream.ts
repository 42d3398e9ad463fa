// A stream handler for runtime tests: appends each record's key and event name to a file, so a test can count deliveries.
import { appendFileSync } from 'node:fs';
import type { DynamoDBStreamEvent } from 'aws-lambda';

export const handler = async (event: DynamoDBStreamEvent) => {
  const file = process.env.STREAM_LOG;
  if (!file) throw new Error('STREAM_LOG is not set');
  for (const r of event.Records) appendFileSync(file, `${r.eventName} ${r.dynamodb?.Keys?.id?.S}\n`);
};
