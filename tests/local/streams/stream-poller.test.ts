import { join } from 'node:path';
import { DynamoDBStreamsClient, GetRecordsCommand } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCheckpoints } from '../../../local/streams/checkpoints.js';
import { StreamPoller } from '../../../local/streams/stream-poller.js';
import { tablesWritten, wakeOnWrite } from '../../../local/streams/wake-on-write.js';
import { freshTables } from '../../support/dynamodb.js';
import { scratchDir } from '../../support/scratch-dir.js';

describe('the DynamoDB Streams poller', () => {
  let db: Awaited<ReturnType<typeof freshTables>>;
  let streams: DynamoDBStreamsClient;
  beforeAll(async () => {
    db = await freshTables();
    streams = new DynamoDBStreamsClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  });
  afterAll(() => {
    streams.destroy();
    db.destroy();
  });

  const put = (id: string, title: string, version: number) =>
    db.doc.send(new PutCommand({ TableName: db.name('Tickets'), Item: { id, title, version } }));

  function poller(checkpointFile: string, handler: (event: DynamoDBStreamEvent) => Promise<void>) {
    return new StreamPoller({
      tableName: db.name('Tickets'),
      dynamodb: db.client,
      streams,
      handler,
      checkpoints: fileCheckpoints(checkpointFile),
      batchSize: 2,
      backoff: async () => undefined,
    });
  }

  it('delivers each record once, in order per item, and not again after a restart', async () => {
    const checkpointFile = join(scratchDir('casework-ckpt-'), 'streams.json');
    const seen: string[] = [];
    const collect = async (event: DynamoDBStreamEvent) => {
      for (const r of event.Records) seen.push(`${r.eventName} ${r.dynamodb?.NewImage?.id?.S} v${r.dynamodb?.NewImage?.version?.N}`);
    };
    await put('T-1', '噪音', 1);
    await put('T-1', '噪音', 2);
    await put('T-2', '停水', 1);

    const first = poller(checkpointFile, collect);
    expect(await first.drain()).toBe(3);
    await put('T-1', '噪音', 3);
    expect(await first.drain()).toBe(1);

    const restarted = poller(checkpointFile, collect);
    expect(await restarted.drain()).toBe(0);
    expect(seen).toEqual(['INSERT T-1 v1', 'MODIFY T-1 v2', 'INSERT T-2 v1', 'MODIFY T-1 v3']);
  });

  it('retries a failed batch with the same records until the handler succeeds', async () => {
    const checkpointFile = join(scratchDir('casework-ckpt-'), 'streams.json');
    const drainExisting = poller(checkpointFile, async () => undefined);
    await drainExisting.drain();
    await put('T-3', '路灯', 1);
    let calls = 0;
    const handled: string[] = [];

    const flaky = poller(checkpointFile, async (event) => {
      calls += 1;
      if (calls < 3) throw new Error('handler down');
      handled.push(...event.Records.map((r) => r.dynamodb?.Keys?.id?.S ?? ''));
    });

    expect(await flaky.drain()).toBe(1);
    expect(calls).toBe(3);
    expect(handled).toEqual(['T-3']);
    expect(flaky.failedBatches).toEqual([]);
  });

  it('picks up a write made through a watched client at once, not at its next idle poll', async () => {
    const checkpointFile = join(scratchDir('casework-ckpt-'), 'streams.json');
    await poller(checkpointFile, async () => undefined).drain();
    let arrived!: (id: string) => void;
    const handled = new Promise<string>((resolve) => (arrived = resolve));
    const watched = poller(checkpointFile, async (event) => arrived(event.Records[0]?.dynamodb?.Keys?.id?.S ?? ''));
    // An idle poll an hour away: only the poke can deliver within the test's timeout.
    watched.start(3_600_000);
    // Queued behind the loop's first look, so once it returns the loop has found nothing and gone idle.
    expect(await watched.drain()).toBe(0);
    const unwatch = wakeOnWrite(db.client, (tables) => tables.includes(watched.tableName) && watched.poke());
    try {
      await put('T-4', '井盖缺失', 1);
      expect(await handled).toBe('T-4');
    } finally {
      unwatch();
      await watched.stop();
    }
  });

  it('keeps a place in the stream per subscription, so a restart resumes each handler of one table where it was', async () => {
    const checkpointFile = join(scratchDir('casework-ckpt-'), 'streams.json');
    // Written by a runtime that did not tell subscriptions apart: both handlers resume from there.
    const legacy = poller(checkpointFile, async () => undefined);
    await legacy.drain();
    const subscriber = (subscription: string, seen: string[]) =>
      new StreamPoller({
        tableName: db.name('Tickets'),
        dynamodb: db.client,
        streams,
        subscription,
        handler: async (event) => void seen.push(...event.Records.map((r) => r.dynamodb?.Keys?.id?.S ?? '')),
        checkpoints: fileCheckpoints(checkpointFile),
        batchSize: 2,
      });
    await put('T-6', '占道经营', 1);
    const fast: string[] = [];
    await subscriber('fast', fast).drain();

    const slow: string[] = [];
    await subscriber('slow', slow).drain();
    await subscriber('fast', fast).drain();

    expect(fast).toEqual(['T-6']);
    expect(slow).toEqual(['T-6']);
  });

  it('does not lose a poke that lands while a look at the stream is under way', async () => {
    const checkpointFile = join(scratchDir('casework-ckpt-'), 'streams.json');
    await poller(checkpointFile, async () => undefined).drain();
    // Holds the answer of one GetRecords until the test lets it go: that look saw the stream before the write.
    let hold: Promise<void> | undefined;
    let held!: () => void;
    let release!: () => void;
    const heldLook = new Promise<void>((resolve) => (held = resolve));
    const gated = {
      send: async (command: GetRecordsCommand) => {
        const out = await streams.send(command as never);
        if (hold && command instanceof GetRecordsCommand) {
          held();
          await hold;
        }
        return out;
      },
    } as unknown as DynamoDBStreamsClient;
    let arrived!: (id: string) => void;
    const handled = new Promise<string>((resolve) => (arrived = resolve));
    const watched = new StreamPoller({
      tableName: db.name('Tickets'),
      dynamodb: db.client,
      streams: gated,
      handler: async (event) => arrived(event.Records[0]?.dynamodb?.Keys?.id?.S ?? ''),
      checkpoints: fileCheckpoints(checkpointFile),
      batchSize: 2,
    });
    expect(await watched.drain()).toBe(0);
    hold = new Promise<void>((resolve) => (release = resolve));
    // An idle poll an hour away: only the poke can deliver within the test's timeout.
    watched.start(3_600_000);
    try {
      await heldLook;
      await put('T-5', '路面塌陷', 1);
      watched.poke();
      hold = undefined;
      release();
      expect(await handled).toBe('T-5');
    } finally {
      await watched.stop();
    }
  });

  it('knows which tables a write touches, and that a read touches none', () => {
    expect(tablesWritten('PutItemCommand', { TableName: 'Tickets' })).toEqual(['Tickets']);
    expect(tablesWritten('TransactWriteItemsCommand', { TransactItems: [{ Put: { TableName: 'Tickets' } }, { Update: { TableName: 'TicketEvents' } }, { ConditionCheck: { TableName: 'Directory' } }] })).toEqual(['Tickets', 'TicketEvents']);
    expect(tablesWritten('BatchWriteItemCommand', { RequestItems: { Deliveries: [] } })).toEqual(['Deliveries']);
    expect(tablesWritten('GetItemCommand', { TableName: 'Tickets' })).toEqual([]);
  });
});
