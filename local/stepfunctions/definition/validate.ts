// Definition validation for Create/Update/ValidateStateMachineDefinition: structure, transitions, resources.
import { isJsonObject, type Json, type JsonObject } from '../json.js';
import { CHOICE_OPERATORS } from '../states/choice-rules.js';
import { parseResource, SUPPORTED_RESOURCES } from '../tasks/resources.js';
import { jsonataExpression } from '../query/jsonata-evaluator.js';
import { MAX_WAIT_SECONDS } from '../states/wait.js';

export interface Diagnostic {
  severity: 'ERROR';
  code: string;
  message: string;
  location: string;
}

const STATE_TYPES = ['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];
const JSONPATH_ONLY = ['InputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'OutputPath'];
const JSONATA_ONLY = ['Arguments', 'Output'];

/** All problems found in a definition text (empty when it is valid). */
export function validateDefinition(text: string): Diagnostic[] {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (e) {
    return [{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: e instanceof Error ? e.message : 'Invalid JSON', location: '/' }];
  }
  const out: Diagnostic[] = [];
  if (!isJsonObject(root)) {
    out.push(diag('SCHEMA_VALIDATION_FAILED', 'The definition must be a JSON object', '/'));
    return out;
  }
  if (root.QueryLanguage !== undefined && root.QueryLanguage !== 'JSONPath' && root.QueryLanguage !== 'JSONata') {
    out.push(diag('SCHEMA_VALIDATION_FAILED', `Invalid QueryLanguage '${String(root.QueryLanguage)}'`, '/QueryLanguage'));
  }
  const topLanguage = root.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  validateBlock(root, '', topLanguage, out);
  return out;
}

/** AWS's single-line message for a failed definition. */
export function invalidDefinitionMessage(diagnostics: Diagnostic[]): string {
  const parts = diagnostics.map((d) => `${d.code}: ${d.message} at ${d.location}`);
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}

function diag(code: string, message: string, location: string): Diagnostic {
  return { severity: 'ERROR', code, message, location };
}

function validateBlock(block: JsonObject, at: string, topLanguage: string, out: Diagnostic[]): void {
  const states = block.States;
  if (!isJsonObject(states) || Object.keys(states).length === 0) {
    out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "States" is required and must be a non-empty object', `${at}/States`));
    return;
  }
  if (typeof block.StartAt !== 'string') {
    out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "StartAt" is required', `${at}/StartAt`));
  } else if (!(block.StartAt in states)) {
    out.push(diag('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${block.StartAt}`, `${at}/StartAt`));
  }
  for (const [name, state] of Object.entries(states)) {
    const loc = `${at}/States/${name}`;
    if (name.length > 80) out.push(diag('SCHEMA_VALIDATION_FAILED', 'State names must be at most 80 characters', loc));
    if (!isJsonObject(state)) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', 'A state must be an object', loc));
      continue;
    }
    validateState(name, state, loc, states, topLanguage, out);
  }
}

function requireTarget(target: Json | undefined, states: JsonObject, loc: string, out: Diagnostic[]): void {
  if (typeof target !== 'string') out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "Next" must be a string', loc));
  else if (!(target in states)) out.push(diag('MISSING_TRANSITION_TARGET', `Missing 'Next' target: ${target}`, loc));
}

function validateState(name: string, state: JsonObject, loc: string, states: JsonObject, topLanguage: string, out: Diagnostic[]): void {
  const type = state.Type;
  if (typeof type !== 'string' || !STATE_TYPES.includes(type)) {
    out.push(diag('SCHEMA_VALIDATION_FAILED', `Invalid type '${String(type)}' for state '${name}'`, `${loc}/Type`));
    return;
  }
  const language = typeof state.QueryLanguage === 'string' ? state.QueryLanguage : topLanguage;
  if (topLanguage === 'JSONata' && state.QueryLanguage === 'JSONPath') {
    out.push(diag('SCHEMA_VALIDATION_FAILED', 'A state cannot use JSONPath when the machine uses JSONata', `${loc}/QueryLanguage`));
  }
  for (const field of language === 'JSONata' ? JSONPATH_ONLY : JSONATA_ONLY) {
    // The older Map `Parameters` is also rejected under JSONata, where ItemSelector replaces it.
    if (field in state) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', `The field "${field}" is not supported for ${language} states`, `${loc}/${field}`));
    }
  }
  const terminal = type === 'Choice' || type === 'Succeed' || type === 'Fail';
  if (!terminal) {
    if (state.End === true) {
      if ('Next' in state) out.push(diag('SCHEMA_VALIDATION_FAILED', 'A state cannot have both "Next" and "End"', loc));
    } else if ('Next' in state) requireTarget(state.Next, states, `${loc}/Next`, out);
    else out.push(diag('SCHEMA_VALIDATION_FAILED', 'The state must have either "Next" or "End": true', loc));
  } else if ('Next' in state || 'End' in state) {
    out.push(diag('SCHEMA_VALIDATION_FAILED', `${type} states cannot have "Next" or "End"`, loc));
  }
  if (type === 'Task') {
    const resource = state.Resource;
    if (typeof resource !== 'string') out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "Resource" is required', `${loc}/Resource`));
    else if (!parseResource(resource)) {
      out.push(
        diag('SCHEMA_VALIDATION_FAILED', `Unsupported resource '${resource}'; the local engine supports ${SUPPORTED_RESOURCES.join(', ')}`, `${loc}/Resource`),
      );
    }
  }
  if (type === 'Choice') validateChoice(state, loc, states, language, out);
  if (type === 'Parallel') {
    if (!Array.isArray(state.Branches) || state.Branches.length === 0) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "Branches" must be a non-empty array', `${loc}/Branches`));
    } else {
      state.Branches.forEach((b, i) => {
        if (isJsonObject(b)) validateBlock(b, `${loc}/Branches[${i}]`, language, out);
        else out.push(diag('SCHEMA_VALIDATION_FAILED', 'A branch must be an object', `${loc}/Branches[${i}]`));
      });
    }
  }
  if (type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    if (!isJsonObject(processor)) out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "ItemProcessor" is required', `${loc}/ItemProcessor`));
    else validateBlock(processor, `${loc}/${'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator'}`, language, out);
  }
  if (type === 'Wait') {
    const fields = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'].filter((f) => f in state);
    if (fields.length !== 1) out.push(diag('SCHEMA_VALIDATION_FAILED', 'A Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath', loc));
    // A literal wait is checked here; one computed by a JSONata expression, when it runs.
    const seconds = state.Seconds;
    if (seconds !== undefined && jsonataExpression(seconds) === undefined && !(typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_WAIT_SECONDS)) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', `The field "Seconds" must be an integer from 0 to ${MAX_WAIT_SECONDS}`, `${loc}/Seconds`));
    }
  }
  validateErrorHandlers(state, loc, states, out);
}

