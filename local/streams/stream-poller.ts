// DynamoDB Streams -> handler: reads a table's real stream and invokes a stream handler with Lambda's event shape.
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

// The SDK's and Lambda's attribute-value types describe the same JSON; only their TypeScript differs.
type Image = Record<string, AttributeValue>;
import type { Checkpoints } from './checkpoints.js';

export interface StreamPollerOptions {
  tableName: string;
  dynamodb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  handler: (event: DynamoDBStreamEvent) => Promise<unknown>;
  checkpoints: Checkpoints;
  batchSize: number;
  /** Attempts per batch before it is set aside as failed (the local on-failure destination). */
  maxAttempts?: number;
  region?: string;
  onBatchFailed?: (event: DynamoDBStreamEvent, error: unknown) => void;
  /** Waits between retries; injected so tests need not sleep. */
  backoff?: (attempt: number) => Promise<void>;
}

const EAGER_POLL_MS = 5;
const EAGER_WINDOW_MS = 60;

/** Polls one table's stream; records of a shard are handled in order, one batch at a time. */
export class StreamPoller {
  private streamArn?: string;
  private shardList?: Shard[];
  private shardsAt = 0;
  private readonly iterators = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private loop?: Promise<void>;
  private running = false;
  private eagerUntil = 0;
  private wake?: () => void;
  readonly failedBatches: DynamoDBStreamEvent[] = [];

  constructor(private readonly options: StreamPollerOptions) {}

  get tableName(): string {
    return this.options.tableName;
  }

  /** Handles every record available now, across all shards (listed afresh unless `fresh` is false); resolves with how many were handled. */
  drain(fresh = true): Promise<number> {
    // Serialised: the background loop and explicit drains must never handle one shard twice at once.
    const next = this.queue.then(() => this.drainOnce(fresh));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Keeps draining in the background. An empty stream is looked at again after `idleMs`, or within a few
   * milliseconds of a `poke`: writes made in this process poke, so their records are picked up at once
   * without polling DynamoDB Local hard while nothing happens.
   */
  start(idleMs = 100): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      let failures = 0;
      while (this.running) {
        const handled = await this.drain(false).then(
          (n) => {
            failures = 0;
            return n;
          },
          (error: unknown) => {
            // Say it once, then keep trying more and more slowly: DynamoDB may just be restarting.
            if (failures++ === 0) console.error(`stream poller ${this.options.tableName}: ${String(error)}; retrying`);
            this.streamArn = undefined;
            this.shardList = undefined;
            this.iterators.clear();
            return 0;
          },
        );
        if (handled > 0 || !this.running) continue;
        if (failures > 0) await this.pause(Math.min(5_000, idleMs * 2 ** failures));
        // DynamoDB Local may show a record a few milliseconds after the write that made it: look again soon.
        else if (performance.now() < this.eagerUntil) await this.pause(EAGER_POLL_MS);
        else await this.pause(idleMs, true);
      }
    })();
  }

  /** Says a write may have added records: the loop looks at once, and keeps looking closely for a moment. */
  poke(): void {
    this.eagerUntil = performance.now() + EAGER_WINDOW_MS;
    this.wake?.();
  }

  private pause(ms: number, wakeable = false): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms).unref();
      if (wakeable) this.wake = done;
    });
  }

  /** Stops the background loop after the batch in hand. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.queue;
  }

  private async drainOnce(fresh: boolean): Promise<number> {
    // The shard list changes rarely (a shard closes and a child opens): background polls look it up every few
    // seconds, but an explicit drain (someone waits for the system to be idle) always does, so no record is missed.
    if (fresh || !this.shardList || Date.now() - this.shardsAt > 3_000) {
      this.shardList = orderByLineage(await this.shards());
      this.shardsAt = Date.now();
    }
    let handled = 0;
    // Parents before children: a split shard's records follow its parent's.
    for (const shard of this.shardList) handled += await this.drainShard(shard);
    return handled;
  }

  private async drainShard(shard: Shard): Promise<number> {
    const { streams, checkpoints, batchSize } = this.options;
    const shardId = shard.ShardId ?? '';
    const key = `${this.streamArn}/${shardId}`;
    // Keep reading where the last poll stopped; only a fresh start (or an expired iterator) asks for a new one.
    let iterator = this.iterators.get(key) ?? (await this.iteratorFrom(shardId, checkpoints.get(key)));
    this.iterators.delete(key);
    let handled = 0;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize })).catch((error: unknown) => {
        const name = (error as { name?: string }).name;
        // DynamoDB Local says Trimmed of a shard with no record yet; an iterator expires after 15 minutes.
        if (name === 'TrimmedDataAccessException' || name === 'ExpiredIteratorException') return undefined;
        throw error;
      });
      if (!page) break;
      const records = page.Records ?? [];
      if (records.length === 0) {
        if (page.NextShardIterator) this.iterators.set(key, page.NextShardIterator);
        break;
      }
      await this.deliver(records);
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) checkpoints.set(key, last);
      handled += records.length;
      iterator = page.NextShardIterator;
    }
    return handled;
  }

  private async iteratorFrom(shardId: string, after: string | undefined): Promise<string | undefined> {
    const { ShardIterator } = await this.options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        SequenceNumber: after,
      }),
    );
    return ShardIterator;
  }

  private async deliver(records: StreamRecord[]): Promise<void> {
    const event: DynamoDBStreamEvent = { Records: records.map((r) => this.toLambdaRecord(r)) };
    const maxAttempts = this.options.maxAttempts ?? 10;
    const backoff = this.options.backoff ?? ((n: number) => new Promise<void>((r) => setTimeout(r, Math.min(5_000, 50 * 2 ** n)).unref()));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handler(event);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) {
          this.failedBatches.push(event);
          this.options.onBatchFailed?.(event, error);
          return;
        }
        await backoff(attempt);
      }
    }
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    const d = record.dynamodb ?? {};
    return {
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.options.region ?? 'us-east-1',
      eventSourceARN: this.streamArn,
      dynamodb: {
        ApproximateCreationDateTime: d.ApproximateCreationDateTime ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) : undefined,
        Keys: d.Keys as Image | undefined,
        NewImage: d.NewImage as Image | undefined,
        OldImage: d.OldImage as Image | undefined,
        SequenceNumber: d.SequenceNumber,
        SizeBytes: d.SizeBytes,
        StreamViewType: d.StreamViewType,
      },
    };
  }

  private async shards(): Promise<Shard[]> {
    if (!this.streamArn) {
      const table = await this.options.dynamodb.send(new DescribeTableCommand({ TableName: this.options.tableName }));
      this.streamArn = table.Table?.LatestStreamArn;
      if (!this.streamArn) throw new Error(`table ${this.options.tableName} has no stream`);
    }
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.options.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }
}

function orderByLineage(shards: Shard[]): Shard[] {
  const ids = new Set(shards.map((s) => s.ShardId));
  const ordered: Shard[] = [];
  const placed = new Set<string | undefined>();
  const place = (shard: Shard) => {
    if (placed.has(shard.ShardId)) return;
    const parent = shards.find((s) => s.ShardId === shard.ParentShardId);
    if (parent && ids.has(parent.ShardId)) place(parent);
    placed.add(shard.ShardId);
    ordered.push(shard);
  };
  shards.forEach(place);
  return ordered;
}
