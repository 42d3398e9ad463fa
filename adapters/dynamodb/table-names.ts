// Physical table names: functions read them from the environment the runtime (CDK or local) sets.
import { tableEnvName } from '../../infra/manifest-types.js';

/** The physical name of a manifest table, from its `TABLE_*` environment variable. */
export function tableName(logical: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = env[tableEnvName(logical)];
  if (!name) throw new Error(`${tableEnvName(logical)} is not set: is the table in this function's manifest entry (infra/manifest.ts)?`);
  return name;
}
