// The contract check on small inline machines: Map states followed into their processor with one item, child
// executions checked against the child's contract, and a machine's output against its own.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WorkflowContract } from '../../../schemas/workflows/index.js';
import { checkWorkflow } from './asl-contract-check.js';

type Definition = Parameters<typeof checkWorkflow>[0];

const Vote = z.object({ verdict: z.enum(['agree', 'disagree']) });
const panel: WorkflowContract = {
  input: z.object({ panelId: z.string(), members: z.array(z.object({ memberId: z.string(), unitId: z.string() })), topic: z.string() }),
  output: z.object({ votes: z.array(Vote) }),
  tasks: { AskForVote: { payload: z.object({ waitFor: z.string(), token: z.string(), index: z.number().int() }), result: Vote } },
};

/** A panel that asks each member for a vote and keeps the votes; `change` edits the Map state. */
const panelMachine = (change: (map: Record<string, unknown>) => void = () => undefined): Definition => {
  const map: Record<string, unknown> = {
    Type: 'Map',
    ItemsPath: '$.members',
    ItemSelector: { 'panelId.$': '$.panelId', 'memberId.$': '$$.Map.Item.Value.memberId', 'index.$': '$$.Map.Item.Index' },
    MaxConcurrency: 10,
    ItemProcessor: {
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: 'Wait for the vote',
      States: {
        'Wait for the vote': {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: {
            FunctionName: '${AskForVote}',
            Payload: { 'waitFor.$': "States.Format('panel/{}/{}', $.panelId, $.memberId)", 'token.$': '$$.Task.Token', 'index.$': '$.index' },
          },
          End: true,
        },
      },
    },
    ResultPath: '$.votes',
    Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Panel failed' }],
    Next: 'Tally',
  };
  change(map);
  return {
    StartAt: 'Collect the votes',
    States: {
      'Collect the votes': map as Definition['States'][string],
      Tally: { Type: 'Pass', Parameters: { 'votes.$': '$.votes', 'first.$': '$.votes[0].verdict', 'topic.$': '$.topic' }, End: true },
      'Panel failed': { Type: 'Fail', CausePath: '$.failure.Cause' },
    },
  };
};

describe('Map states', () => {
  it('follows each item through the processor and the array of votes after it', () => {
    expect(checkWorkflow(panelMachine(), panel)).toEqual([]);
  });

  it('names the Map state when its ItemSelector reads a field the item has not', () => {
    const problems = checkWorkflow(
      panelMachine((map) => (map.ItemSelector = { 'panelId.$': '$.panelId', 'memberId.$': '$$.Map.Item.Value.member', 'index.$': '$$.Map.Item.Index' })),
      panel,
    );

    expect(problems).toEqual([
      { state: 'Collect the votes', problem: '$$.Map.Item.Value.member: $$.Map.Item.Value.member is not in the contract (it has memberId, unitId)' },
    ]);
  });

  it('names the nested state when it reads a field the ItemSelector does not build', () => {
    const problems = checkWorkflow(panelMachine((map) => (map.ItemSelector = { 'panelId.$': '$.panelId', 'index.$': '$$.Map.Item.Index' })), panel);

    expect(problems).toEqual([
      { state: 'Collect the votes/Wait for the vote', problem: '$.memberId: $.memberId is not in the contract (it has panelId, index)' },
    ]);
  });

  it('gives the processor the item itself when there is no ItemSelector', () => {
    const problems = checkWorkflow(panelMachine((map) => delete map.ItemSelector), panel);

    expect(problems).toContainEqual({
      state: 'Collect the votes/Wait for the vote',
      problem: '$.panelId: $.panelId is not in the contract (it has memberId, unitId)',
    });
  });

  it('reports a Map over something that is not an array', () => {
    const problems = checkWorkflow(panelMachine((map) => (map.ItemsPath = '$.topic')), panel);

    expect(problems).toContainEqual({ state: 'Collect the votes', problem: 'ItemsPath $.topic: is string, not an array' });
  });

  it('types the Map result as an array of what the processor ends with', () => {
    const definition = panelMachine();
    definition.States.Tally = { Type: 'Pass', Parameters: { 'first.$': '$.votes[0].decision' }, End: true };

    expect(checkWorkflow(definition, { ...panel, output: undefined })).toEqual([
      { state: 'Tally', problem: '$.votes[0].decision: $.votes[0].decision is not in the contract (it has verdict)' },
    ]);
  });

  it('reads $$.Map only in an ItemSelector', () => {
    const definition = panelMachine();
    definition.States.Tally = { Type: 'Pass', Parameters: { 'votes.$': '$.votes', 'index.$': '$$.Map.Item.Index' }, End: true };

    expect(checkWorkflow(definition, panel)).toContainEqual({
      state: 'Tally',
      problem: expect.stringMatching(/^\$\$\.Map\.Item\.Index: \$\$\.Map is not in the contract/) as unknown as string,
    });
  });

  it('follows the legacy Iterator and Parameters spelling', () => {
    const legacy = panelMachine((map) => {
      map.Parameters = map.ItemSelector;
      map.Iterator = map.ItemProcessor;
      delete map.ItemSelector;
      delete map.ItemProcessor;
    });

    expect(checkWorkflow(legacy, panel)).toEqual([]);
  });

  it('reports a nested state that neither goes on nor ends', () => {
    const problems = checkWorkflow(
      panelMachine((map) => {
        const processor = map.ItemProcessor as Definition;
        delete processor.States['Wait for the vote']?.End;
      }),
      panel,
    );

    expect(problems).toContainEqual({ state: 'Collect the votes/Wait for the vote', problem: 'has neither Next nor End' });
  });

  it('still refuses Parallel states', () => {
    const parallel: Definition = { StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: [], End: true } } };

    expect(checkWorkflow(parallel, panel)).toEqual([
      { state: 'Both', problem: 'the contract check does not follow Parallel states yet; teach it before adding one' },
    ]);
  });
});

