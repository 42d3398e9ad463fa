// The barrier across shards, on a stream whose shards the test lays out (DynamoDB Local rolls a shard over only after hours).
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { memoryCheckpoints } from '../../../local/streams/checkpoints.js';
import { StreamBarrierError, StreamPoller } from '../../../local/streams/stream-poller.js';

interface FakeShard {
  id: string;
  parent?: string;
  records: StreamRecord[];
  closed: boolean;
}

/** A table and its stream in memory: writes go to the last open shard, as DynamoDB Local's do. */
function fakeStream() {
  const shards: FakeShard[] = [{ id: 'shard-a', records: [], closed: false }];
  let seq = 0;
  const open = () => shards.filter((s) => !s.closed).at(-1) as FakeShard;
  const put = (item: Record<string, { S: string }>) => {
    const sequence = String(++seq).padStart(21, '0');
    open().records.push({ eventName: 'MODIFY', dynamodb: { Keys: { id: item.id as { S: string } }, NewImage: item, SequenceNumber: sequence } });
  };
  const dynamodb = {
    send: async (command: { constructor: { name: string }; input: { Item?: Record<string, { S: string }> } }) => {
      if (command.constructor.name === 'DescribeTableCommand') {
        return {
          Table: {
            LatestStreamArn: 'arn:fake-stream',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
          },
        };
      }
      if (command.constructor.name === 'PutItemCommand') {
        put(command.input.Item ?? {});
        return {};
      }
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  } as unknown as DynamoDBClient;
  const streams = {
    send: async (command: { constructor: { name: string }; input: Record<string, string | number | undefined> }) => {
      const { input } = command;
      switch (command.constructor.name) {
        case 'DescribeStreamCommand':
          return {
            StreamDescription: {
              Shards: shards.map((s) => ({
                ShardId: s.id,
                ParentShardId: s.parent,
                SequenceNumberRange: { StartingSequenceNumber: '0', EndingSequenceNumber: s.closed ? (s.records.at(-1)?.dynamodb?.SequenceNumber ?? '0') : undefined },
              })),
            },
          };
        case 'GetShardIteratorCommand': {
          const shard = shards.find((s) => s.id === input.ShardId) as FakeShard;
          const after = shard.records.findIndex((r) => r.dynamodb?.SequenceNumber === input.SequenceNumber);
          return { ShardIterator: `${shard.id}@${input.ShardIteratorType === 'AFTER_SEQUENCE_NUMBER' ? after + 1 : 0}` };
        }
        case 'GetRecordsCommand': {
          const [id, at] = String(input.ShardIterator).split('@');
          const shard = shards.find((s) => s.id === id) as FakeShard;
          const records = shard.records.slice(Number(at), Number(at) + Number(input.Limit));
          const next = Number(at) + records.length;
          // A closed shard read to its end has no next iterator.
          return { Records: records, NextShardIterator: shard.closed && next >= shard.records.length ? undefined : `${id}@${next}` };
        }
      }
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  } as unknown as DynamoDBStreamsClient;
  return {
    dynamodb,
    streams,
    put: (id: string) => put({ id: { S: id } }),
    rollOver: () => {
      const parent = open();
      parent.closed = true;
      shards.push({ id: `shard-${String.fromCharCode(parent.id.charCodeAt(6) + 1)}`, parent: parent.id, records: [], closed: false });
    },
    openAnother: () => void shards.push({ id: 'shard-z', records: [], closed: false }),
  };
}

function recordingPoller(stream: ReturnType<typeof fakeStream>) {
  const seen: string[] = [];
  const poller = new StreamPoller({
    tableName: 'fake',
    dynamodb: stream.dynamodb,
    streams: stream.streams,
    handler: async (event) => void seen.push(...event.Records.map((r) => r.dynamodb?.Keys?.id?.S ?? '')),
    checkpoints: memoryCheckpoints(),
    batchSize: 2,
    barrierTimeoutMs: 100,
  });
  return { poller, seen };
}

describe('the stream barrier across shards', () => {
  it('reads a rolled-over stream parent first, and finds its marker in a child it did not know of yet', async () => {
    const stream = fakeStream();
    const { poller, seen } = recordingPoller(stream);
    stream.put('r1');
    expect(await poller.drain()).toBe(1);
    stream.put('r2');
    stream.put('r3');
    // The poller still knows only the first shard; the marker will land in its child.
    stream.rollOver();
    stream.put('r4');

    await poller.barrier();

    expect(seen).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('refuses a stream with two open shards, whose order it cannot prove', async () => {
    const stream = fakeStream();
    const { poller } = recordingPoller(stream);
    stream.openAnother();

    await expect(poller.barrier()).rejects.toThrow(StreamBarrierError);
    await expect(poller.barrier()).rejects.toThrow(/2 open shards/);
  });
});
