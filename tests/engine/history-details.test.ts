// The execution history names its details as AWS's HistoryEvent does, so SDK clients and consoles read them.
import { describe, expect, it } from 'vitest';
import { createMachine, runToEnd, testEngine } from './support/harness.js';

describe('execution history', () => {
  it('puts every state type’s entered and exited details under stateEnteredEventDetails and stateExitedEventDetails', async () => {
    const t = testEngine();
    const arn = await createMachine(t.engine, {
      StartAt: 'Pick',
      States: {
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Shape' }], Default: 'Done' },
        Shape: { Type: 'Pass', Result: { shaped: 1 }, Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    });
    const { executionArn } = await t.engine.startExecution({ stateMachineArn: arn, input: '{"go":true}' });
    await runToEnd(t, executionArn);

    const { events } = await t.engine.getExecutionHistory({ executionArn });
    const entered = events.filter((e) => e.type.endsWith('StateEntered'));
    const exited = events.filter((e) => e.type.endsWith('StateExited'));

    expect(entered.map((e) => [e.type, (e as { stateEnteredEventDetails?: { name: string } }).stateEnteredEventDetails?.name])).toEqual([
      ['ChoiceStateEntered', 'Pick'],
      ['PassStateEntered', 'Shape'],
      ['SucceedStateEntered', 'Done'],
    ]);
    expect(exited.map((e) => (e as { stateExitedEventDetails?: { name: string } }).stateExitedEventDetails?.name)).toEqual(['Pick', 'Shape', 'Done']);
  });
});
