// Parsed machine definitions: the block index (root, Parallel branches, Map processors) the frames point into.
import { isJsonObject, type Json, type JsonObject } from '../json.js';
import type { QueryLanguage, StateDefinition, StatesBlock } from '../model.js';
import { branchBlockKey } from '../states/parallel.js';
import { processorBlockKey } from '../states/map.js';

export interface CompiledMachine {
  root: JsonObject;
  queryLanguage: QueryLanguage;
  timeoutSeconds?: number;
  blocks: Map<string, StatesBlock>;
}

const cache = new Map<string, CompiledMachine>();

/** Compiles (and caches by text) a definition that has already passed validation. */
export function compileDefinition(text: string): CompiledMachine {
  const hit = cache.get(text);
  if (hit) return hit;
  const root = JSON.parse(text) as JsonObject;
  const blocks = new Map<string, StatesBlock>();
  indexBlock(root, '', blocks);
  const compiled: CompiledMachine = {
    root,
    queryLanguage: root.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath',
    timeoutSeconds: typeof root.TimeoutSeconds === 'number' ? root.TimeoutSeconds : undefined,
    blocks,
  };
  if (cache.size > 1000) cache.clear();
  cache.set(text, compiled);
  return compiled;
}

function indexBlock(block: Json | undefined, key: string, out: Map<string, StatesBlock>): void {
  if (!isJsonObject(block) || !isJsonObject(block.States)) return;
  out.set(key, block as unknown as StatesBlock);
  for (const [name, state] of Object.entries(block.States)) {
    if (!isJsonObject(state)) continue;
    if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
      state.Branches.forEach((b, i) => indexBlock(b, branchBlockKey(key, name, i), out));
    }
    if (state.Type === 'Map') indexBlock(state.ItemProcessor ?? state.Iterator, processorBlockKey(key, name), out);
  }
}

/** The state definition of `name` in block `blockKey`. */
export function findState(machine: CompiledMachine, blockKey: string, name: string): StateDefinition | undefined {
  return machine.blocks.get(blockKey)?.States[name];
}

/** The query language a state uses: its own, else the machine's, else JSONPath. */
export function stateQueryLanguage(machine: CompiledMachine, state: StateDefinition): QueryLanguage {
  if (state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath') return state.QueryLanguage;
  return machine.queryLanguage;
}
