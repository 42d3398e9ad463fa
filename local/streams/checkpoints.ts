// Where each stream shard was last processed up to, so a restarted runtime does not replay records.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Checkpoints {
  get(shard: string): string | undefined;
  /** Records that every record up to `sequenceNumber` was handled; durable before it returns. */
  set(shard: string, sequenceNumber: string): void;
}

/** Checkpoints kept in memory only (tests with an in-memory DynamoDB). */
export function memoryCheckpoints(): Checkpoints {
  const map = new Map<string, string>();
  return { get: (shard) => map.get(shard), set: (shard, seq) => void map.set(shard, seq) };
}

/** Checkpoints in a JSON file, replaced atomically on every write so a crash leaves the old or the new one. */
export function fileCheckpoints(path: string): Checkpoints {
  let state: Record<string, string> = {};
  try {
    state = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  return {
    get: (shard) => state[shard],
    set(shard, seq) {
      state = { ...state, [shard]: seq };
      writeFileSync(`${path}.tmp`, JSON.stringify(state));
      renameSync(`${path}.tmp`, path);
    },
  };
}
