// The whole system on one machine: DynamoDB Local, the engine, stream pollers, the scheduler, mail and the API.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createTables } from '../../adapters/dynamodb/create-tables.js';
import { localClientConfig } from '../../adapters/local-client-config.js';
import { DirectoryRepository } from '../../adapters/dynamodb/directory-repository.js';
import { Open311ClientRepository } from '../../adapters/dynamodb/open311-client-repository.js';
import { ALLOW_LOOPBACK_ENV } from '../../adapters/webhook/target-policy.js';
import { type Manifest, stateMachineEnvName, tableEnvName } from '../../infra/manifest-types.js';
import { useClock } from '../../adapters/clock.js';
import { manifest as defaultManifest } from '../../infra/manifest.js';
import type { IncomingMessage } from 'node:http';
import { type ApiGateway, startApiGateway } from '../api-gateway/api-gateway.js';
import { staticFiles } from '../api-gateway/static-files.js';
import { createLocalIssuer } from '../auth/local-issuer.js';
import { type DynamoDbLocal, localDynamoDbClient, startDynamoDbLocal } from '../dynamodb/dynamodb-local.js';
import { type SmtpSink, startSmtpSink } from '../mail/smtp-sink.js';
import { demoCity } from '../seed/demo-city.js';
import { seedDemoOpen311Client } from '../seed/demo-open311-client.js';
import { type Clock, SystemClock, VirtualClock } from '../stepfunctions/clock.js';
import { createEngine, type Engine } from '../stepfunctions/engine.js';
import { ExecutionAlreadyExistsError } from '../stepfunctions/errors/api-errors.js';
import { startHttpServer } from '../stepfunctions/http-server.js';
import { openJournalStore } from '../stepfunctions/store/journal-store.js';
import { fileCheckpoints, memoryCheckpoints } from '../streams/checkpoints.js';
import { StreamPoller } from '../streams/stream-poller.js';
import { wakeOnWrite } from '../streams/wake-on-write.js';
import { FunctionRegistry } from './function-registry.js';
import { localEndpoints } from './local-endpoints.js';
import { Scheduler } from './scheduler.js';
import { cpuSeconds, vm } from './process-usage.js';
import { type UsageSnapshot, UsageMeter } from './usage-meter.js';
import { deployStateMachines, stateMachineArn } from './state-machines.js';

export interface RuntimeConfig {
  port: number;
  sfnPort: number;
  dynamodbPort: number;
  smtpPort: number;
  /** Folder for every part's data; everything in memory when absent. */
  dataDir?: string;
  /** Virtual time starts here (or where a previous run left it, whichever is later); real time when absent. */
  virtualClockStart?: Date;
  /** Use an existing DynamoDB instead of starting DynamoDB Local. */
  dynamodbEndpoint?: string;
  manifest?: Manifest;
  root?: string;
  /** Physical tables are `<prefix>-<name>`; two runtimes may share one DynamoDB with different prefixes. */
  tablePrefix?: string;
  /** Webhooks may go to loopback (and over plain http), for receivers on this machine; true unless false. AWS never allows it. */
  allowWebhookLoopback?: boolean;
}

export interface Runtime {
  config: RuntimeConfig;
  clock: Clock;
  engine: Engine;
  api: ApiGateway;
  smtp: SmtpSink;
  functions: FunctionRegistry;
  /** Lambda invocations, state transitions and DynamoDB request units used since the start, as AWS would bill them. */
  usage(): UsageSnapshot;
  /** The DynamoDB in use; `loopbackOnly` is false for a DynamoDB Local that listens on every interface, undefined for one not started here. */
  dynamodb: { endpoint: string; loopbackOnly?: boolean };
  /**
   * A barrier: resolves once the stream record of every DynamoDB write made before the call has been handled,
   * every execution waits or has ended, and nothing that work caused (records, executions, mail) is in flight.
   */
  idle(): Promise<void>;
  /** Moves a virtual clock forward, firing what falls due, and resolves once the system is idle. */
  advanceTo(to: Date): Promise<void>;
  stop(): Promise<void>;
}

