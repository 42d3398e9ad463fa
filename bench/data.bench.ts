// `npm run bench:data`: DynamoDB Local writes/s through the ticket repository, and stream-to-handler latency.
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createTables } from '../adapters/dynamodb/create-tables.js';
import { DynamoTicketRepository } from '../adapters/dynamodb/ticket-repository.js';
import { tables } from '../infra/manifest.js';
import { localDynamoDbClient, startDynamoDbLocal } from '../local/dynamodb/dynamodb-local.js';
import { memoryCheckpoints } from '../local/streams/checkpoints.js';
import { StreamPoller } from '../local/streams/stream-poller.js';
import { wakeOnWrite } from '../local/streams/wake-on-write.js';
import { TicketStory, noiseComplaint } from '../tests/domain/tickets/world.js';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const ddb = await startDynamoDbLocal({ port: 8765 });
const client = localDynamoDbClient(ddb.endpoint);
const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
await createTables(client, tables, (n) => `bench-${n}`);
const repo = new DynamoTicketRepository(doc, { tickets: 'bench-Tickets', events: 'bench-TicketEvents', idempotency: 'bench-IdempotencyKeys' });
const when = new Date('2026-11-23T02:00:00Z');
const ticket = (i: number) => TicketStory.open(noiseComplaint, when, `T-${i}`);

console.log(`# Data layer benchmark (DynamoDB Local 1.25.1 in memory, node ${process.version})`);
console.log('\n## Ticket creates through the repository (ticket + first event + idempotency key, one transaction)');
for (const [label, concurrency, count] of [['sequential', 1, 1500], ['16 concurrent', 16, 4000]] as const) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const s = ticket(i + (concurrency === 1 ? 0 : 100_000));
        await repo.create(s.ticket, s.events, { key: `k-${s.ticket.id}`, owner: 'operator-1', fingerprint: 'f' });
      }
    }),
  );
  console.log(`${label.padEnd(14)}: ${fmt(count / ((performance.now() - t0) / 1000))} creates/s (${count} tickets)`);
}

console.log('\n## Stream to handler latency (write acknowledged -> handler sees the record)');
const streams = new DynamoDBStreamsClient({ endpoint: ddb.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
await createTables(client, tables, (n) => `lat-${n}`);
const written = new Map<string, number>();
const latencies: number[] = [];
const poller = new StreamPoller({
  tableName: 'lat-Tickets',
  dynamodb: client,
  streams,
  checkpoints: memoryCheckpoints(),
  batchSize: 100,
  handler: async (event) => {
    const now = performance.now();
    for (const r of event.Records) {
      const at = written.get(r.dynamodb?.Keys?.id?.S ?? '');
      if (at !== undefined) latencies.push(now - at);
    }
  },
});
poller.start();
// In the runtime, the handlers' writes wake the pollers; a write from another process waits for the idle poll.
async function streamLatency(label: string, prefix: string) {
  latencies.length = 0;
  for (let i = 0; i < 300; i++) {
    await doc.send(new PutCommand({ TableName: 'lat-Tickets', Item: { id: `${prefix}-${i}`, version: 1 } }));
    written.set(`${prefix}-${i}`, performance.now());
    await new Promise((r) => setTimeout(r, 5));
  }
  await poller.drain();
  console.log(`${label}: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms (${latencies.length} records, one write every 5 ms)`);
}
const unwake = wakeOnWrite(client, () => poller.poke());
await streamLatency('writes in the runtime process (pollers woken)', 'W');
unwake();
await streamLatency('writes from another process (idle poll)     ', 'X');
await poller.stop();
streams.destroy();
client.destroy();
await ddb.stop();
