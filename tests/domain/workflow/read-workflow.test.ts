// The lifecycle graph and the path an execution took, read from a definition and a history shaped as AWS records them.
import { describe, expect, it } from 'vitest';
import type { ExecutionSummary, Executions } from '../../../domain/ports/executions.js';
import { currentState, executionPath, startedChildren, type HistoryEvent } from '../../../domain/workflow/execution-path.js';
import { readWorkflow } from '../../../domain/workflow/read-workflow.js';
import { ruleLabel, stateMachineGraph, type AslDefinition } from '../../../domain/workflow/state-machine-graph.js';

const machineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:casework-ticket-lifecycle';
const reviewMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:casework-joint-review';
const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:casework-ticket-lifecycle:T1';
const reviewArn = 'arn:aws:states:us-east-1:123456789012:execution:casework-joint-review:T1-review-5';

const lifecycle: AslDefinition = {
  StartAt: 'Dispatch',
  States: {
    Dispatch: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Next: 'Route',
      Catch: [{ ErrorEquals: ['States.Timeout', 'States.TaskFailed'], Next: 'Escalate' }],
    },
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.phase', StringEquals: 'at-unit', Next: 'Wait for the unit' },
        { Variable: '$.phase', StringEquals: 'in-review', Next: 'Review' },
        { Comment: 'every vote is in', Variable: '$.votes', IsPresent: true, Next: 'Collect' },
      ],
      Default: 'Done',
    },
    'Wait for the unit': { Type: 'Task', Comment: '承办单位', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Next: 'Route' },
    Escalate: { Type: 'Pass', Next: 'Route' },
    Review: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Next: 'Route' },
    Collect: {
      Type: 'Map',
      ItemProcessor: { StartAt: 'Vote', States: { Vote: { Type: 'Pass', End: true } } },
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

const review: AslDefinition = {
  StartAt: 'Convene',
  States: { Convene: { Type: 'Pass', Next: 'Tally' }, Tally: { Type: 'Pass', End: true } },
};

// Monday 23 November 2026, 11:00 in Shanghai, plus seconds.
const t = (s: number) => new Date(Date.UTC(2026, 10, 23, 3, 0, s));
const entered = (type: string, name: string, s: number): HistoryEvent => ({ type: `${type}StateEntered`, timestamp: t(s), stateEnteredEventDetails: { name } });
const exited = (type: string, name: string, s: number): HistoryEvent => ({ type: `${type}StateExited`, timestamp: t(s), stateExitedEventDetails: { name } });
const startReview = { resourceType: 'states', resource: 'startExecution.sync:2' };
const scheduledReview: HistoryEvent = {
  type: 'TaskScheduled',
  timestamp: t(31),
  taskScheduledEventDetails: { ...startReview, parameters: JSON.stringify({ StateMachineArn: reviewMachineArn, Name: 'T1-review-5', Input: { ticketId: 'T1' } }) },
};

/** A ticket dispatched, waited on at its unit, referred to a joint review, then its votes collected: as GetExecutionHistory lists it. */
const history: HistoryEvent[] = [
  { type: 'ExecutionStarted', timestamp: t(0) },
  entered('Task', 'Dispatch', 0),
  { type: 'TaskScheduled', timestamp: t(0), taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', parameters: '{}' } },
  { type: 'TaskSucceeded', timestamp: t(1), taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke', output: '{"Payload":{}}' } },
  exited('Task', 'Dispatch', 1),
  entered('Choice', 'Route', 1),
  exited('Choice', 'Route', 1),
  entered('Task', 'Wait for the unit', 1),
  exited('Task', 'Wait for the unit', 30),
  entered('Choice', 'Route', 30),
  exited('Choice', 'Route', 30),
  entered('Task', 'Review', 31),
  scheduledReview,
  { type: 'TaskStarted', timestamp: t(31) },
  { type: 'TaskSubmitted', timestamp: t(31), taskSubmittedEventDetails: { ...startReview, output: JSON.stringify({ ExecutionArn: reviewArn, StartDate: t(31) }) } },
  { type: 'TaskSucceeded', timestamp: t(50), taskSucceededEventDetails: { ...startReview, output: JSON.stringify({ ExecutionArn: reviewArn, Output: { phase: 'closed' } }) } },
  exited('Task', 'Review', 50),
  entered('Choice', 'Route', 50),
  exited('Choice', 'Route', 50),
  entered('Map', 'Collect', 51),
  { type: 'MapStateStarted', timestamp: t(51) },
  { type: 'MapIterationStarted', timestamp: t(51) },
  entered('Pass', 'Vote', 51),
  exited('Pass', 'Vote', 51),
  { type: 'MapIterationSucceeded', timestamp: t(51) },
  { type: 'MapStateSucceeded', timestamp: t(51) },
  exited('Map', 'Collect', 52),
  entered('Succeed', 'Done', 52),
  exited('Succeed', 'Done', 52),
  { type: 'ExecutionSucceeded', timestamp: t(52) },
];

describe('the graph of a state machine', () => {
  it('draws the top-level states, a Map as one node, with where an execution may end', () => {
    const graph = stateMachineGraph(lifecycle);

    expect(graph.startAt).toBe('Dispatch');
    expect(graph.states.map((s) => [s.name, s.type, s.end])).toEqual([
      ['Dispatch', 'Task', false],
      ['Route', 'Choice', false],
      ['Wait for the unit', 'Task', false],
      ['Escalate', 'Pass', false],
      ['Review', 'Task', false],
      ['Collect', 'Map', false],
      ['Done', 'Succeed', true],
    ]);
    expect(graph.states.find((s) => s.name === 'Wait for the unit')?.comment).toBe('承办单位');
  });

  it('joins them by Next, each choice rule, the Default and each Catch, labelled', () => {
    const { edges } = stateMachineGraph(lifecycle);

    expect(edges).toEqual([
      { from: 'Dispatch', to: 'Route', kind: 'next' },
      { from: 'Dispatch', to: 'Escalate', kind: 'catch', label: 'States.Timeout, States.TaskFailed' },
      { from: 'Route', to: 'Wait for the unit', kind: 'choice', label: '$.phase = "at-unit"' },
      { from: 'Route', to: 'Review', kind: 'choice', label: '$.phase = "in-review"' },
      { from: 'Route', to: 'Collect', kind: 'choice', label: 'every vote is in' },
      { from: 'Route', to: 'Done', kind: 'default' },
      { from: 'Wait for the unit', to: 'Route', kind: 'next' },
      { from: 'Escalate', to: 'Route', kind: 'next' },
      { from: 'Review', to: 'Route', kind: 'next' },
      { from: 'Collect', to: 'Done', kind: 'next' },
    ]);
  });

  it('says a choice rule in a few words, compound rules and JSONata conditions included', () => {
    expect(ruleLabel({ Variable: '$.level', NumericGreaterThanEquals: 3 })).toBe('$.level >= 3');
    expect(ruleLabel({ Variable: '$.due', TimestampLessThanPath: '$.now' })).toBe('$.due < $.now');
    expect(ruleLabel({ Variable: '$.reply', IsPresent: false })).toBe('$.reply is absent');
    expect(ruleLabel({ Variable: '$.unit', StringMatches: 's-*' })).toBe('$.unit matches "s-*"');
    expect(
      ruleLabel({ And: [{ Variable: '$.late', BooleanEquals: true }, { Or: [{ Variable: '$.a', IsNull: true }, { Not: { Variable: '$.b', NumericLessThan: 2 } }] }] }),
    ).toBe('$.late = true and ($.a is null or not ($.b < 2))');
    expect(ruleLabel({ Condition: '{% $states.input.level > 2 %}' })).toBe('$states.input.level > 2');
  });
});

describe('the path an execution took', () => {
  it('lists the top-level states in the order entered, each time entered, with when it was left', () => {
    const path = executionPath(history, new Set(Object.keys(lifecycle.States)));

    expect(path.map((s) => s.state)).toEqual(['Dispatch', 'Route', 'Wait for the unit', 'Route', 'Review', 'Route', 'Collect', 'Done']);
    expect(path[2]).toEqual({ state: 'Wait for the unit', enteredAt: '2026-11-23T03:00:01.000Z', exitedAt: '2026-11-23T03:00:30.000Z' });
    expect(path.every((s) => s.exitedAt !== undefined)).toBe(true);
  });

  it('leaves the state a running execution waits in open: that is where it is now', () => {
    const running = history.slice(0, history.indexOf(scheduledReview) + 1);

    const path = executionPath(running, new Set(Object.keys(lifecycle.States)));

    expect(path.at(-1)).toEqual({ state: 'Review', enteredAt: '2026-11-23T03:00:31.000Z' });
    expect(currentState(path)).toBe('Review');
    expect(currentState(executionPath(history, new Set(Object.keys(lifecycle.States))))).toBeUndefined();
  });

  it('finds the child executions its startExecution tasks started, once each, with the state that started them', () => {
    expect(startedChildren(history)).toEqual([{ executionArn: reviewArn, startedBy: 'Review' }]);
  });

  it("names a child from the task's parameters until its ARN is reported, and a failed child from the failure's cause", () => {
    const running = history.slice(0, history.indexOf(scheduledReview) + 1);
    const failedArn = reviewArn.replace('review-5', 'review-9');
    const failed: HistoryEvent[] = [
      entered('Task', 'Review', 60),
      { type: 'TaskScheduled', timestamp: t(60), taskScheduledEventDetails: { ...startReview, parameters: JSON.stringify({ StateMachineArn: reviewMachineArn }) } },
      { type: 'TaskFailed', timestamp: t(61), taskFailedEventDetails: { ...startReview, cause: JSON.stringify({ ExecutionArn: failedArn, Status: 'FAILED' }) } },
    ];

    expect(startedChildren(running)).toEqual([{ executionArn: reviewArn, startedBy: 'Review' }]);
    expect(startedChildren([...history, ...failed]).map((c) => c.executionArn)).toEqual([reviewArn, failedArn]);
  });
});

/** Executions held in memory, as the engine would answer for them. */
class InMemoryExecutions implements Executions {
  constructor(
    private readonly executions: Record<string, { summary: ExecutionSummary; events: HistoryEvent[] }>,
    private readonly machines: Record<string, AslDefinition>,
  ) {}
  async describe(arn: string) {
    return this.executions[arn]?.summary;
  }
  async history(arn: string) {
    const found = this.executions[arn];
    if (!found) throw new Error(`no execution ${arn}`);
    return found.events;
  }
  async definition(arn: string) {
    const found = this.machines[arn];
    if (!found) throw new Error(`no machine ${arn}`);
    return found;
  }
}

describe('reading a ticket’s workflow', () => {
  const names = new Map([
    [machineArn, 'ticket-lifecycle'],
    [reviewMachineArn, 'joint-review'],
  ]);
  const reviewEvents: HistoryEvent[] = [entered('Pass', 'Convene', 31), exited('Pass', 'Convene', 32), entered('Pass', 'Tally', 49), exited('Pass', 'Tally', 50)];

  it('answers the graph, the path, where it is now and the joint review it ran, by the manifest’s names', async () => {
    const running = history.slice(0, history.indexOf(scheduledReview) + 1);
    const executions = new InMemoryExecutions(
      {
        [executionArn]: { summary: { stateMachineArn: machineArn, status: 'RUNNING', definition: lifecycle }, events: running },
        [reviewArn]: { summary: { stateMachineArn: reviewMachineArn, status: 'RUNNING', definition: review }, events: reviewEvents.slice(0, 3) },
      },
      {},
    );

    const workflow = await readWorkflow(executions, { stateMachineArn: machineArn, executionArn }, names);

    expect(workflow).toMatchObject({ stateMachine: 'ticket-lifecycle', status: 'RUNNING', startAt: 'Dispatch', current: 'Review' });
    expect(workflow.states).toHaveLength(7);
    expect(workflow.path.map((s) => s.state)).toEqual(['Dispatch', 'Route', 'Wait for the unit', 'Route', 'Review']);
    expect(workflow.children).toEqual([
      {
        stateMachine: 'joint-review',
        name: 'T1-review-5',
        startedBy: 'Review',
        status: 'RUNNING',
        path: [
          { state: 'Convene', enteredAt: '2026-11-23T03:00:31.000Z', exitedAt: '2026-11-23T03:00:32.000Z' },
          { state: 'Tally', enteredAt: '2026-11-23T03:00:49.000Z' },
        ],
        current: 'Tally',
      },
    ]);
  });

  it('has no current state once the execution ended', async () => {
    const executions = new InMemoryExecutions(
      {
        [executionArn]: { summary: { stateMachineArn: machineArn, status: 'SUCCEEDED', definition: lifecycle }, events: history },
        [reviewArn]: { summary: { stateMachineArn: reviewMachineArn, status: 'SUCCEEDED', definition: review }, events: reviewEvents },
      },
      {},
    );

    const workflow = await readWorkflow(executions, { stateMachineArn: machineArn, executionArn }, names);

    expect(workflow.status).toBe('SUCCEEDED');
    expect(workflow).not.toHaveProperty('current');
    expect(workflow.path.at(-1)?.state).toBe('Done');
    expect(workflow.children.map((c) => [c.status, c.path.length])).toEqual([['SUCCEEDED', 2]]);
  });

  it('answers NOT_STARTED with the machine’s graph and an empty path before the execution starts', async () => {
    const executions = new InMemoryExecutions({}, { [machineArn]: lifecycle });

    const workflow = await readWorkflow(executions, { stateMachineArn: machineArn, executionArn }, names);

    expect(workflow).toMatchObject({ stateMachine: 'ticket-lifecycle', status: 'NOT_STARTED', startAt: 'Dispatch', path: [], children: [] });
    expect(workflow.edges.length).toBeGreaterThan(0);
  });

  it('calls a machine the manifest does not name by the name in its ARN, and leaves out a child that cannot be found', async () => {
    const failed: HistoryEvent[] = [
      entered('Task', 'Review', 60),
      { type: 'TaskScheduled', timestamp: t(60), taskScheduledEventDetails: { ...startReview, parameters: JSON.stringify({ StateMachineArn: reviewMachineArn, Name: 'gone' }) } },
    ];
    const executions = new InMemoryExecutions(
      {
        [executionArn]: { summary: { stateMachineArn: machineArn, status: 'RUNNING', definition: lifecycle }, events: [...history.slice(0, -1), ...failed] },
        [reviewArn]: { summary: { stateMachineArn: reviewMachineArn, status: 'SUCCEEDED', definition: review }, events: reviewEvents },
      },
      {},
    );

    const workflow = await readWorkflow(executions, { stateMachineArn: machineArn, executionArn }, new Map());

    expect(workflow.stateMachine).toBe('casework-ticket-lifecycle');
    expect(workflow.children.map((c) => [c.stateMachine, c.name])).toEqual([['casework-joint-review', 'T1-review-5']]);
  });
});
