// The shape of the manifest: what a Casework deployment consists of, read by the CDK stack and the local runtime.

export type AttributeType = 'S' | 'N';

export interface KeySpec {
  name: string;
  type: AttributeType;
}

export interface IndexSpec {
  name: string;
  partitionKey: KeySpec;
  sortKey?: KeySpec;
  /** The attributes the index holds besides the keys: none (KEYS_ONLY) when empty, every one (ALL) when absent. */
  project?: string[];
}

/** How an index projects: ALL, KEYS_ONLY, or INCLUDE with the attributes named; one reading for DynamoDB Local and the stack. */
export function indexProjection(index: IndexSpec): { type: 'ALL' | 'KEYS_ONLY' } | { type: 'INCLUDE'; attributes: string[] } {
  if (!index.project) return { type: 'ALL' };
  return index.project.length === 0 ? { type: 'KEYS_ONLY' } : { type: 'INCLUDE', attributes: index.project };
}

export interface TableSpec {
  /** Logical name; the physical name is `<prefix>-<name>` and reaches functions as an environment variable. */
  name: string;
  partitionKey: KeySpec;
  sortKey?: KeySpec;
  indexes?: IndexSpec[];
  stream?: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE';
  /** Attribute holding an epoch-seconds expiry. */
  ttlAttribute?: string;
  /** What the table is for, shown in docs/data-model.md. */
  purpose: string;
}

export type TableAccess = 'read' | 'write' | 'read-write';

/** An alarm on a signal of one function; it fires when the sum over a period reaches the threshold. */
export type FunctionAlarmSpec = {
  /** Unique across the manifest; names the alarm in the stack and its graph on the dashboard. */
  name: string;
  /** What it means when the alarm fires, for whoever is on call. */
  description: string;
  periodMinutes: number;
  /** At least this many in one period; 1 unless given. */
  threshold?: number;
} & (
  /** Any invocation is the signal: the function runs only when something went wrong. */
  | { on: 'invocations' }
  /** Structured log lines carrying `metric: "<metric>"` are counted, into the metric Casework/<metric>. */
  | { on: 'log'; metric: string }
);

export interface FunctionSpec {
  name: string;
  /** Source file relative to the repository root, exporting `handler`. */
  entry: string;
  /** The only tables the function may use, and so the only table names it is given. */
  tables?: Partial<Record<string, TableAccess>>;
  /** State machines the function starts or sends task results to. */
  stateMachines?: string[];
  /** State machines whose executions the function reads: their status, the definition they run and their history. */
  readsExecutions?: string[];
  /** Packages with a native binary (jieba): installed beside the bundle for Lambda's platform (linux arm64), not bundled. */
  nativeModules?: string[];
  /** The function sends email (adapters/mail/send-mail.ts): in AWS it may send through SES from the sending identity. */
  sendsMail?: boolean;
  alarms?: FunctionAlarmSpec[];
  environment?: Record<string, string>;
  timeoutSeconds?: number;
}

export interface StateMachineSpec {
  name: string;
  /** ASL file relative to the repository root. */
  definitionFile: string;
  /** `${Key}` in the ASL file -> the ARN or name of a manifest resource. */
  substitutions: Record<string, { function: string } | { table: string } | { stateMachine: string }>;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: `/v1/tickets/{id}`. */
  path: string;
  function: string;
  /** False only for public routes such as health. */
  auth: boolean;
}

export interface StreamSubscriptionSpec {
  table: string;
  function: string;
  batchSize: number;
}

export interface ScheduleSpec {
  name: string;
  /** EventBridge Scheduler cron: `cron(minutes hours day-of-month month day-of-week year)`. */
  cron: string;
  timeZone: 'Asia/Shanghai';
  target: { stateMachine: string } | { function: string };
  input?: Record<string, unknown>;
}

export interface Manifest {
  tables: TableSpec[];
  functions: FunctionSpec[];
  stateMachines: StateMachineSpec[];
  routes: RouteSpec[];
  streams: StreamSubscriptionSpec[];
  schedules: ScheduleSpec[];
}

/** The environment variable through which a function learns a table's physical name. */
export function tableEnvName(table: string): string {
  return `TABLE_${table.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** The environment variable through which a function learns a state machine's ARN. */
export function stateMachineEnvName(machine: string): string {
  return `STATE_MACHINE_${machine.replace(/-/g, '_').toUpperCase()}`;
}
