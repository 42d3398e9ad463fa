// Programmatic facade of the embedded Step Functions engine: the API actions, over a Store, a Clock and handlers.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SCOPE, executionArn as makeExecutionArn, isValidName, parseExecutionArn, parseStateMachineArn, stateMachineArn as makeMachineArn } from './arn.js';
import { isAttachableClock, SystemClock, type Clock } from './clock.js';
import {
  ExecutionAlreadyExistsError,
  ExecutionDoesNotExistError,
  InvalidDefinitionError,
  InvalidExecutionInputError,
  InvalidNameError,
  InvalidOutputError,
  InvalidTokenError,
  SfnApiError,
  StateMachineAlreadyExistsError,
  StateMachineDoesNotExistError,
  TaskDoesNotExistError,
  TaskTimedOutError,
} from './errors/api-errors.js';
import { invalidDefinitionMessage, validateDefinition, type Diagnostic } from './definition/validate.js';
import { resolveJsonTexts, type Json } from './json.js';
import type { ExecutionRecord, ExecutionStatus, StateMachineRecord } from './model.js';
import { JsonataEvaluator } from './query/jsonata-evaluator.js';
import { JsonPathEvaluator } from './query/jsonpath-evaluator.js';
import { Executor } from './runtime/executor.js';
import { Runner } from './runtime/runner.js';
import { MemoryStore } from './store/memory-store.js';
import { type ExecutionSummary, type Store, summarize } from './store/store.js';
import { callHandler } from './tasks/lambda.js';
import type { ChildExecutionDescription, DynamoDbFactory, DynamoDbPort, HandlerRegistry, TaskOutcome, TaskServices } from './tasks/task-types.js';

export interface EngineOptions {
  clock?: Clock;
  store?: Store;
  handlers?: HandlerRegistry;
  dynamodb?: DynamoDbFactory;
  /** Uniform random source in [0, 1): retry jitter and States.MathRandom. */
  random?: () => number;
  region?: string;
  accountId?: string;
  /** Called with the execution each time one of its states is entered (a billed state transition). */
  onStateEntered?(execution: { stateMachineArn: string; name: string }): void;
}

export interface StateMachineSummary {
  stateMachineArn: string;
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  creationDate: Date;
}

export interface ExecutionDescription extends ExecutionListItem {
  input: string;
  inputDetails: { included: boolean };
  output?: string;
  outputDetails?: { included: boolean };
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveStatus: 'NOT_REDRIVABLE';
}

export interface ExecutionListItem {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
}

export interface EngineHistoryEvent {
  timestamp: Date;
  type: string;
  id: number;
  previousEventId: number;
  [details: string]: unknown;
}

const TOKEN_PATTERN = /^AAAA[A-Za-z0-9_-]{20,}$/;

function page<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    start = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw new SfnApiError('InvalidToken', `Invalid Token: '${nextToken}'`);
  }
  const size = maxResults && maxResults > 0 ? Math.min(maxResults, 1000) : 100;
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return end < items.length ? { items: slice, nextToken: Buffer.from(String(end), 'utf8').toString('base64url') } : { items: slice };
}

/** An execution as ListExecutions shows it (DescribeExecution adds to it). */
function listItem(s: ExecutionSummary): ExecutionListItem {
  return {
    executionArn: s.executionArn,
    stateMachineArn: s.stateMachineArn,
    name: s.name,
    status: s.status,
    startDate: new Date(s.startDate),
    ...(s.stopDate ? { stopDate: new Date(s.stopDate) } : {}),
  };
}