function validateChoice(state: JsonObject, loc: string, states: JsonObject, language: string, out: Diagnostic[]): void {
  if (!Array.isArray(state.Choices) || state.Choices.length === 0) {
    out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "Choices" must be a non-empty array', `${loc}/Choices`));
    return;
  }
  state.Choices.forEach((rule, i) => {
    const at = `${loc}/Choices[${i}]`;
    if (!isJsonObject(rule)) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', 'A choice rule must be an object', at));
      return;
    }
    requireTarget(rule.Next, states, `${at}/Next`, out);
    if (language === 'JSONata') {
      if (typeof rule.Condition !== 'string') out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "Condition" is required', at));
    } else if (!ruleIsWellFormed(rule)) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', 'The choice rule has no valid comparison operator', at));
    }
  });
  if ('Default' in state) requireTarget(state.Default, states, `${loc}/Default`, out);
}

function ruleIsWellFormed(rule: JsonObject): boolean {
  if (Array.isArray(rule.And) || Array.isArray(rule.Or)) {
    const list = (rule.And ?? rule.Or) as Json[];
    return list.length > 0 && list.every((r) => isJsonObject(r) && ruleIsWellFormed(r));
  }
  if (isJsonObject(rule.Not)) return ruleIsWellFormed(rule.Not);
  return typeof rule.Variable === 'string' && CHOICE_OPERATORS.some((op) => op in rule);
}

function validateErrorHandlers(state: JsonObject, loc: string, states: JsonObject, out: Diagnostic[]): void {
  for (const field of ['Retry', 'Catch'] as const) {
    const list = state[field];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.push(diag('SCHEMA_VALIDATION_FAILED', `The field "${field}" must be an array`, `${loc}/${field}`));
      continue;
    }
    list.forEach((entry, i) => {
      const at = `${loc}/${field}[${i}]`;
      if (!isJsonObject(entry) || !Array.isArray(entry.ErrorEquals) || entry.ErrorEquals.length === 0) {
        out.push(diag('SCHEMA_VALIDATION_FAILED', 'The field "ErrorEquals" must be a non-empty array', at));
        return;
      }
      if (entry.ErrorEquals.includes('States.ALL') && (entry.ErrorEquals.length > 1 || i !== list.length - 1)) {
        out.push(diag('SCHEMA_VALIDATION_FAILED', 'States.ALL must appear alone in the last retrier or catcher', at));
      }
      if (field === 'Catch') requireTarget(entry.Next, states, `${at}/Next`, out);
    });
  }
}
