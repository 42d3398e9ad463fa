// Serves the built web app (web/dist) beside the API, as CloudFront does in AWS; unknown paths get index.html.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { HttpReply } from './proxy-event.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A GET handler for files under `dir`; undefined for other methods, API paths, or when nothing is built. */
export function staticFiles(dir: string) {
  const root = resolve(dir);
  return (method: string, path: string): HttpReply | undefined => {
    if (method !== 'GET' || path.startsWith('/v1/') || path.startsWith('/_local/') || !existsSync(root)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // Not a file's name: the app's own router answers it (its "no such page").
      decoded = '/';
    }
    const wanted = resolve(join(root, normalize(decoded)));
    // Never serve outside the folder, whatever `..` a path holds.
    const inside = wanted.startsWith(root) && existsSync(wanted) && statSync(wanted).isFile();
    const file = inside ? wanted : join(root, 'index.html');
    if (!existsSync(file)) return undefined;
    return { statusCode: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }, body: readFileSync(file) };
  };
}
