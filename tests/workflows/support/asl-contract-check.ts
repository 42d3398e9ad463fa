// Checks a state machine's JSONPath paths against its zod contract without running it: the document each state
// receives is followed as a JSON Schema through InputPath, Parameters, ResultSelector, ResultPath and OutputPath, so
// a path that reads a field the contract does not have (a renamed field, a phase that no longer exists) is named.
// A Map's processor is followed with one item as its input; a child execution's Input is checked against the child's
// contract and its Output read from it.
import { z } from 'zod';
import { workflowContracts, type WorkflowContract } from '../../../schemas/workflows/index.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  /** Why this part of the document is unknown to the contracts: reading into it is reported with this reason. */
  undeclared?: string;
  [key: string]: unknown;
};

type State = Record<string, unknown> & { Type: string; Next?: string; End?: boolean };

/** An ASL document, or the ItemProcessor of a Map state in it. */
type Machine = { StartAt: string; States: Record<string, State> };

type Report = (problem: string) => void;

/** One path of the machine that its contract does not carry. */
export interface ContractProblem {
  state: string;
  problem: string;
}

/** What following a machine shares with following the Map processors inside it. */
interface Walk {
  contract: WorkflowContract;
  contracts: Record<string, WorkflowContract>;
  /** Reports against a state by its full name (`Map state/state inside`). */
  reporter: (state: string) => Report;
}

/** A document a machine (or a Map's processor) ends with, and the state it ends in. */
interface Ending {
  state: string;
  output: Schema;
}

const ANY: Schema = {};
const STRING: Schema = { type: 'string' };
const NUMBER: Schema = { type: 'number' };
const EMPTY: Schema = { type: 'object', properties: {}, required: [] };
const CAUGHT_ERROR: Schema = { type: 'object', properties: { Error: STRING, Cause: STRING }, required: ['Error'] };
// The context object fields a machine may read; anything else under `$$` is a typo. `$$.Map` exists only in a Map's
// ItemSelector (see mapContext).
const CONTEXT: Schema = {
  type: 'object',
  properties: {
    Execution: { type: 'object', properties: { Id: STRING, Name: STRING, StartTime: STRING, RoleArn: STRING, Input: ANY, RedriveCount: { type: 'integer' } } },
    State: { type: 'object', properties: { Name: STRING, EnteredTime: STRING, RetryCount: { type: 'integer' } } },
    StateMachine: { type: 'object', properties: { Id: STRING, Name: STRING } },
    Task: { type: 'object', properties: { Token: STRING } },
  },
};
const LAMBDA = 'arn:aws:states:::lambda:invoke';
const START_EXECUTION = 'arn:aws:states:::states:startExecution';
// The field the console links a child execution to its parent by; the child's input parse drops it.
const STARTED_BY = 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID';

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): Schema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return json;
};

const object = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties) });

/**
 * Every problem found in `definition` (an ASL document) against `contract`; none means every path fits. `contracts`
 * are the machines a `states:startExecution` task may start, by the names in `contract.children`.
 */
export function checkWorkflow(
  definition: Machine,
  contract: WorkflowContract,
  contracts: Record<string, WorkflowContract> = workflowContracts,
): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const said = new Set<string>();
  // A state reached with several document shapes reports each problem once.
  const reporter = (state: string): Report => (problem) => {
    if (said.has(`${state}\u0000${problem}`)) return;
    said.add(`${state}\u0000${problem}`);
    problems.push({ state, problem });
  };
  const endings = follow(definition, toSchema(contract.input, 'input'), '', { contract, contracts, reporter });
  if (contract.output) {
    const wanted = toSchema(contract.output, 'input');
    // What a machine gathered on the way may ride along in its output; only a missing or mistyped field is wrong.
    for (const { state, output } of endings) fits(output, wanted, 'Output', reporter(state), 'allow');
  }
  return problems;
}

