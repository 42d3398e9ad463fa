// `npm start`: the whole of Casework on this machine, from the same manifest the CDK stack deploys.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Manifest } from '../infra/manifest-types.js';
import { JavaMissingError } from './dynamodb/dynamodb-local.js';
import { demoCity } from './seed/demo-city.js';
import { DEMO_OPEN311_KEY } from './seed/demo-open311-client.js';
import { startRuntime } from './runtime/runtime.js';

const { values } = parseArgs({
  options: {
    'virtual-clock': { type: 'boolean', default: false },
    'in-memory': { type: 'boolean', default: false },
    // Another manifest module (default export or `manifest`), e.g. one that adds test fixtures.
    manifest: { type: 'string' },
  },
});
const env = process.env;
const port = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name}: "${env[name]}" is not a port number`);
  return value;
};
const virtual = values['virtual-clock'] || env.CASEWORK_CLOCK === 'virtual';
const start = env.CASEWORK_CLOCK_START ? new Date(env.CASEWORK_CLOCK_START) : new Date();
if (Number.isNaN(start.getTime())) throw new Error(`CASEWORK_CLOCK_START: "${env.CASEWORK_CLOCK_START}" is not an ISO time`);

const manifest = values.manifest
  ? ((await import(pathToFileURL(resolve(values.manifest)).href)) as { manifest: Manifest }).manifest
  : undefined;

try {
  const runtime = await startRuntime({
    manifest,
    port: port('PORT', 3000),
    sfnPort: port('SFN_PORT', 8083),
    dynamodbPort: port('DYNAMODB_PORT', 8000),
    smtpPort: port('SMTP_PORT', 2525),
    dataDir: values['in-memory'] ? undefined : (env.CASEWORK_DATA_DIR ?? '.data'),
    virtualClockStart: virtual ? start : undefined,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    // `CASEWORK_WEBHOOK_ALLOW_LOOPBACK=0 npm start` tries webhooks under the policy AWS has.
    allowWebhookLoopback: env.CASEWORK_WEBHOOK_ALLOW_LOOPBACK !== '0',
  });
  const c = runtime.config;
  console.log(`Casework is running (${virtual ? `virtual clock at ${runtime.clock.now().toISOString()}` : 'real time'}, data in ${c.dataDir ?? 'memory'})
  Web app           ${runtime.api.url}/
  API               ${runtime.api.url}            health: ${runtime.api.url}/health
  Step Functions    http://127.0.0.1:${c.sfnPort}
  DynamoDB          ${runtime.dynamodb.endpoint}${runtime.dynamodb.loopbackOnly === false ? '  (on every interface: this Java cannot run its loopback launcher)' : ''}
  SMTP (mailbox)    127.0.0.1:${runtime.smtp.port}        read it at ${runtime.api.url}/_local/mail
  Sign in           POST ${runtime.api.url}/_local/login {"user":"<id>"}
  Open311           ${runtime.api.url}/open311/v2/discovery.json   demo key: api_key=${DEMO_OPEN311_KEY}
Demo users:`);
  for (const u of demoCity.users) console.log(`  ${u.id.padEnd(26)} ${u.role.padEnd(12)} ${u.unitId ?? u.memberId ?? ''}  ${u.name}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    void runtime.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
