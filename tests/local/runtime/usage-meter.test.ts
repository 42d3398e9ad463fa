// The meter against DynamoDB Local itself: the capacity it reports is what the bill projection is built on.
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageMeter } from '../../../local/runtime/usage-meter.js';
import { freshTables } from '../../support/dynamodb.js';

describe('UsageMeter', () => {
  it('counts invocations with their duration rounded up to the millisecond, and transitions per execution', () => {
    const meter = new UsageMeter();
    meter.invoked('create-ticket', 12.2);
    meter.invoked('create-ticket', 0.3);
    const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:casework-ticket-lifecycle';
    meter.stateEntered({ stateMachineArn: arn, name: 'T1' });
    meter.stateEntered({ stateMachineArn: arn, name: 'T1' });
    meter.stateEntered({ stateMachineArn: arn, name: 'T2' });
    expect(meter.snapshot()).toEqual({
      lambda: { 'create-ticket': { invocations: 2, billedMs: 14 } },
      transitions: { 'casework-ticket-lifecycle': { T1: 2, T2: 1 } },
      dynamodb: {},
    });
  });

  describe('on a DynamoDB client', () => {
    let db: Awaited<ReturnType<typeof freshTables>>;
    beforeAll(async () => {
      db = await freshTables();
    });
    afterAll(() => db.destroy());

    it('adds up the request units DynamoDB reports, without changing what the caller gets back', async () => {
      const meter = new UsageMeter();
      const undo = meter.meter(db.client);
      const table = db.name('Deliveries');
      // 2.5 KB: three write units; a transaction of two small items: two units each.
      const put = await db.doc.send(new PutCommand({ TableName: table, Item: { ticketId: 'T1', key: 'a', text: 'x'.repeat(2500) } }));
      expect(put.ConsumedCapacity).toBeUndefined();
      await db.doc.send(new TransactWriteCommand({ TransactItems: ['b', 'c'].map((key) => ({ Put: { TableName: table, Item: { ticketId: 'T1', key } } })) }));
      // An eventually consistent read of up to 4 KB: half a unit; the caller who asks still gets the figure.
      const got = await db.doc.send(new GetCommand({ TableName: table, Key: { ticketId: 'T1', key: 'a' }, ReturnConsumedCapacity: 'TOTAL' }));
      expect(got.ConsumedCapacity?.CapacityUnits).toBe(0.5);
      undo();
      await db.doc.send(new GetCommand({ TableName: table, Key: { ticketId: 'T1', key: 'a' } }));
      expect(meter.snapshot().dynamodb).toEqual({ [table]: { requests: 3, readUnits: 0.5, writeUnits: 3 + 4 } });
    });
  });
});
