// GET/POST /v1/open311/clients, DELETE /v1/open311/clients/{id}: the administrator issues and revokes Open311 API keys.
// A key is answered once, when it is issued; only its hash is kept.
import { now } from '../../adapters/clock.js';
import { ForbiddenError } from '../../domain/errors.js';
import { hashApiKey, newApiKey } from '../../domain/open311/api-key.js';
import { Id } from '../../schemas/common.js';
import { CreateOpen311Client } from '../../schemas/open311.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody, pathParameter } from '../shared/http.js';
import { open311Clients } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  if (actor.role !== 'admin') throw new ForbiddenError('open311-clients.admin-only', { zh: '只有系统管理员可以管理 Open311 客户端和密钥', en: 'only an administrator manages Open311 clients and keys' });
  const method = event.requestContext.http.method;
  if (method === 'DELETE') {
    await open311Clients.remove(pathParameter(event, 'id', Id));
    return { statusCode: 204 };
  }
  if (method === 'POST') {
    const asked = parseBody(event, CreateOpen311Client);
    const key = newApiKey();
    const client = { ...asked, createdAt: now().toISOString(), createdBy: actor.userId };
    await open311Clients.create(client, hashApiKey(key));
    return json(201, { ...client, apiKey: key }, { location: `/v1/open311/clients/${client.id}`, 'cache-control': 'no-store' });
  }
  return json(200, { items: await open311Clients.all() });
});