/** Follows `machine` from its StartAt, given `input`; answers what each of its ends outputs. */
function follow(machine: Machine, input: Schema, prefix: string, walk: Walk): Ending[] {
  const endings: Ending[] = [];
  const seen = new Map<string, Set<string>>();
  const queue: { name: string; input: Schema }[] = [{ name: machine.StartAt, input }];
  const visit = (name: string | undefined, input: Schema) => name && queue.push({ name, input });

  while (queue.length > 0) {
    const { name, input } = queue.shift() as { name: string; input: Schema };
    const key = JSON.stringify(input);
    const variants = seen.get(name) ?? new Set<string>();
    if (variants.has(key)) continue;
    variants.add(key);
    seen.set(name, variants);
    const state = machine.States[name];
    const report = walk.reporter(prefix + name);
    if (!state) {
      report('no such state');
      continue;
    }
    const at = (path: unknown, doc: Schema) => resolve(String(path), doc, report);
    // A state's output goes to its Next, or out of the machine when it is an End state.
    const leave = (output: Schema) => {
      if (state.End === true) endings.push({ state: prefix + name, output });
      else if (state.Next !== undefined) visit(state.Next, output);
      else report('has neither Next nor End');
    };

    switch (state.Type) {
      case 'Pass':
      case 'Task':
      case 'Map': {
        const effective = inputOf(state, input, at);
        let result: Schema;
        if (state.Type === 'Pass') {
          result = state.Parameters !== undefined ? build(state.Parameters, effective, report) : state.Result !== undefined ? valueSchema(state.Result) : effective;
        } else {
          const raw = state.Type === 'Task' ? taskResult(state, effective, walk, report) : mapResult(state, effective, `${prefix}${name}/`, walk, report);
          result = state.ResultSelector === undefined ? raw : build(state.ResultSelector, raw, report);
          for (const catcher of (state.Catch as { Next: string; ResultPath?: string | null }[] | undefined) ?? []) {
            visit(catcher.Next, place(input, catcher.ResultPath, CAUGHT_ERROR, report));
          }
        }
        leave(outputOf(state, place(input, state.ResultPath as string | null | undefined, result, report), at));
        break;
      }
      case 'Choice': {
        const rules = (state.Choices as Record<string, unknown>[]) ?? [];
        for (const rule of rules) {
          checkRule(rule, input, report);
          visit(rule.Next as string, input);
        }
        checkExhaustive(rules, state.Default as string | undefined, input, report);
        visit(state.Default as string | undefined, input);
        break;
      }
      case 'Wait':
        for (const field of ['SecondsPath', 'TimestampPath'] as const) if (state[field] !== undefined) at(state[field], input);
        leave(input);
        break;
      case 'Fail':
        for (const field of ['ErrorPath', 'CausePath'] as const) if (state[field] !== undefined) at(state[field], input);
        break;
      case 'Succeed':
        endings.push({ state: prefix + name, output: outputOf(state, inputOf(state, input, at), at) });
        break;
      default:
        report(`the contract check does not follow ${state.Type} states yet; teach it before adding one`);
    }
  }
  return endings;
}

/** The document a state works on: its input narrowed by InputPath (null: an empty object). */
function inputOf(state: State, input: Schema, at: (path: unknown, doc: Schema) => Schema): Schema {
  return state.InputPath === undefined ? input : state.InputPath === null ? EMPTY : at(state.InputPath, input);
}

/** What a state passes on: its document narrowed by OutputPath (null: an empty object). */
function outputOf(state: State, doc: Schema, at: (path: unknown, doc: Schema) => Schema): Schema {
  return state.OutputPath === undefined ? doc : state.OutputPath === null ? EMPTY : at(state.OutputPath, doc);
}

/** What a Task answers before its ResultSelector: a Lambda's invocation or a child execution. */
function taskResult(state: State, input: Schema, walk: Walk, report: Report): Schema {
  const resource = String(state.Resource);
  const parameters = (state.Parameters ?? {}) as Record<string, unknown>;
  for (const field of ['TimeoutSecondsPath', 'HeartbeatSecondsPath'] as const) {
    if (state[field] !== undefined) expectNumber(resolve(String(state[field]), input, report), `${field} ${String(state[field])}`, report);
  }
  if (resource === START_EXECUTION || resource === `${START_EXECUTION}.sync` || resource === `${START_EXECUTION}.sync:2`) {
    return childResult(resource, parameters, input, walk, report);
  }
  const key = substitutionKey(parameters.FunctionName);
  const task = key ? walk.contract.tasks[key] : undefined;
  if (!resource.startsWith(LAMBDA) || !task) {
    report(`calls ${String(parameters.FunctionName ?? resource)}, which has no task in the contract`);
    return ANY;
  }
  const payload = 'Payload.$' in parameters ? resolve(String(parameters['Payload.$']), input, report) : build(parameters.Payload ?? {}, input, report);
  fits(payload, toSchema(task.payload, 'input'), `Payload of ${key}`, report);
  const answer = toSchema(task.result, 'output');
  if (resource.endsWith('.waitForTaskToken')) return answer;
  return { type: 'object', properties: { Payload: answer, StatusCode: { type: 'integer' }, ExecutedVersion: STRING }, required: ['Payload'] };
}

