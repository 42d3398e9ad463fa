// Creates the manifest's state machines in the engine from their ASL files, with substitutions resolved locally.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { StateMachineSpec } from '../../infra/manifest-types.js';
import type { Engine } from '../stepfunctions/engine.js';
import { ACCOUNT, REGION, functionArn } from './function-registry.js';

/** The ARN a state machine has in the local engine. */
export function stateMachineArn(name: string): string {
  return `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:casework-${name}`;
}

/** The ASL text of a machine with `${Key}` substitutions replaced, as CloudFormation's DefinitionSubstitutions would. */
export function substitutedDefinition(spec: StateMachineSpec, root: string, tableName: (logical: string) => string): string {
  const text = readFileSync(resolve(root, spec.definitionFile), 'utf8');
  return text.replace(/\$\{(\w+)\}/g, (whole, key: string) => {
    const target = spec.substitutions[key];
    if (!target) return whole;
    if ('function' in target) return functionArn(target.function);
    if ('table' in target) return tableName(target.table);
    return stateMachineArn(target.stateMachine);
  });
}

/** Creates each machine, or updates it when its definition changed since the last start. */
export async function deployStateMachines(engine: Engine, specs: readonly StateMachineSpec[], root: string, tableName: (logical: string) => string) {
  for (const spec of specs) {
    const definition = substitutedDefinition(spec, root, tableName);
    const arn = stateMachineArn(spec.name);
    const existing = await engine.describeStateMachine({ stateMachineArn: arn }).catch(() => undefined);
    if (!existing) await engine.createStateMachine({ name: `casework-${spec.name}`, definition });
    else if (existing.definition !== definition) await engine.updateStateMachine({ stateMachineArn: arn, definition });
  }
}
