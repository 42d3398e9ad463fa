// DynamoDB Streams -> handler: reads a table's real stream and invokes a stream handler with Lambda's event shape.
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
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
import { isMarker, type MarkerKey, markerItem, markerKey, markerToken } from './stream-marker.js';

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
  /** How long a barrier keeps looking for its marker while the stream shows nothing new, before it fails. */
  barrierTimeoutMs?: number;
  /** Names this subscription in its checkpoints, so two handlers of one table keep their own places. */
  subscription?: string;
}

/** Thrown by a barrier whose marker never showed up in the stream. */
export class StreamBarrierError extends Error {
  override name = 'StreamBarrierError';
}

/**
 * Polls one table's stream; records of a shard are handled in order, one batch at a time. `barrier()` proves
 * that every write made before it was handled, by writing a marker item and reading until its record comes by.
 */
export class StreamPoller {
  private stream?: { arn: string; marker: MarkerKey; viewType?: string };
  private shardList?: Shard[];
  private shardsAt = 0;
  private readonly iterators = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private loop?: Promise<void>;
  private running = false;
  private poked = false;
  private wake?: () => void;
  /** Tokens of this poller's barriers still waiting, true once their marker's record has been read. */
  private readonly awaited = new Map<string, boolean>();
  private delivered = 0;
  readonly failedBatches: DynamoDBStreamEvent[] = [];

  constructor(private readonly options: StreamPollerOptions) {}

  get tableName(): string {
    return this.options.tableName;
  }

  /** How many records have been handed to the handler so far (markers are never handed over, nor counted). */
  get handled(): number {
    return this.delivered;
  }

  /** Handles every record available now, across all shards (listed afresh unless `fresh` is false); resolves with how many were handled. */
  drain(fresh = true): Promise<number> {
    return this.serially(() => this.drainOnce(fresh));
  }

  /**
   * Resolves once the record of every write made to the table before the call has been handled. A marker item
   * is written and the stream read until the marker's record shows: DynamoDB Local appends a table's records to
   * one open shard at a time, in the order of the writes, so everything written before the marker is behind it.
   * Rejects with a StreamBarrierError when the marker does not show within `barrierTimeoutMs` of reading nothing new.
   */
  barrier(): Promise<void> {
    return StreamPoller.barrierAll([this]);
  }

  /**
   * One barrier for many pollers: one marker per table, however many pollers read that table's stream, each reading
   * on until it has seen the marker. What `barrier()` proves, for all of them, at half the writes for two per table.
   */
  static async barrierAll(pollers: readonly StreamPoller[]): Promise<void> {
    const byTable = new Map<string, StreamPoller[]>();
    for (const p of pollers) byTable.set(p.options.tableName, [...(byTable.get(p.options.tableName) ?? []), p]);
    await Promise.all(
      [...byTable.values()].map(async (readers) => {
        const [writer] = readers as [StreamPoller];
        const token = randomUUID();
        // Waited for before the marker exists, so no read of its record can go unnoticed.
        for (const p of readers) p.awaited.set(token, false);
        try {
          await writer.serially(async () => writer.options.dynamodb.send(new PutItemCommand(await writer.marker(token))));
          await Promise.all(readers.map((p) => p.serially(() => p.readToMarker(token))));
        } finally {
          for (const p of readers) p.awaited.delete(token);
        }
      }),
    );
  }

