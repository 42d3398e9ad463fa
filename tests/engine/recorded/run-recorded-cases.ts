// `npm run test:recorded -- DIR`: every recorded AWS case in DIR on the in-memory store and on the journal store.
// Not a vitest suite: the cases live outside the repository, and `npm test` reads nothing outside it.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openJournalStore } from '../../../local/stepfunctions/store/journal-store.js';
import { loadCase, runRecordedCase, type CaseResult } from './recorded-case.js';

const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

function caseFiles(dir: string): string[] | string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `recorded cases folder not found: ${dir}`;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.length > 0 ? files : `no recorded cases (*.json) in folder: ${dir}`;
}

/** Both runs of one case; the failures of either, as printable lines. */
async function check(file: string, scratch: string): Promise<string[]> {
  const failures: string[] = [];
  const report = (store: string, r: CaseResult) => {
    if (!r.ok) failures.push(`  [${store}] ${r.problem ?? 'failed'}\n    expected: ${show(r.expected)}\n    actual:   ${show(r.actual)}`);
  };
  try {
    const c = loadCase(file);
    report('memory', await runRecordedCase(c));
    const dir = mkdtempSync(path.join(scratch, 'case-'));
    report('journal', await runRecordedCase(c, () => openJournalStore(dir), true));
  } catch (e) {
    failures.push(`  threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  return failures;
}

async function main(): Promise<number> {
  const arg = process.argv[2];
  if (arg === undefined) {
    console.error('usage: npm run test:recorded -- DIR   (a folder of recorded AWS Step Functions cases)');
    console.log('recorded: 0 passed, 0 failed');
    return 1;
  }
  const dir = path.resolve(arg);
  const files = caseFiles(dir);
  if (typeof files === 'string') {
    console.error(files);
    console.log('recorded: 0 passed, 0 failed');
    return 1;
  }

  const scratch = mkdtempSync(path.join(tmpdir(), 'casework-recorded-'));
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const failures = await check(path.join(dir, file), scratch);
      if (failures.length === 0) passed += 1;
      else {
        failed += 1;
        console.log(`FAIL ${file}\n${failures.join('\n')}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`recorded: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
