// Map state (inline processing): selects the items, builds each item's input, and asks for child frames.
import { isJsonObject, jsonTypeName, type Json, type JsonObject } from '../json.js';
import { StatesItemReaderFailedError, StatesRuntimeError } from '../errors/states-errors.js';
import type { ChildSpec, StateDefinition } from '../model.js';
import { expectJsonataType, jsonataExpression } from '../query/jsonata-evaluator.js';
import { numberField, type StateContext, type StateModule, type StepOutcome } from './state-module.js';

/** Key of the item processor (ItemProcessor or the older Iterator) of Map state `stateName`. */
export function processorBlockKey(blockKey: string, stateName: string): string {
  return `${blockKey}/${stateName}/ItemProcessor`;
}

async function selectItems(state: StateDefinition, input: Json, ctx: StateContext): Promise<Json[]> {
  if (ctx.evaluator.language === 'JSONata') {
    if (state.Items === undefined) {
      expectJsonataType(input, 'array', '$states.input', 'Items');
      return input as Json[];
    }
    const items = await ctx.evaluator.value(state.Items, ctx.scope, 'Items');
    expectJsonataType(items, 'array', jsonataExpression(state.Items) ?? JSON.stringify(state.Items), 'Items');
    return items as Json[];
  }
  const path = typeof state.ItemsPath === 'string' ? state.ItemsPath : '$';
  const items = await ctx.evaluator.value(path, ctx.scope, 'ItemsPath');
  if (items === undefined) throw new StatesRuntimeError(`Invalid path '${path}' : No results for path: ${path}`);
  if (!Array.isArray(items)) {
    throw new StatesRuntimeError(`Item selector path '${path}' did not reference an array, but a value of type ${jsonTypeName(items)}.`);
  }
  return items;
}

async function itemInput(state: StateDefinition, index: number, value: Json, ctx: StateContext): Promise<Json> {
  const selector = state.ItemSelector ?? (ctx.evaluator.language === 'JSONPath' ? state.Parameters : undefined);
  if (selector === undefined) return value;
  const context: JsonObject = { ...(isJsonObject(ctx.scope.context) ? ctx.scope.context : {}), Map: { Item: { Index: index, Value: value } } };
  return ctx.evaluator.template(selector, { ...ctx.scope, context }, state.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters');
}

async function tolerance(state: StateDefinition, ctx: StateContext): Promise<{ count?: number; percentage?: number }> {
  const count = (await numberField(state, 'ToleratedFailureCount', ctx)).value;
  const percentage = (await numberField(state, 'ToleratedFailurePercentage', ctx)).value;
  if (count !== undefined && (!Number.isInteger(count) || count < 0)) {
    throw new StatesRuntimeError('ToleratedFailureCount cannot be negative.');
  }
  if (percentage !== undefined && (Number.isNaN(percentage) || percentage < 0 || percentage > 100)) {
    throw new StatesRuntimeError('ToleratedFailurePercentage must be between 0 and 100.');
  }
  return { count, percentage };
}

export const mapState: StateModule = {
  async execute(state: StateDefinition, input: Json, ctx: StateContext): Promise<StepOutcome> {
    if (state.ItemReader !== undefined) {
      throw new StatesItemReaderFailedError('ItemReader (reading items from S3) is not supported by the local engine.');
    }
    const concurrency = (await numberField(state, 'MaxConcurrency', ctx)).value ?? 0;
    if (!Number.isInteger(concurrency) || concurrency < 0) {
      throw new StatesRuntimeError(`MaxConcurrency must be a non-negative integer, but was ${String(concurrency)}.`);
    }
    const { count, percentage } = await tolerance(state, ctx);
    const items = await selectItems(state, input, ctx);
    const children: ChildSpec[] = [];
    const blockKey = processorBlockKey(ctx.blockKey, ctx.stateName);
    for (let i = 0; i < items.length; i += 1) {
      children.push({ blockKey, input: await itemInput(state, i, items[i] as Json, ctx), index: i });
    }
    const processor = isJsonObject(state.ItemProcessor) ? state.ItemProcessor : isJsonObject(state.Iterator) ? state.Iterator : {};
    const config = isJsonObject(processor.ProcessorConfig) ? processor.ProcessorConfig : {};
    return {
      kind: 'fork',
      plan: {
        mode: 'map',
        children,
        maxConcurrency: concurrency,
        tolerant: config.Mode === 'DISTRIBUTED' || count !== undefined || percentage !== undefined,
        toleratedCount: count,
        toleratedPercentage: percentage,
      },
    };
  },
};
