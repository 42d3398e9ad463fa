// Choice state: picks the first matching rule (JSONPath operators or a JSONata Condition), else Default.
import { isJsonObject, type Json } from '../json.js';
import { StatesNoChoiceMatchedError } from '../errors/states-errors.js';
import type { StateDefinition } from '../model.js';
import { expectJsonataType, jsonataExpression } from '../query/jsonata-evaluator.js';
import { evaluateRule } from './choice-rules.js';
import type { StateContext, StateModule, StepOutcome } from './state-module.js';

export const choiceState: StateModule = {
  async execute(state: StateDefinition, _input: Json, ctx: StateContext): Promise<StepOutcome> {
    const choices = Array.isArray(state.Choices) ? state.Choices : [];
    for (let i = 0; i < choices.length; i += 1) {
      const rule = choices[i];
      if (!isJsonObject(rule)) continue;
      let matched: boolean;
      if (ctx.evaluator.language === 'JSONata') {
        const field = `Choices[${i}]/Condition`;
        const value = await ctx.evaluator.value(rule.Condition ?? null, ctx.scope, field);
        expectJsonataType(value, 'boolean', jsonataExpression(rule.Condition) ?? String(rule.Condition), field);
        matched = value === true;
      } else {
        matched = evaluateRule(rule, ctx.scope);
      }
      if (matched) return { kind: 'branch', next: String(rule.Next), rule };
    }
    if (typeof state.Default === 'string') return { kind: 'branch', next: state.Default };
    return { kind: 'error', error: new StatesNoChoiceMatchedError() };
  },
};
