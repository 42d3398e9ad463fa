// Every recorded case in shared/asl-cases runs on the engine and must match AWS's recorded result.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../local/stepfunctions/engine.js';
import { openJournalStore } from '../../local/stepfunctions/store/journal-store.js';
import type { Store } from '../../local/stepfunctions/store/store.js';
import { createMachine, runToEnd, testEngine } from './support/harness.js';
import { deepEqualJson, matchesShape, maybeJson, substituteNow } from './support/compare.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const casesDir = path.resolve(repoRoot, '../shared/asl-cases');

interface AslCase {
  id: string;
  definition: unknown;
  input?: unknown;
  inputText?: string;
  expect: { status: string; output?: unknown; error?: string; cause?: string };
  compare: 'exact' | 'shape';
  placeholders?: string[];
  dynamicInput?: unknown;
}

const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const results = { passed: 0, failed: [] as string[] };

function same(expected: unknown, actual: unknown, c: AslCase): boolean {
  return c.compare === 'shape' ? matchesShape(expected, actual, c.placeholders ?? []) : deepEqualJson(expected, actual);
}

async function runCase(file: string, store?: () => Store) {
  const c = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as AslCase;
  const t = testEngine({ start: '2024-06-01T12:00:00.000Z', store: store?.() });
  const machineArn = await createMachine(t.engine, c.definition, 'case-machine');
  let input = c.inputText ?? JSON.stringify(c.input ?? {});
  if (c.dynamicInput) input = substituteNow(input, t.clock.now());
  const { executionArn } = await t.engine.startExecution({ stateMachineArn: machineArn, input });
  const d = await runToEnd(t, executionArn);

  const actual: Record<string, unknown> = { status: d.status };
  if (c.expect.status === 'SUCCEEDED') actual.output = d.output === undefined ? undefined : JSON.parse(d.output);
  else {
    actual.error = d.error;
    if ('cause' in c.expect) actual.cause = d.cause === undefined ? undefined : maybeJson(d.cause);
  }
  const expected: Record<string, unknown> = { ...c.expect };
  if (typeof expected.cause === 'string') expected.cause = maybeJson(expected.cause);
  return { ok: same(expected, actual, c), expected, actual, executionArn, description: d };
}

describe('recorded AWS Step Functions cases', () => {
  afterAll(() => {
    console.log(`asl-cases: ${results.passed} passed, ${results.failed.length} failed of ${files.length}`);
    if (results.failed.length > 0) console.log(`failing: ${results.failed.join(', ')}`);
  });

  it.each(files)('%s', async (file) => {
    const { ok, expected, actual } = await runCase(file);
    if (ok) results.passed += 1;
    else results.failed.push(`${file} (got ${JSON.stringify(actual)})`);
    expect(ok ? expected : actual).toEqual(expected);
  });
});

describe('recorded cases on the durable journal store, read back after a restart', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'casework-cases-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it.each(files)('%s', async (file) => {
    const dir = mkdtempSync(path.join(parent, 'case-'));
    const { ok, expected, actual, executionArn, description } = await runCase(file, () => openJournalStore(dir));
    expect(ok ? expected : actual).toEqual(expected);

    const reopened = createEngine({ store: openJournalStore(dir) });
    const { redriveCount: _a, ...persisted } = await reopened.describeExecution({ executionArn });
    const { redriveCount: _b, outputJson: _c, ...original } = description as typeof description & { outputJson?: unknown };
    expect(persisted).toEqual(original);
  });
});
