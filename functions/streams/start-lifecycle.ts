// Tickets stream -> start the ticket's lifecycle execution (idempotent: the execution is named after the ticket), and
// wake its wait when a change's own wake-up was lost (the acting handler died between saving and waking).
import middy from '@middy/core';
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { stepFunctions } from '../../adapters/clients.js';
import { LifecycleInput } from '../../schemas/workflows/ticket-lifecycle.js';
import { withLogging } from '../shared/logger.js';
import { wakeIfBehind } from '../shared/services.js';

const lifecycle = process.env.STATE_MACHINE_TICKET_LIFECYCLE;

export const handler = middy(async (event: DynamoDBStreamEvent) => {
  if (!lifecycle) throw new Error('STATE_MACHINE_TICKET_LIFECYCLE is not set');
  for (const record of event.Records) {
    const ticketId = record.dynamodb?.Keys?.id?.S;
    if (!ticketId) continue;
    if (record.eventName === 'MODIFY') {
      const version = Number(record.dynamodb?.NewImage?.version?.N);
      if (Number.isInteger(version)) await wakeIfBehind(ticketId, version);
      continue;
    }
    if (record.eventName !== 'INSERT') continue;
    try {
      await stepFunctions.send(new StartExecutionCommand({ stateMachineArn: lifecycle, name: ticketId, input: JSON.stringify(LifecycleInput.parse({ ticketId })) }));
    } catch (error) {
      // A replayed record whose lifecycle already ended: nothing to start twice.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }
}).use(withLogging());
