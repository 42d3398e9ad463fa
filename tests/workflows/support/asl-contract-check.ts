// Checks a state machine's JSONPath paths against its zod contract without running it: the document each state
// receives is followed as a JSON Schema through InputPath, Parameters, ResultSelector, ResultPath and OutputPath, so
// a path that reads a field the contract does not have (a renamed field, a phase that no longer exists) is named.
import { z } from 'zod';
import type { WorkflowContract } from '../../../schemas/workflows/index.js';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  [key: string]: unknown;
};

type State = Record<string, unknown> & { Type: string; Next?: string };

/** One path of the machine that its contract does not carry. */
export interface ContractProblem {
  state: string;
  problem: string;
}

const ANY: Schema = {};
const STRING: Schema = { type: 'string' };
const CAUGHT_ERROR: Schema = { type: 'object', properties: { Error: STRING, Cause: STRING }, required: ['Error'] };
// The context object fields a machine may read; anything else under `$$` is a typo.
const CONTEXT: Schema = {
  type: 'object',
  properties: {
    Execution: { type: 'object', properties: { Id: STRING, Name: STRING, StartTime: STRING, RoleArn: STRING, Input: ANY, RedriveCount: { type: 'integer' } } },
    State: { type: 'object', properties: { Name: STRING, EnteredTime: STRING, RetryCount: { type: 'integer' } } },
    StateMachine: { type: 'object', properties: { Id: STRING, Name: STRING } },
    Task: { type: 'object', properties: { Token: STRING } },
    Map: { type: 'object', properties: { Item: { type: 'object', properties: { Index: { type: 'integer' }, Value: ANY } } } },
  },
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): Schema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema;
  return json;
};

/** Every problem found in `definition` (an ASL document) against `contract`; none means every path fits. */
export function checkWorkflow(definition: { StartAt: string; States: Record<string, State> }, contract: WorkflowContract): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const said = new Set<string>();
  const seen = new Map<string, Set<string>>();
  const queue: { name: string; input: Schema }[] = [{ name: definition.StartAt, input: toSchema(contract.input, 'input') }];
  const visit = (name: string | undefined, input: Schema) => name && queue.push({ name, input });

  while (queue.length > 0) {
    const { name, input } = queue.shift() as { name: string; input: Schema };
    const key = JSON.stringify(input);
    const variants = seen.get(name) ?? new Set<string>();
    if (variants.has(key)) continue;
    variants.add(key);
    seen.set(name, variants);
    const state = definition.States[name];
    // A state reached with several document shapes reports each problem once.
    const report = (problem: string) => {
      if (said.has(`${name}\u0000${problem}`)) return;
      said.add(`${name}\u0000${problem}`);
      problems.push({ state: name, problem });
    };
    if (!state) {
      report('no such state');
      continue;
    }
    const at = (path: unknown, doc: Schema) => resolve(String(path), doc, report);

    switch (state.Type) {
      case 'Pass':
      case 'Task': {
        const effective = state.InputPath === undefined ? input : state.InputPath === null ? { type: 'object' } : at(state.InputPath, input);
        let result: Schema;
        if (state.Type === 'Pass') {
          result = state.Parameters !== undefined ? build(state.Parameters, effective, report) : state.Result !== undefined ? valueSchema(state.Result) : effective;
        } else {
          result = taskResult(state, effective, contract, report);
          for (const field of ['TimeoutSecondsPath', 'HeartbeatSecondsPath'] as const) {
            if (state[field] !== undefined) expectNumber(at(state[field], effective), `${field} ${String(state[field])}`, report);
          }
          for (const catcher of (state.Catch as { Next: string; ResultPath?: string | null }[] | undefined) ?? []) {
            visit(catcher.Next, place(input, catcher.ResultPath, CAUGHT_ERROR, report));
          }
        }
        const placed = place(input, state.ResultPath as string | null | undefined, result, report);
        visit(state.Next, state.OutputPath === undefined ? placed : at(state.OutputPath, placed));
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
        visit(state.Next, input);
        break;
      case 'Fail':
        for (const field of ['ErrorPath', 'CausePath'] as const) if (state[field] !== undefined) at(state[field], input);
        break;
      case 'Succeed':
        break;
      default:
        report(`the contract check does not follow ${state.Type} states yet; teach it before adding one`);
    }
  }
  return problems;
}