  /**
   * Keeps draining in the background. An empty stream is looked at again after `idleMs`, or at once after a
   * `poke`: writes made in this process poke, so their records are picked up at once without polling
   * DynamoDB Local hard while nothing happens.
   */
  start(idleMs = 100): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      let failures = 0;
      while (this.running) {
        // A poke that lands while a drain is under way may be about a record that drain already missed.
        this.poked = false;
        const handled = await this.drain(false).then(
          (n) => {
            failures = 0;
            return n;
          },
          (error: unknown) => {
            // Say it once, then keep trying more and more slowly: DynamoDB may just be restarting.
            if (failures++ === 0) console.error(`stream poller ${this.options.tableName}: ${String(error)}; retrying`);
            this.stream = undefined;
            this.shardList = undefined;
            this.iterators.clear();
            return 0;
          },
        );
        if (!this.running) break;
        if (failures > 0) await this.pause(Math.min(5_000, idleMs * 2 ** failures));
        else if (handled === 0 && !this.poked) await this.pause(idleMs, true);
      }
    })();
  }

  /** Says a write may have added records: the loop looks again as soon as the drain in hand (if any) is done. */
  poke(): void {
    this.poked = true;
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

  /** Runs `work` after every drain or barrier queued before it: the background loop, drains and barriers never read one shard at once. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The put of the marker item that a barrier with `token` writes to this poller's table. */
  private async marker(token: string): Promise<{ TableName: string; Item: MarkerKey }> {
    const { marker, viewType } = await this.describe();
    // The token is read from the marker's new image.
    if (viewType !== 'NEW_IMAGE' && viewType !== 'NEW_AND_OLD_IMAGES') {
      throw new StreamBarrierError(`stream barrier on ${this.options.tableName}: its stream shows ${viewType ?? 'no'} images; a barrier needs new images`);
    }
    return { TableName: this.options.tableName, Item: markerItem(marker, token) };
  }

  private async readToMarker(token: string): Promise<void> {
    const timeoutMs = this.options.barrierTimeoutMs ?? 5_000;
    let stalledSince: number | undefined;
    // The shard list known already nearly always holds the marker's shard; only if it does not is it listed again.
    for (let pass = 0; ; pass++) {
      const handled = await this.drainOnce(pass > 0, token);
      if (this.awaited.get(token)) return;
      if (handled > 0) stalledSince = undefined;
      else if (stalledSince === undefined) stalledSince = performance.now();
      else if (performance.now() - stalledSince > timeoutMs) {
        throw new StreamBarrierError(
          `stream barrier on ${this.options.tableName}: the marker written to the table did not show in its stream within ${timeoutMs} ms ` +
            'of reading nothing new (is the stream still enabled, and is this DynamoDB Local?)',
        );
      }
      // Only reached when something is off: look again shortly rather than hammering DynamoDB Local.
      if (pass > 0 && handled === 0) await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async drainOnce(fresh: boolean, until?: string): Promise<number> {
    // The shard list changes rarely (a shard closes and a child opens): background polls and barriers look it up
    // every few seconds (a barrier again at once if its marker is not in the shards it knows), an explicit drain always.
    if (fresh || !this.shardList || Date.now() - this.shardsAt > 3_000) {
      this.shardList = orderByLineage(await this.shards());
      this.shardsAt = Date.now();
    }
    if (until !== undefined) assertOneOpenShard(this.options.tableName, this.shardList);
    let handled = 0;
    // Parents before children: a split shard's records follow its parent's.
    for (const shard of this.shardList) {
      handled += await this.drainShard(shard, until);
      // Shards after the marker's hold only records written after it.
      if (until !== undefined && this.awaited.get(until)) break;
    }
    return handled;
  }

  private async drainShard(shard: Shard, until?: string): Promise<number> {
    const { streams, checkpoints, batchSize } = this.options;
    const { arn, marker } = await this.describe();
    const shardId = shard.ShardId ?? '';
    const shardKey = `${arn}/${shardId}`;
    // Each subscription has its own place in the stream (two handlers on one table are two event source mappings);
    // a checkpoint file written before subscriptions were told apart still says where both had got to.
    const key = this.options.subscription ? `${shardKey}#${this.options.subscription}` : shardKey;
    const checkpoint = () => checkpoints.get(key) ?? checkpoints.get(shardKey);
    // Keep reading where the last poll stopped; only a fresh start (or an expired iterator) asks for a new one.
    let kept = this.iterators.get(key);
    let iterator = kept ?? (await this.iteratorFrom(shardId, checkpoint()));
    this.iterators.delete(key);
    let handled = 0;
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize })).catch((error: unknown) => {
        const name = (error as { name?: string }).name;
        // DynamoDB Local says Trimmed of a shard with no record yet; an iterator expires after 15 minutes.
        if (name === 'TrimmedDataAccessException' || name === 'ExpiredIteratorException') return undefined;
        throw error;
      });
      if (!page && kept) {
        // An iterator kept from before a fresh table's first record is refused (as Trimmed) once one is in:
        // start again from the checkpoint at once rather than at the next poll.
        kept = undefined;
        iterator = await this.iteratorFrom(shardId, checkpoint());
        continue;
      }
      if (!page) break;
      const records = page.Records ?? [];
      if (records.length === 0) {
        if (page.NextShardIterator) this.iterators.set(key, page.NextShardIterator);
        break;
      }
      // Markers never reach the handler; one counts as read only once the records before it are handled.
      const real = records.filter((r) => !isMarker(r, marker));
      if (real.length > 0) await this.deliver(real);
      for (const r of records) {
        const token = isMarker(r, marker) ? markerToken(r) : undefined;
        if (token !== undefined && this.awaited.has(token)) this.awaited.set(token, true);
      }
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) checkpoints.set(key, last);
      handled += real.length;
      this.delivered += real.length;
      iterator = page.NextShardIterator;
      // The barrier's marker is in: what follows it can wait for the next poll.
      if (until !== undefined && this.awaited.get(until)) {
        if (iterator) this.iterators.set(key, iterator);
        break;
      }
    }
    return handled;
  }

  private async iteratorFrom(shardId: string, after: string | undefined): Promise<string | undefined> {
    const { ShardIterator } = await this.options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: (await this.describe()).arn,
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
      eventSourceARN: this.stream?.arn,
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

  /** The table's stream and the key of its marker item, looked up once (and again after an error). */
  private async describe(): Promise<{ arn: string; marker: MarkerKey; viewType?: string }> {
    if (!this.stream) {
      const { Table: table } = await this.options.dynamodb.send(new DescribeTableCommand({ TableName: this.options.tableName }));
      const arn = table?.LatestStreamArn;
      if (!arn) throw new Error(`table ${this.options.tableName} has no stream`);
      this.stream = { arn, marker: markerKey(table.KeySchema ?? [], table.AttributeDefinitions ?? []), viewType: table.StreamSpecification?.StreamViewType };
    }
    return this.stream;
  }

  private async shards(): Promise<Shard[]> {
    const { arn } = await this.describe();
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.options.streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }
}

/**
 * A barrier's proof needs every record of a table in one line: DynamoDB Local keeps one open shard per stream and
 * opens its successor only when it closes it. A stream with several open shards (real DynamoDB spreads items over
 * shards) orders records per item only, and a marker would prove nothing about the other shards.
 */
function assertOneOpenShard(tableName: string, shards: Shard[]): void {
  const open = shards.filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined);
  if (open.length > 1) {
    throw new StreamBarrierError(`stream barrier on ${tableName}: the stream has ${open.length} open shards; a barrier needs DynamoDB Local's one open shard at a time`);
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