describe('the output of a machine', () => {
  it('reports a field its contract requires that no end state outputs, and lets others ride along', () => {
    const decided = { ...panel, output: z.object({ votes: z.array(Vote), decided: z.boolean() }) };

    expect(checkWorkflow(panelMachine(), decided)).toEqual([{ state: 'Tally', problem: 'Output: the contract requires decided, which the machine does not send' }]);
  });

  it('reports an output field of another type, inside arrays too', () => {
    const counted = { ...panel, output: z.object({ votes: z.array(z.object({ verdict: z.boolean() })) }) };

    expect(checkWorkflow(panelMachine(), counted)).toEqual([{ state: 'Tally', problem: 'Output.votes[].verdict: is string, the contract wants boolean' }]);
  });
});

describe('child executions', () => {
  const review: WorkflowContract = {
    input: z.object({ ticketId: z.string(), units: z.array(z.string()) }),
    output: z.object({ phase: z.enum(['agreed', 'split']) }),
    tasks: {},
  };
  const parent: WorkflowContract = {
    input: z.object({ ticketId: z.string(), units: z.array(z.string()) }),
    output: z.object({ review: z.object({ phase: z.string() }) }),
    tasks: {},
    children: { JointReview: 'joint-review' },
  };
  const startReview = (input: Record<string, unknown>, resource = 'arn:aws:states:::states:startExecution.sync:2'): Definition => ({
    StartAt: 'Convene the panel',
    States: {
      'Convene the panel': {
        Type: 'Task',
        Resource: resource,
        Parameters: { StateMachineArn: '${JointReview}', 'Name.$': '$.ticketId', Input: input },
        ResultSelector: { 'phase.$': '$.Output.phase' },
        ResultPath: '$.review',
        End: true,
      },
    },
  });
  const fullInput = { 'ticketId.$': '$.ticketId', 'units.$': '$.units', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' };

  it("reads the child's output and checks its input", () => {
    expect(checkWorkflow(startReview(fullInput), parent, { 'joint-review': review })).toEqual([]);
  });

  it('reports an Input that misses a field the child requires', () => {
    expect(checkWorkflow(startReview({ 'ticketId.$': '$.ticketId' }), parent, { 'joint-review': review })).toEqual([
      { state: 'Convene the panel', problem: 'Input of JointReview: the contract requires units, which the machine does not send' },
    ]);
  });

  it("reports a read of an Output field the child's contract does not have", () => {
    const verdictOnly = { ...review, output: z.object({ verdict: z.string() }) };

    expect(checkWorkflow(startReview(fullInput), parent, { 'joint-review': verdictOnly })).toContainEqual({
      state: 'Convene the panel',
      problem: '$.Output.phase: $.Output.phase is not in the contract (it has verdict)',
    });
  });

  it('reports a read of the Output of a child whose contract declares none', () => {
    const silent = { ...review, output: undefined };

    expect(checkWorkflow(startReview(fullInput), parent, { 'joint-review': silent })).toContainEqual({
      state: 'Convene the panel',
      problem: '$.Output.phase: $.Output is not in the contract (the contract joint-review declares no output)',
    });
  });

  it('reads Output as a JSON string with .sync, and only the ARN without waiting', () => {
    const contracts = { 'joint-review': review };

    expect(checkWorkflow(startReview(fullInput, 'arn:aws:states:::states:startExecution.sync'), parent, contracts)).toContainEqual({
      state: 'Convene the panel',
      problem: '$.Output.phase: $.Output.phase is not in the contract (it is "string")',
    });
    expect(checkWorkflow(startReview(fullInput, 'arn:aws:states:::states:startExecution'), parent, contracts)).toContainEqual({
      state: 'Convene the panel',
      problem: '$.Output.phase: $.Output is not in the contract (it has ExecutionArn, StartDate)',
    });
  });

  it('reports a child the contract does not name, or one without a contract', () => {
    expect(checkWorkflow(startReview(fullInput), { ...parent, children: {} }, { 'joint-review': review })).toEqual([
      { state: 'Convene the panel', problem: 'starts ${JointReview}, which has no child in the contract' },
    ]);
    expect(checkWorkflow(startReview(fullInput), parent, {})).toEqual([
      { state: 'Convene the panel', problem: 'starts JointReview, whose contract joint-review is not among the workflow contracts' },
    ]);
  });
});
