// GET /v1/notifications/undelivered: notifications given up on after ~24 hours, for the supervision office to chase by phone.
import { ForbiddenError } from '../../domain/errors.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json } from '../shared/http.js';
import { deliveries } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  if (actor.role !== 'supervisor' && actor.role !== 'admin') {
    throw new ForbiddenError('notifications.supervision-only', { zh: '只有市热线办跟进未送达的通知', en: 'only the supervision office follows up undelivered notifications' });
  }
  return json(200, { items: await deliveries.undelivered() });
});
