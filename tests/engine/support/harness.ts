// Test harness: an engine on a virtual clock, and a helper that runs an execution to its end by skipping time.
import { VirtualClock } from '../../../local/stepfunctions/clock.js';
import { createEngine, type Engine, type EngineOptions, type ExecutionDescription } from '../../../local/stepfunctions/engine.js';

export interface TestEngine {
  engine: Engine;
  clock: VirtualClock;
}

/** An engine on a virtual clock starting at a fixed instant, with deterministic randomness by default. */
export function testEngine(options: Omit<EngineOptions, 'clock'> & { start?: string } = {}): TestEngine {
  const clock = new VirtualClock(options.start ?? '2024-01-01T00:00:00.000Z');
  const engine = createEngine({ random: () => 0.5, ...options, clock });
  return { engine, clock };
}

/** Creates a machine from a definition object (or text) and returns its ARN. */
export async function createMachine(engine: Engine, definition: unknown, name = 'test-machine'): Promise<string> {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition);
  const { stateMachineArn } = await engine.createStateMachine({ name, definition: text, roleArn: 'arn:aws:iam::123456789012:role/test' });
  return stateMachineArn;
}

/** Advances the virtual clock timer by timer until the execution leaves RUNNING (or nothing is pending). */
export async function runToEnd(t: TestEngine, executionArn: string, maxTimers = 10_000): Promise<ExecutionDescription> {
  for (let i = 0; i < maxTimers; i += 1) {
    await t.engine.idle();
    const d = await t.engine.describeExecution({ executionArn });
    if (d.status !== 'RUNNING') return d;
    if (!(await t.clock.advanceToNextTimer())) return d;
  }
  return t.engine.describeExecution({ executionArn });
}

/** Starts an execution of `definition` with `input` and runs it to the end. */
export async function runMachine(
  t: TestEngine,
  definition: unknown,
  input: unknown = {},
  name = 'test-machine',
): Promise<ExecutionDescription & { outputJson: unknown }> {
  const arn = await createMachine(t.engine, definition, name);
  const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn, input: JSON.stringify(input) });
  const d = await runToEnd(t, executionArn);
  return { ...d, outputJson: d.output === undefined ? undefined : JSON.parse(d.output) };
}

/** Event types of an execution's history, in order. */
export async function historyTypes(engine: Engine, executionArn: string): Promise<string[]> {
  const { events } = await engine.getExecutionHistory({ executionArn, maxResults: 1000 });
  return events.map((e) => e.type);
}