/**
 * What starting a child machine answers: at once its ARN; with `.sync` the finished execution (its Output as a JSON
 * string); with `.sync:2` the same with Input and Output as JSON, Output as the child's contract declares it.
 */
function childResult(resource: string, parameters: Record<string, unknown>, input: Schema, walk: Walk, report: Report): Schema {
  const key = substitutionKey(parameters.StateMachineArn);
  const name = key ? walk.contract.children?.[key] : undefined;
  const child = name ? walk.contracts[name] : undefined;
  if (!key || !name) {
    report(`starts ${String(parameters.StateMachineArn ?? 'a state machine')}, which has no child in the contract`);
    return ANY;
  }
  if (!child) {
    report(`starts ${key}, whose contract ${name} is not among the workflow contracts`);
    return ANY;
  }
  // Building all the parameters resolves Name.$ too; an execution started without Input gets {}.
  const given = build(parameters, input, report).properties?.Input ?? EMPTY;
  fits(unlinked(given), toSchema(child.input, 'input'), `Input of ${key}`, report);
  const started = { ExecutionArn: STRING, StartDate: NUMBER };
  if (resource === START_EXECUTION) return object(started);
  const finished = { ...started, StateMachineArn: STRING, Name: STRING, Status: { type: 'string', enum: ['SUCCEEDED'] }, StopDate: NUMBER };
  if (resource.endsWith('.sync')) return object({ ...finished, Input: STRING, Output: STRING });
  // The child's own check holds what it outputs to the input side of its `output` schema (nothing parses it between).
  const output = child.output ? toSchema(child.output, 'input') : { undeclared: `the contract ${name} declares no output` };
  return object({ ...finished, Input: given, Output: output });
}

/** A child's Input without the field that links it to its parent, which is not the child's to declare. */
function unlinked(input: Schema): Schema {
  if (!input.properties || !(STARTED_BY in input.properties)) return input;
  const { [STARTED_BY]: _link, ...properties } = input.properties;
  return { ...input, properties, required: input.required?.filter((field) => field !== STARTED_BY) };
}

/** `Key` of a `${Key}` definition substitution, if `value` is one. */
function substitutionKey(value: unknown): string | undefined {
  return /^\$\{(\w+)\}$/.exec(String(value ?? ''))?.[1];
}

/**
 * A Map's result: an array of what its processor ends with, run on each item of ItemsPath as ItemSelector shapes it
 * (the legacy Iterator and Parameters are the same thing).
 */
function mapResult(state: State, input: Schema, prefix: string, walk: Walk, report: Report): Schema {
  const processor = (state.ItemProcessor ?? state.Iterator) as (Machine & { ProcessorConfig?: { Mode?: string } }) | undefined;
  if (!processor) {
    report('has no ItemProcessor');
    return ANY;
  }
  if (processor.ProcessorConfig?.Mode === 'DISTRIBUTED' || state.ItemReader !== undefined) {
    report('the contract check follows only inline Map states over ItemsPath');
    return ANY;
  }
  if (state.MaxConcurrencyPath !== undefined) {
    expectNumber(resolve(String(state.MaxConcurrencyPath), input, report), `MaxConcurrencyPath ${String(state.MaxConcurrencyPath)}`, report);
  }
  const itemsPath = String(state.ItemsPath ?? '$');
  const list = resolve(itemsPath, input, report);
  let item = itemsOf(list);
  if (!item) {
    report(`ItemsPath ${itemsPath}: is ${typeName(list)}, not an array`);
    item = ANY;
  }
  const selector = state.ItemSelector ?? state.Parameters;
  const doc = selector === undefined ? item : build(selector, input, report, mapContext(item));
  const outputs = [...new Map(follow(processor, doc, prefix, walk).map(({ output }) => [JSON.stringify(output), output])).values()];
  return { type: 'array', items: outputs.length === 0 ? ANY : outputs.length === 1 ? outputs[0] : { anyOf: outputs } };
}

/** The schema of one element of `schema`, or undefined when it cannot be an array. */
function itemsOf(schema: Schema): Schema | undefined {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const found = branches.map(itemsOf).filter((s): s is Schema => s !== undefined);
    return found.length === 0 ? undefined : found.length === 1 ? found[0] : { anyOf: found };
  }
  if (schema.type === undefined) return ANY;
  return [schema.type].flat().includes('array') ? (schema.items ?? ANY) : undefined;
}

