// ASL definition -> the graph the ticket page draws: top-level states as nodes, transitions as labelled edges.
import type { WorkflowEdge, WorkflowStateNode } from '../../schemas/ticket-workflow.js';

/** The part of an Amazon States Language definition the graph reads; a definition is JSON, so nothing is trusted. */
export interface AslDefinition {
  StartAt: string;
  States: Record<string, unknown>;
}

export interface StateMachineGraph {
  startAt: string;
  states: WorkflowStateNode[];
  edges: WorkflowEdge[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Reads a definition's JSON text; throws when it is not a state machine. */
export function parseDefinition(json: string): AslDefinition {
  const parsed: unknown = JSON.parse(json);
  if (!isObject(parsed) || typeof parsed.StartAt !== 'string' || !isObject(parsed.States)) throw new Error('not an ASL definition: StartAt or States missing');
  return { StartAt: parsed.StartAt, States: parsed.States };
}

/** The machine's top-level states and every transition between them; a Map's or Parallel's inner states are not drawn. */
export function stateMachineGraph(definition: AslDefinition): StateMachineGraph {
  const states: WorkflowStateNode[] = [];
  const edges: WorkflowEdge[] = [];
  for (const [name, raw] of Object.entries(definition.States)) {
    const state = isObject(raw) ? raw : {};
    const type = text(state.Type) ?? 'Unknown';
    const comment = text(state.Comment);
    states.push({ name, type, end: state.End === true || type === 'Succeed' || type === 'Fail', ...(comment ? { comment } : {}) });
    const next = text(state.Next);
    if (next) edges.push({ from: name, to: next, kind: 'next' });
    for (const rule of Array.isArray(state.Choices) ? state.Choices.filter(isObject) : []) {
      const to = text(rule.Next);
      if (to) edges.push({ from: name, to, kind: 'choice', label: text(rule.Comment) ?? ruleLabel(rule) });
    }
    const fallback = text(state.Default);
    if (fallback) edges.push({ from: name, to: fallback, kind: 'default' });
    for (const catcher of Array.isArray(state.Catch) ? state.Catch.filter(isObject) : []) {
      const to = text(catcher.Next);
      const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.filter((e): e is string => typeof e === 'string') : [];
      if (to) edges.push({ from: name, to, kind: 'catch', label: errors.join(', ') });
    }
  }
  return { startAt: definition.StartAt, states, edges };
}

const comparisons: [suffix: string, says: string][] = [
  ['GreaterThanEquals', '>='],
  ['LessThanEquals', '<='],
  ['GreaterThan', '>'],
  ['LessThan', '<'],
  ['Equals', '='],
  ['Matches', 'matches'],
];
const tests: Record<string, [yes: string, no: string]> = {
  IsPresent: ['is present', 'is absent'],
  IsNull: ['is null', 'is not null'],
  IsString: ['is a string', 'is not a string'],
  IsNumeric: ['is a number', 'is not a number'],
  IsBoolean: ['is a boolean', 'is not a boolean'],
  IsTimestamp: ['is a timestamp', 'is not a timestamp'],
};

/** A choice rule in a few words: `$.state.phase = "at-unit"`, `not ($.a > 3)`, or a JSONata condition as written. */
export function ruleLabel(rule: Json): string {
  const condition = text(rule.Condition);
  if (condition !== undefined) return condition.replace(/^\{%\s*|\s*%\}$/g, '');
  const nested = (key: 'And' | 'Or') => (Array.isArray(rule[key]) ? (rule[key] as unknown[]).filter(isObject).map((r) => wrap(r)) : []);
  if (Array.isArray(rule.And)) return nested('And').join(' and ');
  if (Array.isArray(rule.Or)) return nested('Or').join(' or ');
  if (isObject(rule.Not)) return `not (${ruleLabel(rule.Not)})`;
  const variable = text(rule.Variable) ?? '?';
  for (const [operator, value] of Object.entries(rule)) {
    const test = tests[operator];
    if (test) return `${variable} ${value === false ? test[1] : test[0]}`;
    const byPath = operator.endsWith('Path');
    const plain = byPath ? operator.slice(0, -'Path'.length) : operator;
    const comparison = comparisons.find(([suffix]) => plain.endsWith(suffix) && /^(String|Numeric|Boolean|Timestamp)/.test(plain));
    if (comparison) return `${variable} ${comparison[1]} ${byPath ? String(value) : JSON.stringify(value)}`;
  }
  return variable;
}

const wrap = (rule: Json): string => (Array.isArray(rule.And) || Array.isArray(rule.Or) ? `(${ruleLabel(rule)})` : ruleLabel(rule));
