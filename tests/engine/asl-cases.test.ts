// Every recorded case in shared/asl-cases runs on the engine and must match AWS's recorded result.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('recorded AWS Step Functions cases', () => {
  afterAll(() => {
    console.log(`asl-cases: ${results.passed} passed, ${results.failed.length} failed of ${files.length}`);
    if (results.failed.length > 0) console.log(`failing: ${results.failed.join(', ')}`);
  });

  it.each(files)('%s', async (file) => {
    const c = JSON.parse(readFileSync(path.join(casesDir, file), 'utf8')) as AslCase;
    const t = testEngine({ start: '2024-06-01T12:00:00.000Z' });
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
    const ok = same(expected, actual, c);
    if (ok) results.passed += 1;
    else results.failed.push(`${file} (got ${JSON.stringify(actual)})`);
    expect(ok ? expected : actual).toEqual(expected);
  });
});