/** The context object in a Map's ItemSelector: `$$.Map.Item` is the item and its index. */
function mapContext(item: Schema): Schema {
  const Item = object({ Index: { type: 'integer' }, Value: item });
  return { ...CONTEXT, properties: { ...CONTEXT.properties, Map: object({ Item }) } };
}

/** The schema of a Parameters-style template: `key.$` fields read paths (or intrinsic functions), others are literals. */
function build(template: unknown, doc: Schema, report: Report, context = CONTEXT): Schema {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return valueSchema(template);
  const properties: Record<string, Schema> = {};
  for (const [field, value] of Object.entries(template)) {
    if (field.endsWith('.$')) properties[field.slice(0, -2)] = readExpression(String(value), doc, report, context);
    else properties[field] = build(value, doc, report, context);
  }
  return { type: 'object', properties, required: Object.keys(properties) };
}

/** A `.$` value: a path, or an intrinsic function whose path arguments must resolve. */
function readExpression(expression: string, doc: Schema, report: Report, context = CONTEXT): Schema {
  if (!expression.startsWith('States.')) return resolve(expression, doc, report, context);
  const unquoted = expression.replace(/'(?:\\.|[^'\\])*'/g, "''");
  for (const [path] of unquoted.matchAll(/\$\$?(?:\.[A-Za-z_][\w-]*|\[\d+\])*/g)) resolve(path, doc, report, context);
  return /^States\.(Format|JsonToString|UUID|Base64Encode|Base64Decode|Hash)\(/.test(expression) ? STRING : ANY;
}

/**
 * The schema at `path` in `doc` (`$$` in `context`); reports (and answers "anything") when a step names no field of the
 * schema or reads into an undeclared part.
 */
function resolve(path: string, doc: Schema, report: Report, context = CONTEXT): Schema {
  const root = path.startsWith('$$') ? context : doc;
  const steps = [...path.replace(/^\$\$?/, '').matchAll(/\.([^.[\]]+)|\[(\d+|\*)\]/g)].map((m) => m[1] ?? Number(m[2]));
  let here = root;
  let walked = path.startsWith('$$') ? '$$' : '$';
  for (const step of steps) {
    const next = child(here, step);
    walked += typeof step === 'number' ? `[${step}]` : `.${step}`;
    if (!next) {
      report(`${path}: ${walked} is not in the contract (${describe(here)})`);
      return ANY;
    }
    if (next.undeclared !== undefined) {
      report(`${path}: ${walked} is not in the contract (${next.undeclared})`);
      return ANY;
    }
    here = next;
  }
  return here;
}

function child(schema: Schema, step: string | number): Schema | undefined {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const found = branches.map((b) => child(b, step)).filter((s): s is Schema => s !== undefined);
    return found.length === 0 ? undefined : found.length === 1 ? found[0] : { anyOf: found };
  }
  if (typeof step === 'number') return schema.type === 'array' ? (schema.items ?? ANY) : schema.type === undefined ? ANY : undefined;
  if (schema.properties) return schema.properties[step];
  return schema.type === undefined || (schema.type === 'object' && schema.additionalProperties !== false) ? ANY : undefined;
}

/** `doc` with `value` placed at a ResultPath: `$` replaces it, null keeps it, `$.a.b` sets that field. */
function place(doc: Schema, resultPath: string | null | undefined, value: Schema, report: Report): Schema {
  if (resultPath === null) return doc;
  if (resultPath === undefined || resultPath === '$') return value;
  const [field, ...rest] = resultPath.replace(/^\$\./, '').split('.');
  if (!field || /[[\]*]/.test(resultPath)) {
    report(`ResultPath ${resultPath}: only plain field paths are followed`);
    return ANY;
  }
  const inner = rest.length === 0 ? value : place(doc.properties?.[field] ?? { type: 'object' }, `$.${rest.join('.')}`, value, report);
  return { ...doc, type: 'object', properties: { ...doc.properties, [field]: inner }, required: [...new Set([...(doc.required ?? []), field])] };
}

/**
 * Reports where what the machine builds does not fit what is parsed: unknown fields (unless `extras` are allowed and
 * the schema does not forbid them), missing ones, other types.
 */
