// What every stack module needs: the stage, the physical-name prefix, and the repository root for entries and ASL files.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export type Stage = 'dev' | 'prod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function fromRoot(relative: string): string {
  return path.join(repoRoot, relative);
}

export function prefixOf(stage: Stage): string {
  return `casework-${stage}`;
}