/** Starts every part; resolves once the API answers. */
export async function startRuntime(config: RuntimeConfig): Promise<Runtime> {
  const root = resolve(config.root ?? process.cwd());
  const manifest = config.manifest ?? defaultManifest;
  const dataDir = config.dataDir ? resolve(config.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const stoppers: (() => Promise<void> | void)[] = [];
  try {
    const clock = makeClock(config.virtualClockStart, dataDir);
    // Handlers run in this process: they read the same clock as the engine that times their deadlines.
    useClock(() => clock.now());

    let dynamo: DynamoDbLocal | undefined;
    const endpoint = config.dynamodbEndpoint ?? (dynamo = await startDynamoDbLocal({ port: config.dynamodbPort, dataDir: dataDir && join(dataDir, 'dynamodb') })).endpoint;
    if (dynamo) stoppers.push(() => dynamo?.stop());
    const tableName = (logical: string) => `${config.tablePrefix ?? 'casework'}-${logical}`;
    Object.assign(process.env, {
      DYNAMODB_ENDPOINT: endpoint,
      SFN_ENDPOINT: `http://127.0.0.1:${config.sfnPort}`,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(config.smtpPort),
      WEB_BASE_URL: `http://127.0.0.1:${config.port}`,
      [ALLOW_LOOPBACK_ENV]: config.allowWebhookLoopback === false ? '0' : '1',
      ...Object.fromEntries(manifest.stateMachines.map((m) => [stateMachineEnvName(m.name), stateMachineArn(m.name)])),
      ...Object.fromEntries(manifest.tables.map((t) => [tableEnvName(t.name), tableName(t.name)])),
    });
    const client = localDynamoDbClient(endpoint);
    stoppers.push(() => client.destroy());
    await createTables(client, manifest.tables, tableName, { ttl: !(clock instanceof VirtualClock) });
    const directory = new DirectoryRepository(DynamoDBDocumentClient.from(client), tableName('Directory'));
    const units = await directory.units();
    if (units.length === 0) await directory.putReferenceData(demoCity.units, demoCity.categories, demoCity.panelMembers);
    // A data directory from before panels has its city already, but no member pool.
    else if ((await directory.panelMembers()).length === 0) await directory.putReferenceData([], [], demoCity.panelMembers);
    // On first start (or a data directory from before Open311, whose streets have no boundaries): the demo client's
    // key, so that a 311 client can be tried at once. Revoked later, it stays revoked.
    if (!units.some((u) => u.boundary)) {
      if (units.length > 0) await directory.putReferenceData(demoCity.units, [], []);
      await seedDemoOpen311Client(new Open311ClientRepository(DynamoDBDocumentClient.from(client), tableName('Directory')), clock.now());
    }

    const smtp = await startSmtpSink(config.smtpPort, () => clock.now());
    stoppers.push(() => smtp.stop());

    const meter = new UsageMeter();
    const functions = new FunctionRegistry(manifest.functions, root, (name, ms) => meter.invoked(name, ms));
    const engine = createEngine({
      clock,
      store: dataDir ? openJournalStore(join(dataDir, 'stepfunctions')) : undefined,
      handlers: functions.engineHandlers(),
      onStateEntered: (execution) => meter.stateEntered(execution),
    });
    stoppers.push(() => engine.shutdown());
    await deployStateMachines(engine, manifest.stateMachines, root, tableName);
    await engine.resume();
    const sfnServer = await startHttpServer(engine, { port: config.sfnPort, host: '127.0.0.1' });
    stoppers.push(() => sfnServer.close());

    const streamsClient = new DynamoDBStreamsClient(localClientConfig(endpoint));
    stoppers.push(() => streamsClient.destroy());
    const checkpoints = dataDir ? fileCheckpoints(join(dataDir, 'stream-checkpoints.json')) : memoryCheckpoints();
    const pollers = manifest.streams.map(
      (s) =>
        new StreamPoller({
          tableName: tableName(s.table),
          subscription: s.function,
          dynamodb: client,
          streams: streamsClient,
          checkpoints,
          batchSize: s.batchSize,
          handler: (event: DynamoDBStreamEvent) => functions.invoke(s.function, event),
          onBatchFailed: (_event, error) => console.error(`stream ${s.table} -> ${s.function}: batch set aside after retries:`, error),
        }),
    );
    for (const p of pollers) p.start();
    // The handlers' own client (loaded now that the endpoints are set): their writes wake the pollers.
    const { dynamodb: handlersClient } = await import('../../adapters/clients.js');
    stoppers.push(meter.meter(handlersClient));
    stoppers.push(
      wakeOnWrite(handlersClient, (tables) => {
        for (const p of pollers) if (tables.includes(p.tableName)) p.poke();
      }),
    );
    stoppers.push(() => Promise.all(pollers.map((p) => p.stop())).then(() => undefined));

    const scheduler = new Scheduler(manifest.schedules, clock.now(), async (spec, at) => {
      if (!('stateMachine' in spec.target)) {
        await functions.invoke(spec.target.function, { time: at.toISOString(), ...spec.input });
        return;
      }
      // Named by schedule and fire time, so a fire repeated after a restart starts nothing twice. A process killed after
      // a fire but before it saved the clock fires it again on restart: the execution, still running or already
      // ended, is that fire's, and there is nothing left to do.
      const name = `${spec.name}-${at.toISOString().replace(/[:.]/g, '-')}`;
      try {
        await engine.startExecution({ stateMachineArn: stateMachineArn(spec.target.stateMachine), name, input: JSON.stringify({ time: at.toISOString(), ...spec.input }) });
      } catch (error) {
        if (!(error instanceof ExecutionAlreadyExistsError)) throw error;
      }
    });
    stoppers.push(() => scheduler.stop());

    // Idle is a fixpoint reached in rounds: run the engine until every execution waits or has ended, let every
    // handler call finish, pass a barrier through every stream (so each write made so far, by anyone, has been
    // handled) and let mail land. A round in which no handler call started or ended and no stream record was
    // handled changed nothing, so nothing it could have caused is still on its way; any other round is repeated.
    const activity = () => functions.activity + pollers.reduce((n, p) => n + p.handled, 0);
    const idle = async () => {
      for (;;) {
        const before = activity();
        await engine.idle();
        await functions.settled();
        await StreamPoller.barrierAll(pollers);
        await smtp.settled();
        if (activity() === before) return;
      }
    };
    if (clock instanceof VirtualClock) clock.attach({ nextDueAt: () => scheduler.nextDueAt(), fireDue: (now) => scheduler.fireDue(now), idle });
    else scheduler.runOnRealClock(() => clock.now());

    const issuer = await createLocalIssuer(dataDir && join(dataDir, 'local-jwt-key.json'));
    const advanceTo = async (to: Date) => {
      if (!(clock instanceof VirtualClock)) throw new Error('the clock is real time');
      // The clock's move ends idle: it waits on this runtime's idle() after the last thing it fired.
      await clock.advanceTo(to);
      if (dataDir) writeFileSync(join(dataDir, 'clock.json'), JSON.stringify({ now: clock.now().toISOString() }));
    };
    const api = await startApiGateway({
      port: config.port,
      routes: manifest.routes,
      now: () => clock.now(),
      invoke: (name, event) => functions.invoke(name, event),
      verify: async (token) => (await issuer.verify(token, clock.now())) as Record<string, string>,
      fallback: withWebApp(staticFiles(join(root, 'web', 'dist')), localEndpoints({
        clock: { kind: clock instanceof VirtualClock ? 'virtual' : 'real', now: () => clock.now(), advanceTo },
        users: demoCity.users,
        login: (user) => issuer.issue(user, clock.now()),
        mail: () => smtp.messages(),
        usage: () => ({
          ...meter.snapshot(),
          peakMemoryBytes: { runtime: vm(process.pid, 'VmHWM'), dynamodbLocal: dynamo?.pid && vm(dynamo.pid, 'VmHWM') },
          cpuSeconds: { runtime: cpuSeconds(process.pid), dynamodbLocal: dynamo?.pid && cpuSeconds(dynamo.pid) },
        }),
        health: async () => ({
          api: { status: 'ok' },
          dynamodb: { status: 'ok', endpoint },
          stepfunctions: { status: 'ok', endpoint: `http://127.0.0.1:${sfnServer.port}`, stateMachines: manifest.stateMachines.length },
          streams: { status: pollers.every((p) => p.failedBatches.length === 0) ? 'ok' : 'degraded', pollers: pollers.length },
          scheduler: { status: 'ok', schedules: manifest.schedules.length, next: scheduler.nextDueAt()?.toISOString() ?? null },
          mail: { status: 'ok', port: smtp.port, messages: smtp.messages().length },
          clock: { status: 'ok', kind: clock instanceof VirtualClock ? 'virtual' : 'real', now: clock.now().toISOString() },
        }),
      })),
    });
    stoppers.push(() => api.stop());

    return {
      config,
      clock,
      engine,
      api,
      smtp,
      functions,
      usage: () => meter.snapshot(),
      dynamodb: { endpoint, loopbackOnly: dynamo?.loopbackOnly },
      idle,
      advanceTo,
      stop: () => stopAll(stoppers),
    };
  } catch (error) {
    await stopAll(stoppers);
    throw error;
  }
}

/** Local endpoints first, then the web app's files. */
function withWebApp(files: ReturnType<typeof staticFiles>, endpoints: ReturnType<typeof localEndpoints>) {
  return async (req: IncomingMessage, url: URL, body: Buffer) => (await endpoints(req, url, body)) ?? files(req.method ?? 'GET', url.pathname);
}

function makeClock(virtualStart: Date | undefined, dataDir: string | undefined): Clock {
  if (!virtualStart) return new SystemClock();
  const file = dataDir && join(dataDir, 'clock.json');
  const saved = file && existsSync(file) ? new Date((JSON.parse(readFileSync(file, 'utf8')) as { now: string }).now) : undefined;
  // A virtual clock never moves backwards, not even across restarts.
  return new VirtualClock(saved && saved > virtualStart ? saved : virtualStart);
}

async function stopAll(stoppers: (() => Promise<void> | void)[]): Promise<void> {
  for (const stop of stoppers.reverse()) {
    try {
      await stop();
    } catch (error) {
      console.error('while stopping:', error);
    }
  }
}