function fits(actual: Schema, expected: Schema, where: string, report: Report, extras: 'refuse' | 'allow' = 'refuse'): void {
  if (expected.anyOf ?? expected.oneOf) {
    const branches = (expected.anyOf ?? expected.oneOf) as Schema[];
    const fitting = branches.some((b) => {
      const found: string[] = [];
      fits(actual, b, where, (p) => found.push(p), extras);
      return found.length === 0;
    });
    if (!fitting) report(`${where}: fits none of the contract's alternatives`);
    return;
  }
  if (expected.type === undefined || actual.type === undefined) return;
  if (expected.type === 'object') {
    if (actual.type !== 'object') return report(`${where}: is ${String(actual.type)}, the contract wants an object`);
    for (const field of Object.keys(actual.properties ?? {})) {
      const wanted = expected.properties?.[field];
      if (wanted) fits(actual.properties?.[field] ?? ANY, wanted, `${where}.${field}`, report, extras);
      else if (extras === 'refuse' || expected.additionalProperties === false) {
        report(`${where}: the machine sends ${field}, which the contract does not have (${describe(expected)})`);
      }
    }
    for (const field of expected.required ?? []) {
      if (!(actual.required ?? []).includes(field)) report(`${where}: the contract requires ${field}, which the machine does not send`);
    }
    return;
  }
  if (expected.type === 'array' && actual.type === 'array' && expected.items && actual.items) {
    return fits(actual.items, expected.items, `${where}[]`, report, extras);
  }
  // A nullable field's type is a list (["string","null"]): every type the machine may send must be one the contract takes.
  const types = (t: unknown) => ([] as unknown[]).concat(t).map((one) => (one === 'integer' ? 'number' : one));
  const wanted = types(expected.type);
  if (!types(actual.type).every((t) => wanted.includes(t))) report(`${where}: is ${String(actual.type)}, the contract wants ${String(expected.type)}`);
  if (expected.enum && actual.enum && actual.enum.some((v) => !expected.enum?.includes(v))) report(`${where}: values outside the contract's ${expected.enum.join(', ')}`);
}

function checkRule(rule: Record<string, unknown>, doc: Schema, report: Report): void {
  for (const nested of [...((rule.And as Record<string, unknown>[]) ?? []), ...((rule.Or as Record<string, unknown>[]) ?? []), ...(rule.Not ? [rule.Not as Record<string, unknown>] : [])]) {
    checkRule(nested, doc, report);
  }
  if (rule.Variable === undefined) return;
  const variable = resolve(String(rule.Variable), doc, report);
  for (const [operator, operand] of Object.entries(rule)) {
    if (operator.endsWith('Path') && operator !== 'Variable') resolve(String(operand), doc, report);
    if (operator === 'StringEquals' && variable.enum && !variable.enum.includes(operand)) {
      report(`${String(rule.Variable)} is never "${String(operand)}": the contract allows ${variable.enum.join(', ')}`);
    }
  }
}

/** A Choice on an enum with no Default must route every value, or an execution fails with States.NoChoiceMatched. */
function checkExhaustive(rules: Record<string, unknown>[], fallback: string | undefined, doc: Schema, report: Report): void {
  if (fallback !== undefined) return;
  const variables = new Set(rules.map((r) => r.Variable));
  if (variables.size !== 1 || rules.some((r) => r.StringEquals === undefined)) return;
  const variable = String(rules[0]?.Variable);
  const values = resolve(variable, doc, () => undefined).enum;
  const routed = new Set(rules.map((r) => r.StringEquals));
  for (const value of values ?? []) if (!routed.has(value)) report(`${variable} may be "${String(value)}", which no choice routes and there is no Default`);
}

function expectNumber(schema: Schema, what: string, report: Report): void {
  if (schema.type !== undefined && schema.type !== 'integer' && schema.type !== 'number') report(`${what}: is ${String(schema.type)}, not a number`);
}

function valueSchema(value: unknown): Schema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'array' };
  if (typeof value === 'object') return build(value, ANY, () => undefined);
  return { type: typeof value === 'number' ? 'number' : typeof value, const: value };
}

function typeName(schema: Schema): string {
  const branches = schema.anyOf ?? schema.oneOf;
  return branches ? branches.map(typeName).join(' or ') : [schema.type ?? 'anything'].flat().join(' or ');
}

function describe(schema: Schema): string {
  const fields = Object.keys(schema.properties ?? {});
  return fields.length > 0 ? `it has ${fields.join(', ')}` : `it is ${JSON.stringify(schema.type ?? 'anything')}`;
}
