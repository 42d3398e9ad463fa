// The demo Open311 client of the local runtime: a known key, so a GeoReport v2 client can be pointed at it at once.
import type { Open311ClientRepository } from '../../adapters/dynamodb/open311-client-repository.js';
import { ConflictError } from '../../domain/errors.js';
import { hashApiKey } from '../../domain/open311/api-key.js';

/** The demo key: local only. In AWS the administrator issues every key (POST /v1/open311/clients). */
export const DEMO_OPEN311_KEY = 'casework-demo';

/** Registers the demo client under its key; one already there (a restart racing another) is left as it is. */
export async function seedDemoOpen311Client(clients: Open311ClientRepository, at: Date): Promise<void> {
  try {
    await clients.create({ id: 'demo', name: '演示客户端 (demo client)', createdAt: at.toISOString(), createdBy: 'admin' }, hashApiKey(DEMO_OPEN311_KEY));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}
