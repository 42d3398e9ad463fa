// TicketEvents stream -> one delivery workflow per (event, unit, webhook or mailbox), named so a replay starts nothing twice.
import middy from '@middy/core';
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { stepFunctions } from '../../adapters/clients.js';
import { notifiedTypes, recipientsOf } from '../../domain/notifications/recipients.js';
import type { Delivery } from '../../schemas/delivery.js';
import { TicketEvent } from '../../schemas/ticket-events.js';
import { systemActor } from '../../schemas/actor.js';
import { decisionContext, directory, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

const machine = process.env.STATE_MACHINE_NOTIFICATION_DELIVERY;
const notified = new Set<string>(notifiedTypes);

export const handler = middy(async (stream: DynamoDBStreamEvent) => {
  if (!machine) throw new Error('STATE_MACHINE_NOTIFICATION_DELIVERY is not set');
  const supervision = (await decisionContext(systemActor)).city.supervision.id;
  // Each notification is its own workflow, so the records of a batch can be fanned out side by side.
  await Promise.all(stream.Records.map((record) => notify(record, supervision)));
}).use(withLogging());

async function notify(record: DynamoDBRecord, supervision: string): Promise<void> {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
  const event = TicketEvent.parse(unmarshall(record.dynamodb.NewImage as never));
  if (!notified.has(event.type)) return;
  // Only a closing needs the unit that held the ticket; every other event names its units.
  const holder = event.type === 'ticket.closed' ? (await tickets.get(event.ticketId))?.unitId : undefined;
  const units = recipientsOf(event, holder, supervision);
  const subscribed = await Promise.all(units.map(async (unitId) => ({ unitId, ...(await directory.subscriptions(unitId)) })));
  for (const { unitId, emails, webhooks } of subscribed) {
    const base = { ticketId: event.ticketId, seq: event.seq, event: event.type, occurredAt: event.at, unitId };
    const deliveries: Delivery[] = [
      ...webhooks.map((_w, i) => ({ ...base, deliveryId: `${event.ticketId}-${event.seq}-${unitId}-w${i}`, channel: 'webhook' as const, webhookIndex: i })),
      ...(emails.length > 0 ? [{ ...base, deliveryId: `${event.ticketId}-${event.seq}-${unitId}-mail`, channel: 'email' as const }] : []),
    ];
    for (const d of deliveries) {
      try {
        await stepFunctions.send(new StartExecutionCommand({ stateMachineArn: machine, name: d.deliveryId.slice(0, 80), input: JSON.stringify(d) }));
      } catch (error) {
        // A replayed record: its delivery already runs or ran.
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    }
  }
}
