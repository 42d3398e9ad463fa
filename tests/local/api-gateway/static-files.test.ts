import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticFiles } from '../../../local/api-gateway/static-files.js';

describe('the web app beside the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casework-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Casework</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  const serve = staticFiles(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files with their content type', () => {
    const reply = serve('GET', '/assets/app.js');
    expect(reply?.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply?.body.toString()).toBe('console.log(1)');
  });

  it('answers a page route of the app with index.html', () => {
    expect(serve('GET', '/tickets/T-1')?.body.toString()).toContain('<title>Casework</title>');
  });

  it('never reads outside its folder and leaves the API alone', () => {
    expect(serve('GET', '/../../../../etc/passwd')?.body.toString()).toContain('<title>Casework</title>');
    expect(serve('GET', '/v1/tickets')).toBeUndefined();
    expect(serve('POST', '/index.html')).toBeUndefined();
  });

  it('serves nothing when the app is not built', () => {
    expect(staticFiles(join(dir, 'missing'))('GET', '/')).toBeUndefined();
  });
});
