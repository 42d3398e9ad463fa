import { join } from 'node:path';
import { DynamoDBStreamsClient, GetRecordsCommand, type GetRecordsCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../../infra/manifest.js';
import { fileCheckpoints, memoryCheckpoints } from '../../../local/streams/checkpoints.js';
import { StreamBarrierError, StreamPoller } from '../../../local/streams/stream-poller.js';
import { markerItem, markerKey, TOKEN_ATTRIBUTE } from '../../../local/streams/stream-marker.js';
import { freshTables } from '../../support/dynamodb.js';
import { scratchDir } from '../../support/scratch-dir.js';

describe('the stream barrier', () => {
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

  const put = (id: string, version: number) => db.doc.send(new PutCommand({ TableName: db.name('Tickets'), Item: { id, version } }));

  /** A poller on Tickets that writes down `id vN` of every record it is handed. */
  function recordingPoller(options: { checkpointFile?: string; streams?: DynamoDBStreamsClient; barrierTimeoutMs?: number } = {}) {
    const seen: string[] = [];
    const poller = new StreamPoller({
      tableName: db.name('Tickets'),
      dynamodb: db.client,
      streams: options.streams ?? streams,
      handler: async (event: DynamoDBStreamEvent) => {
        for (const r of event.Records) seen.push(`${r.dynamodb?.Keys?.id?.S} v${r.dynamodb?.NewImage?.version?.N}`);
      },
      checkpoints: options.checkpointFile ? fileCheckpoints(options.checkpointFile) : memoryCheckpoints(),
      batchSize: 25,
      barrierTimeoutMs: options.barrierTimeoutMs,
      backoff: async () => undefined,
    });
    return { poller, seen };
  }

  it('hands over every record written before it by a client nobody watches, and never its marker', async () => {
    const { poller, seen } = recordingPoller();
    await poller.drain();
    // An idle poll an hour away and no poke: only the barrier can deliver these.
    poller.start(3_600_000);
    try {
      await poller.drain();
      const ids = Array.from({ length: 40 }, (_, i) => `B-${i}`);
      await Promise.all(ids.map((id) => put(id, 1)));
      const before = poller.handled;

      await poller.barrier();

      expect([...seen].sort()).toEqual(ids.map((id) => `${id} v1`).sort());
      expect(poller.handled - before).toBe(40);
      // Its marker's record was read and swallowed: nothing is left, and a second barrier hands over nothing.
      await poller.barrier();
      expect(await poller.drain()).toBe(0);
      expect(seen).toHaveLength(40);
    } finally {
      await poller.stop();
    }
  });

  it('serves two pollers of one table with one marker, each handed every record written before it', async () => {
    const first = recordingPoller();
    const second = recordingPoller();
    await Promise.all([first.poller.drain(), second.poller.drain()]);
    const ids = Array.from({ length: 30 }, (_, i) => `S-${i}`);
    await Promise.all(ids.map((id) => put(id, 1)));
    let markers = 0;
    db.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutItemCommand') markers++;
        return next(args);
      },
      { step: 'initialize', name: 'countMarkers' },
    );
    try {
      await StreamPoller.barrierAll([first.poller, second.poller]);
    } finally {
      db.client.middlewareStack.remove('countMarkers');
    }
    expect(markers).toBe(1);
    // The stream also holds the records of the tests before this one: these pollers start at its beginning.
    for (const { seen } of [first, second]) expect(seen.filter((s) => s.startsWith('S-')).sort()).toEqual(ids.map((id) => `${id} v1`).sort());
  });

  it('covers every write finished before it while writers, the background loop and other barriers run at once', async () => {
    const { poller, seen } = recordingPoller();
    await poller.drain();
    poller.start(5);
    const finished: string[] = [];
    const checks: Promise<void>[] = [];
    const barrierAfterWrites = () => {
      const covered = [...finished];
      checks.push(poller.barrier().then(() => expect(seen).toEqual(expect.arrayContaining(covered))));
    };
    try {
      const writer = async (item: string) => {
        for (let v = 1; v <= 15; v++) {
          await put(item, v);
          finished.push(`${item} v${v}`);
          if (v % 4 === 0) barrierAfterWrites();
        }
      };
      await Promise.all(['W-a', 'W-b', 'W-c', 'W-d'].map(writer));
      barrierAfterWrites();
      await Promise.all(checks);
    } finally {
      await poller.stop();
    }
    // Once each, in order per item.
    for (const item of ['W-a', 'W-b', 'W-c', 'W-d']) {
      expect(seen.filter((s) => s.startsWith(`${item} `))).toEqual(Array.from({ length: 15 }, (_, i) => `${item} v${i + 1}`));
    }
  });

  it('leaves nothing for a restarted poller to replay', async () => {
    const checkpointFile = join(scratchDir('casework-ckpt-'), 'streams.json');
    const first = recordingPoller({ checkpointFile });
    await put('R-1', 1);
    await first.poller.barrier();
    expect(first.seen).toContain('R-1 v1');

    const restarted = recordingPoller({ checkpointFile });
    expect(await restarted.poller.drain()).toBe(0);
    expect(restarted.seen).toEqual([]);
  });

  it('works on a table keyed by a string and a number', async () => {
    const handled: string[] = [];
    const poller = new StreamPoller({
      tableName: db.name('TicketEvents'),
      dynamodb: db.client,
      streams,
      handler: async (event) => void handled.push(...event.Records.map((r) => `${r.dynamodb?.Keys?.ticketId?.S}#${r.dynamodb?.Keys?.seq?.N}`)),
      checkpoints: memoryCheckpoints(),
      batchSize: 25,
    });
    await db.doc.send(new PutCommand({ TableName: db.name('TicketEvents'), Item: { ticketId: 'E-1', seq: 1, type: 'created' } }));
    await db.doc.send(new PutCommand({ TableName: db.name('TicketEvents'), Item: { ticketId: 'E-1', seq: 2, type: 'dispatched' } }));

    await poller.barrier();

    expect(handled).toEqual(['E-1#1', 'E-1#2']);
  });

  it('fails with a clear error, instead of hanging, when its marker never shows in the stream', async () => {
    // A stream that loses the marker's records, as a stream would if it had been disabled behind the runtime's back.
    const losing = {
      send: async (command: GetRecordsCommand) => {
        const out = (await streams.send(command as never)) as GetRecordsCommandOutput;
        if (command instanceof GetRecordsCommand) out.Records = out.Records?.filter((r) => r.dynamodb?.NewImage?.[TOKEN_ATTRIBUTE] === undefined);
        return out;
      },
    } as unknown as DynamoDBStreamsClient;
    const { poller } = recordingPoller({ streams: losing, barrierTimeoutMs: 150 });
    const started = performance.now();

    await expect(poller.barrier()).rejects.toThrow(StreamBarrierError);
    await expect(poller.barrier()).rejects.toThrow(/did not show in its stream within 150 ms/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("gives every streamed table's marker none of the attributes its indexes are keyed on", () => {
    for (const table of tables.filter((t) => t.stream)) {
      const keySchema = [
        { AttributeName: table.partitionKey.name, KeyType: 'HASH' as const },
        ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : []),
      ];
      const definitions = [table.partitionKey, ...(table.sortKey ? [table.sortKey] : [])].map((k) => ({ AttributeName: k.name, AttributeType: k.type }));
      const item = markerItem(markerKey(keySchema, definitions), 'token');
      const indexed = (table.indexes ?? []).flatMap((i) => [i.partitionKey.name, ...(i.sortKey ? [i.sortKey.name] : [])]);
      expect(Object.keys(item).filter((name) => indexed.includes(name) && !keySchema.some((k) => k.AttributeName === name))).toEqual([]);
    }
  });
});
