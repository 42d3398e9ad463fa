// CLI entry: `npm run engine [-- --port N]` serves an in-memory engine on 127.0.0.1 (default $SFN_PORT or 8083).
import { createEngine } from './engine.js';
import { startHttpServer } from './http-server.js';

function portFromArgs(argv: string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  const port = Number(raw ?? process.env.SFN_PORT ?? 8083);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${String(raw)}`);
  return port;
}

const engine = createEngine();
const { port, close } = await startHttpServer(engine, { port: portFromArgs(process.argv.slice(2)), host: '127.0.0.1' });
console.log(`Step Functions engine listening on http://127.0.0.1:${port}`);

const shutdown = () => {
  engine.close();
  void close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
