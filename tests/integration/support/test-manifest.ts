// The real manifest plus a waiting machine, for tests that run the runtime as a process.
import type { Manifest } from '../../../infra/manifest-types.js';
import { manifest as base } from '../../../infra/manifest.js';

export const manifest: Manifest = {
  ...base,
  stateMachines: [...base.stateMachines, { name: 'wait-a-day', definitionFile: 'tests/integration/support/wait-a-day.asl.json', substitutions: {} }],
};