/** The engine: API actions mirroring AWS Step Functions, run on the given clock and store. */
export class Engine {
  readonly clock: Clock;
  readonly store: Store;
  private readonly runner: Runner;
  private readonly region: string;
  private readonly accountId: string;
  private readonly handlers: HandlerRegistry;
  private readonly dynamodbFactory: DynamoDbFactory | undefined;
  private dynamodbPort: DynamoDbPort | undefined;
  private services: TaskServices | undefined;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? new SystemClock();
    this.store = options.store ?? new MemoryStore();
    this.handlers = options.handlers ?? {};
    this.dynamodbFactory = options.dynamodb;
    this.region = options.region ?? DEFAULT_SCOPE.region;
    this.accountId = options.accountId ?? DEFAULT_SCOPE.accountId;
    const random = options.random ?? Math.random;
    const intrinsics = { random, uuid: () => randomUUID() };
    const executor = new Executor({
      evaluators: { JSONPath: new JsonPathEvaluator(intrinsics), JSONata: new JsonataEvaluator(intrinsics) },
      random,
      newToken: () => `AAAA${Buffer.from(randomUUID() + randomUUID(), 'utf8').toString('base64url')}`,
      taskServices: () => (this.services ??= this.taskServices()),
      onStateEntered: options.onStateEntered,
    });
    const attachable = isAttachableClock(this.clock);
    this.runner = new Runner(this.store, this.clock, executor, !attachable);
    if (isAttachableClock(this.clock)) this.clock.attach(this.runner);
  }

  /**
   * Resolves once every execution waits (on a timer, a task token, a child execution, or a handler call that
   * does not answer within a few macrotask turns) or has ended; the engine's own DynamoDB and StartExecution
   * calls are always awaited. Timers in the future do not count.
   */
  idle(): Promise<void> {
    return this.runner.idle();
  }

  /** Picks up every running execution of the store; call once after constructing an engine over existing data. */
  async resume(): Promise<void> {
    await this.runner.resume();
  }

  /** Stops the real-time timer scheduler. */
  close(): void {
    this.runner.close();
  }

  /** Stops timers, lets the step in hand finish, and closes the store. */
  async shutdown(): Promise<void> {
    this.runner.close();
    await this.runner.quiesce();
    await this.store.close();
  }

  // ---- state machines ----

  async createStateMachine(input: { name: string; definition: string; roleArn?: string; type?: 'STANDARD' | 'EXPRESS' }): Promise<{ stateMachineArn: string; creationDate: Date }> {
    if (!isValidName(input.name)) throw new InvalidNameError(`Invalid Name: '${input.name}'`);
    this.assertValidDefinition(input.definition);
    const arn = makeMachineArn({ region: this.region, accountId: this.accountId }, input.name);
    const roleArn = input.roleArn ?? `arn:aws:iam::${this.accountId}:role/StepFunctionsRole`;
    const existing = await this.store.getStateMachine(arn);
    if (existing) {
      if (existing.definition === input.definition && existing.roleArn === roleArn) {
        return { stateMachineArn: arn, creationDate: new Date(existing.creationDate) };
      }
      throw new StateMachineAlreadyExistsError(`State Machine Already Exists: '${arn}'`);
    }
    const record: StateMachineRecord = {
      stateMachineArn: arn,
      name: input.name,
      definition: input.definition,
      roleArn,
      type: input.type ?? 'STANDARD',
      creationDate: this.clock.now().toISOString(),
      status: 'ACTIVE',
    };
    await this.store.putStateMachine(record);
    return { stateMachineArn: arn, creationDate: new Date(record.creationDate) };
  }

  async updateStateMachine(input: { stateMachineArn: string; definition?: string; roleArn?: string }): Promise<{ updateDate: Date }> {
    const record = await this.machine(input.stateMachineArn);
    if (input.definition === undefined && input.roleArn === undefined) {
      throw new SfnApiError('MissingRequiredParameter', 'Either the definition or the roleArn must be specified.');
    }
    if (input.definition !== undefined) {
      this.assertValidDefinition(input.definition);
      record.definition = input.definition;
    }
    if (input.roleArn !== undefined) record.roleArn = input.roleArn;
    record.updateDate = this.clock.now().toISOString();
    await this.store.putStateMachine(record);
    return { updateDate: new Date(record.updateDate) };
  }

  async describeStateMachine(input: { stateMachineArn: string }): Promise<{
    stateMachineArn: string;
    name: string;
    status: 'ACTIVE' | 'DELETING';
    definition: string;
    roleArn: string;
    type: 'STANDARD' | 'EXPRESS';
    creationDate: Date;
  }> {
    const r = await this.machine(input.stateMachineArn);
    return { stateMachineArn: r.stateMachineArn, name: r.name, status: r.status, definition: r.definition, roleArn: r.roleArn, type: r.type, creationDate: new Date(r.creationDate) };
  }

  /** The definition an execution runs (frozen when it started), with the machine it belongs to. */
  async describeStateMachineForExecution(input: { executionArn: string }): Promise<{
    stateMachineArn: string;
    name: string;
    definition: string;
    roleArn: string;
    updateDate: Date;
  }> {
    const e = await this.execution(input.executionArn);
    const machine = await this.store.getStateMachine(e.stateMachineArn);
    // AWS dates the version the execution ran; once the machine changed (or is gone), the start is the nearest date known.
    const updateDate = machine?.definition === e.definition ? (machine.updateDate ?? machine.creationDate) : e.startDate;
    return { stateMachineArn: e.stateMachineArn, name: parseStateMachineArn(e.stateMachineArn).name, definition: e.definition, roleArn: e.roleArn, updateDate: new Date(updateDate) };
  }

  async listStateMachines(input: { maxResults?: number; nextToken?: string } = {}): Promise<{ stateMachines: StateMachineSummary[]; nextToken?: string }> {
    const all = (await this.store.listStateMachines()).sort((a, b) => a.name.localeCompare(b.name));
    const { items, nextToken } = page(all, input.maxResults, input.nextToken);
    return {
      stateMachines: items.map((r) => ({ stateMachineArn: r.stateMachineArn, name: r.name, type: r.type, creationDate: new Date(r.creationDate) })),
      ...(nextToken ? { nextToken } : {}),
    };
  }

  async deleteStateMachine(input: { stateMachineArn: string }): Promise<Record<string, never>> {
    parseStateMachineArn(input.stateMachineArn);
    await this.store.deleteStateMachine(input.stateMachineArn);
    return {};
  }

  async validateStateMachineDefinition(input: { definition: string }): Promise<{ result: 'OK' | 'FAIL'; diagnostics: Diagnostic[]; truncated: boolean }> {
    const diagnostics = validateDefinition(input.definition);
    return { result: diagnostics.length === 0 ? 'OK' : 'FAIL', diagnostics, truncated: false };
  }

  // ---- executions ----

  async startExecution(input: { stateMachineArn: string; name?: string; input?: string }): Promise<{ executionArn: string; startDate: Date }> {
    const machine = await this.machine(input.stateMachineArn);
    const name = input.name ?? randomUUID();
    if (!isValidName(name)) throw new InvalidNameError(`Invalid Name: '${name}'`);
    const text = input.input ?? '{}';
    try {
      JSON.parse(text);
    } catch {
      throw new InvalidExecutionInputError(`Invalid State Machine Execution Input: '${text}'`);
    }
    const arn = makeExecutionArn(machine.stateMachineArn, name);
    const existing = await this.store.getExecution(arn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === text) return { executionArn: arn, startDate: new Date(existing.startDate) };
      throw new ExecutionAlreadyExistsError(`Execution Already Exists: '${arn}'`);
    }
    const startDate = this.clock.now().toISOString();
    const record: ExecutionRecord = {
      executionArn: arn,
      stateMachineArn: machine.stateMachineArn,
      name,
      status: 'RUNNING',
      input: text,
      startDate,
      roleArn: machine.roleArn,
      frames: {},
      nextFrameSeq: 1,
      nextEventId: 1,
      definition: machine.definition,
    };
    await this.store.commit({ execution: record, events: [], timerPuts: [], timerDeletes: [], tokenPuts: [], tokenDeletes: [] });
    void this.runner.submit({ kind: 'start', arn });
    return { executionArn: arn, startDate: new Date(startDate) };
  }

  async describeExecution(input: { executionArn: string }): Promise<ExecutionDescription> {
    const e = await this.execution(input.executionArn);
    const out: ExecutionDescription = {
      ...listItem(summarize(e)),
      input: e.input,
      inputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
    if (e.output !== undefined) {
      out.output = e.output;
      out.outputDetails = { included: true };
    }
    if (e.error !== undefined) out.error = e.error;
    if (e.cause !== undefined) out.cause = e.cause;
    return out;
  }

  async listExecutions(input: { stateMachineArn: string; statusFilter?: ExecutionStatus; maxResults?: number; nextToken?: string }): Promise<{
    executions: ExecutionListItem[];
    nextToken?: string;
  }> {
    await this.machine(input.stateMachineArn);
    const all = (await this.store.listExecutions(input.stateMachineArn))
      .filter((e) => input.statusFilter === undefined || e.status === input.statusFilter)
      .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : a.name.localeCompare(b.name)));
    const { items, nextToken } = page(all, input.maxResults, input.nextToken);
    return {
      executions: items.map(listItem),
      ...(nextToken ? { nextToken } : {}),
    };
  }

  async stopExecution(input: { executionArn: string; error?: string; cause?: string }): Promise<{ stopDate: Date }> {
    const e = await this.execution(input.executionArn);
    if (e.status === 'RUNNING') await this.runner.submit({ kind: 'stop', arn: e.executionArn, error: input.error, cause: input.cause });
    const after = await this.execution(input.executionArn);
    return { stopDate: new Date(after.stopDate ?? this.clock.now().toISOString()) };
  }

  async getExecutionHistory(input: { executionArn: string; maxResults?: number; nextToken?: string; reverseOrder?: boolean; includeExecutionData?: boolean }): Promise<{
    events: EngineHistoryEvent[];
    nextToken?: string;
  }> {
    await this.execution(input.executionArn);
    const events = await this.store.getHistory(input.executionArn);
    if (input.reverseOrder) events.reverse();
    const { items, nextToken } = page(events, input.maxResults, input.nextToken);
    return { events: items.map((e) => ({ ...resolveJsonTexts(e), timestamp: new Date(e.timestamp) })), ...(nextToken ? { nextToken } : {}) };
  }

  // ---- task tokens ----

  async sendTaskSuccess(input: { taskToken: string; output: string }): Promise<Record<string, never>> {
    let output: Json;
    try {
      output = JSON.parse(input.output) as Json;
    } catch {
      throw new InvalidOutputError(`Invalid State Machine Execution Output: '${input.output}'`);
    }
    await this.answerToken(input.taskToken, { ok: true, output });
    return {};
  }

  async sendTaskFailure(input: { taskToken: string; error?: string; cause?: string }): Promise<Record<string, never>> {
    await this.answerToken(input.taskToken, { ok: false, error: input.error ?? '', cause: input.cause });
    return {};
  }

  async sendTaskHeartbeat(input: { taskToken: string }): Promise<Record<string, never>> {
    const record = await this.tokenRecord(input.taskToken);
    await this.runner.submit({ kind: 'heartbeat', arn: record.executionArn, frameId: record.frameId, attempt: record.attempt });
    return {};
  }

  // ---- internals ----

  private async answerToken(token: string, outcome: TaskOutcome): Promise<void> {
    const record = await this.tokenRecord(token);
    await this.runner.submit({ kind: 'task', arn: record.executionArn, frameId: record.frameId, attempt: record.attempt, outcome, source: 'token' });
  }

  private async tokenRecord(token: string): Promise<{ executionArn: string; frameId: string; attempt: number }> {
    if (!TOKEN_PATTERN.test(token)) throw new InvalidTokenError(`Invalid Token: '${token}'`);
    const record = await this.store.getTaskToken(token);
    if (!record) throw new TaskDoesNotExistError(`Task Does Not Exist: '${token}'`);
    if (record.timedOut) throw new TaskTimedOutError(`Task Timed Out: '${token}'`);
    const exec = await this.store.getExecution(record.executionArn);
    const frame = exec?.frames[record.frameId];
    if (!exec || exec.status !== 'RUNNING' || frame?.wait?.kind !== 'task' || frame.wait.attempt !== record.attempt) {
      throw new TaskDoesNotExistError(`Task Does Not Exist: '${token}'`);
    }
    return record;
  }

  private assertValidDefinition(definition: string): void {
    const diagnostics = validateDefinition(definition);
    if (diagnostics.length > 0) throw new InvalidDefinitionError(invalidDefinitionMessage(diagnostics));
  }

  private async machine(arn: string): Promise<StateMachineRecord> {
    parseStateMachineArn(arn);
    const r = await this.store.getStateMachine(arn);
    if (!r) throw new StateMachineDoesNotExistError(`State Machine Does Not Exist: '${arn}'`);
    return r;
  }

  private async execution(arn: string): Promise<ExecutionRecord> {
    parseExecutionArn(arn);
    const e = await this.store.getExecution(arn);
    if (!e) throw new ExecutionDoesNotExistError(`Execution Does Not Exist: '${arn}'`);
    return e;
  }

  private taskServices(): TaskServices {
    return {
      region: this.region,
      accountId: this.accountId,
      invokeFunction: (ref, payload) => callHandler(this.handlers, ref, payload, this.region, this.accountId),
      dynamodb: async (action, input) => {
        if (!this.dynamodbFactory) {
          return { ok: false, error: 'States.TaskFailed', cause: 'No DynamoDB client is configured for this engine.' };
        }
        this.dynamodbPort ??= this.dynamodbFactory();
        try {
          return { ok: true, output: await this.runner.track(this.dynamodbPort.call(action, input)) };
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          const code = err.name || 'DynamoDBException';
          return {
            ok: false,
            error: `DynamoDB.${code}`,
            cause: `${err.message} (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ${code}; Request ID: ${randomUUID()}; Proxy: null)`,
          };
        }
      },
      startExecution: async ({ stateMachineArn, input, name }) => {
        try {
          const started = await this.runner.track(this.startExecution({ stateMachineArn, input, name: name.replace(/[^\w-]/g, '-').slice(0, 80) }));
          return { ok: true, executionArn: started.executionArn, startDate: started.startDate.toISOString() };
        } catch (e) {
          if (e instanceof SfnApiError) return { ok: false, error: `StepFunctions.${e.code}Exception`, cause: e.message };
          throw e;
        }
      },
      waitForExecution: (arn) => this.waitForExecution(arn),
    };
  }

  private async waitForExecution(arn: string): Promise<ChildExecutionDescription> {
    const describe = (e: ExecutionRecord): ChildExecutionDescription => ({
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate,
      stopDate: e.stopDate,
      input: e.input,
      output: e.output,
      error: e.error,
      cause: e.cause,
    });
    const current = await this.store.getExecution(arn);
    if (current && current.status !== 'RUNNING') return describe(current);
    return new Promise((resolve) => this.runner.onFinished(arn, (e) => resolve(describe(e))));
  }
}

/** Creates an engine; with a VirtualClock, time only moves when the test advances it. */
export function createEngine(options: EngineOptions = {}): Engine {
  return new Engine(options);
}

