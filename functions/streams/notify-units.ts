// TicketEvents stream -> one delivery workflow per (event, unit, channel target), named so a replay starts nothing twice.
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { stepFunctions } from '../../adapters/clients.js';
import { channels } from '../../adapters/notify/channels.js';
import { isNotifiedType, recipientsOf } from '../../domain/notifications/recipients.js';
import type { Delivery } from '../../schemas/delivery.js';
import { TicketEvent } from '../../schemas/ticket-events.js';
import { systemActor } from '../../schemas/actor.js';
import { decisionContext, directory, tickets } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

const machine = process.env.STATE_MACHINE_NOTIFICATION_DELIVERY;

export const handler = middy(async (stream: DynamoDBStreamEvent) => {
  if (!machine) throw new Error('STATE_MACHINE_NOTIFICATION_DELIVERY is not set');
  const supervision = (await decisionContext(systemActor)).city.supervision.id;
  // Each notification is its own workflow, so the records of a batch can be fanned out side by side.
  await Promise.all(stream.Records.map((record) => notify(record, supervision)));
}).use(withLogging());

async function notify(record: DynamoDBRecord, supervision: string): Promise<void> {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return;
  const event = TicketEvent.parse(unmarshall(record.dynamodb.NewImage as never));
  if (!isNotifiedType(event.type)) return;
  // Only a closing needs the unit that held the ticket; every other event names its units.
  const holder = event.type === 'ticket.closed' ? (await tickets.get(event.ticketId))?.unitId : undefined;
  const units = recipientsOf(event, holder, supervision);
  const subscribed = await Promise.all(units.map(async (unitId) => ({ unitId, ...(await directory.subscriptions(unitId)) })));
  for (const { unitId, ...subscriptions } of subscribed) {
    const base = { ticketId: event.ticketId, seq: event.seq, event: event.type, occurredAt: event.at, unitId };
    const deliveries: Delivery[] = channels.flatMap((channel) =>
      channel.targets(subscriptions).map((_target, i) => ({ ...base, deliveryId: deliveryId(event.ticketId, event.seq, unitId, `${channel.name}${i}`), channel: channel.name, target: i })),
    );
    for (const d of deliveries) {
      try {
        await stepFunctions.send(new StartExecutionCommand({ stateMachineArn: machine, name: d.deliveryId, input: JSON.stringify(d) }));
      } catch (error) {
        // A replayed record: its delivery already runs or ran.
        if (!(error instanceof ExecutionAlreadyExists)) throw error;
      }
    }
  }
}

/** `<ticket>-<seq>-<unit>-<channel><n>`: readable, and an execution name (at most 80 characters: a long unit id is hashed). */
function deliveryId(ticketId: string, seq: number, unitId: string, target: string): string {
  const id = `${ticketId}-${seq}-${unitId}-${target}`;
  return id.length <= 80 ? id : `${ticketId}-${seq}-${createHash('sha256').update(unitId).digest('hex').slice(0, 12)}-${target}`;
}