/** What a Task puts at its ResultPath: the contract's result (a Lambda's under `Payload`), shaped by ResultSelector. */
function taskResult(state: State, input: Schema, contract: WorkflowContract, report: (p: string) => void): Schema {
  const resource = String(state.Resource);
  const parameters = (state.Parameters ?? {}) as Record<string, unknown>;
  const key = /^\$\{(\w+)\}$/.exec(String(parameters.FunctionName ?? ''))?.[1];
  const task = key ? contract.tasks[key] : undefined;
  if (!resource.startsWith('arn:aws:states:::lambda:invoke') || !task) {
    report(`calls ${String(parameters.FunctionName ?? resource)}, which has no task in the contract`);
    return ANY;
  }
  const payload = 'Payload.$' in parameters ? resolve(String(parameters['Payload.$']), input, report) : build(parameters.Payload ?? {}, input, report);
  fits(payload, toSchema(task.payload, 'input'), `Payload of ${key}`, report);
  const answer = toSchema(task.result, 'output');
  if (resource.endsWith('.waitForTaskToken')) return answer;
  const invoked: Schema = { type: 'object', properties: { Payload: answer, StatusCode: { type: 'integer' }, ExecutedVersion: STRING }, required: ['Payload'] };
  return state.ResultSelector === undefined ? invoked : build(state.ResultSelector, invoked, report);
}

/** The schema of a Parameters-style template: `key.$` fields read paths (or intrinsic functions), others are literals. */
function build(template: unknown, doc: Schema, report: (p: string) => void): Schema {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return valueSchema(template);
  const properties: Record<string, Schema> = {};
  for (const [field, value] of Object.entries(template)) {
    if (field.endsWith('.$')) properties[field.slice(0, -2)] = readExpression(String(value), doc, report);
    else properties[field] = build(value, doc, report);
  }
  return { type: 'object', properties, required: Object.keys(properties) };
}

/** A `.$` value: a path, or an intrinsic function whose path arguments must resolve. */
function readExpression(expression: string, doc: Schema, report: (p: string) => void): Schema {
  if (!expression.startsWith('States.')) return resolve(expression, doc, report);
  const unquoted = expression.replace(/'(?:\\.|[^'\\])*'/g, "''");
  for (const [path] of unquoted.matchAll(/\$\$?(?:\.[A-Za-z_][\w-]*|\[\d+\])*/g)) resolve(path, doc, report);
  return /^States\.(Format|JsonToString|UUID|Base64Encode|Base64Decode|Hash)\(/.test(expression) ? STRING : ANY;
}

/** The schema at `path` in `doc`; reports (and answers "anything") when a step names no field of the schema. */
function resolve(path: string, doc: Schema, report: (p: string) => void): Schema {
  const root = path.startsWith('$$') ? CONTEXT : doc;
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
function place(doc: Schema, resultPath: string | null | undefined, value: Schema, report: (p: string) => void): Schema {
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

/** Reports where what the machine builds does not fit what the task parses: unknown fields, missing ones, other types. */
function fits(actual: Schema, expected: Schema, where: string, report: (p: string) => void): void {
  if (expected.anyOf ?? expected.oneOf) {
    const branches = (expected.anyOf ?? expected.oneOf) as Schema[];
    const fitting = branches.some((b) => {
      const found: string[] = [];
      fits(actual, b, where, (p) => found.push(p));
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
      if (!wanted) report(`${where}: the machine sends ${field}, which the contract does not have (${describe(expected)})`);
      else fits(actual.properties?.[field] ?? ANY, wanted, `${where}.${field}`, report);
    }
    for (const field of expected.required ?? []) {
      if (!(actual.required ?? []).includes(field)) report(`${where}: the contract requires ${field}, which the machine does not send`);
    }
    return;
  }
  const numeric = (t: unknown) => (t === 'integer' ? 'number' : t);
  if (numeric(actual.type) !== numeric(expected.type)) report(`${where}: is ${String(actual.type)}, the contract wants ${String(expected.type)}`);
  if (expected.enum && actual.enum && actual.enum.some((v) => !expected.enum?.includes(v))) report(`${where}: values outside the contract's ${expected.enum.join(', ')}`);
}

function checkRule(rule: Record<string, unknown>, doc: Schema, report: (p: string) => void): void {
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
function checkExhaustive(rules: Record<string, unknown>[], fallback: string | undefined, doc: Schema, report: (p: string) => void): void {
  if (fallback !== undefined) return;
  const variables = new Set(rules.map((r) => r.Variable));
  if (variables.size !== 1 || rules.some((r) => r.StringEquals === undefined)) return;
  const variable = String(rules[0]?.Variable);
  const values = resolve(variable, doc, () => undefined).enum;
  const routed = new Set(rules.map((r) => r.StringEquals));
  for (const value of values ?? []) if (!routed.has(value)) report(`${variable} may be "${String(value)}", which no choice routes and there is no Default`);
}

function expectNumber(schema: Schema, what: string, report: (p: string) => void): void {
  if (schema.type !== undefined && schema.type !== 'integer' && schema.type !== 'number') report(`${what}: is ${String(schema.type)}, not a number`);
}

function valueSchema(value: unknown): Schema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) return { type: 'array' };
  if (typeof value === 'object') return build(value, ANY, () => undefined);
  return { type: typeof value === 'number' ? 'number' : typeof value, const: value };
}

function describe(schema: Schema): string {
  const fields = Object.keys(schema.properties ?? {});
  return fields.length > 0 ? `it has ${fields.join(', ')}` : `it is ${JSON.stringify(schema.type ?? 'anything')}`;
}
