// One recorded AWS case (format: see the cases folder's README): runs it on a store and compares with AWS's result.
import { readFileSync } from 'node:fs';
import { createEngine, type ExecutionDescription } from '../../../local/stepfunctions/engine.js';
import type { Store } from '../../../local/stepfunctions/store/store.js';
import { createMachine, runToEnd, testEngine } from '../support/harness.js';
import { deepEqualJson, matchesShape, maybeJson, substituteNow } from '../support/compare.js';

export interface RecordedCase {
  id: string;
  definition: unknown;
  input?: unknown;
  inputText?: string;
  expect: { status: string; output?: unknown; error?: string; cause?: string };
  compare: 'exact' | 'shape';
  placeholders?: string[];
  dynamicInput?: unknown;
}

export interface CaseResult {
  ok: boolean;
  /** What went wrong when `ok` is false: a result mismatch, or a read-back difference after reopening. */
  problem?: string;
  expected: unknown;
  actual: unknown;
}

export function loadCase(file: string): RecordedCase {
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedCase;
}

function same(expected: unknown, actual: unknown, c: RecordedCase): boolean {
  return c.compare === 'shape' ? matchesShape(expected, actual, c.placeholders ?? []) : deepEqualJson(expected, actual);
}

/**
 * Runs the case on the store `open()` gives (the in-memory store when absent). With `reopen`, a fresh engine
 * over a second `open()` of the same data must describe the execution exactly as the first one did.
 */
export async function runRecordedCase(c: RecordedCase, open?: () => Store, reopen = false): Promise<CaseResult> {
  // The instant the cases have always been replayed at; `dynamicInput` is relative to it.
  const t = testEngine({ start: '2024-06-01T12:00:00.000Z', store: open?.() });
  let run: { executionArn: string; description: ExecutionDescription };
  try {
    const machineArn = await createMachine(t.engine, c.definition, 'case-machine');
    let input = c.inputText ?? JSON.stringify(c.input ?? {});
    if (c.dynamicInput) input = substituteNow(input, t.clock.now());
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: machineArn, input });
    run = { executionArn, description: await runToEnd(t, executionArn) };
  } finally {
    await t.engine.shutdown();
  }

  const d = run.description;
  const actual: Record<string, unknown> = { status: d.status };
  if (c.expect.status === 'SUCCEEDED') actual.output = d.output === undefined ? undefined : JSON.parse(d.output);
  else {
    actual.error = d.error;
    if ('cause' in c.expect) actual.cause = d.cause === undefined ? undefined : maybeJson(d.cause);
  }
  const expected: Record<string, unknown> = { ...c.expect };
  if (typeof expected.cause === 'string') expected.cause = maybeJson(expected.cause);
  if (!same(expected, actual, c)) return { ok: false, problem: 'result differs from AWS', expected, actual };
  if (!reopen || !open) return { ok: true, expected, actual };

  const reopened = createEngine({ store: open() });
  try {
    const { redriveCount: _a, ...persisted } = await reopened.describeExecution({ executionArn: run.executionArn });
    const { redriveCount: _b, ...original } = d;
    // Dates compare as their ISO text; fields left undefined compare as absent.
    const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    if (!deepEqualJson(asJson(original), asJson(persisted))) {
      return { ok: false, problem: 'read back after reopening differs from the run', expected: original, actual: persisted };
    }
  } finally {
    await reopened.shutdown();
  }
  return { ok: true, expected, actual };
}
