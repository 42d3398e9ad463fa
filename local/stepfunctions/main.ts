// CLI entry: `npm run engine [-- --port N] [--data DIR] [--handlers MODULE]` serves the engine on 127.0.0.1.
// In memory unless --data names a folder; Lambda functions come from a module whose default export is a registry.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from './engine.js';
import { startHttpServer } from './http-server.js';
import { openJournalStore } from './store/journal-store.js';
import type { HandlerRegistry } from './tasks/task-types.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SFN_PORT ?? '8083' },
    data: { type: 'string' },
    handlers: { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number`);

const handlers = values.handlers
  ? ((await import(pathToFileURL(resolve(values.handlers)).href)) as { default: HandlerRegistry }).default
  : {};
const store = values.data ? openJournalStore(values.data) : undefined;
const engine = createEngine({ store, handlers });
await engine.resume();
const server = await startHttpServer(engine, { port, host: '127.0.0.1' });
console.log(`Step Functions engine listening on http://127.0.0.1:${server.port} (${values.data ? `data in ${values.data}` : 'in memory'})`);

const shutdown = () => {
  void server
    .close()
    .then(() => engine.shutdown())
    .then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
