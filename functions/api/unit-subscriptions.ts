// GET/PUT /v1/units/{id}/subscriptions and /v1/panel-members/{id}/subscriptions: where a unit receives its tickets, or
// a panel member its panels (administrators only); secrets are write-only, and a webhook must point at a public host.
import { webhookTargetPolicy } from '../../adapters/webhook/target-policy.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { requirePublicWebhooks } from '../../domain/notifications/webhook-target.js';
import { SubscriptionsUpdate, viewOfSubscriptions } from '../../schemas/unit.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody, pathParameter } from '../shared/http.js';
import { directory } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  if (requestActor(event).role !== 'admin') throw new ForbiddenError('subscriptions.admin-only', { zh: '只有系统管理员可以设置通知订阅', en: 'only an administrator manages subscriptions' });
  const unitId = pathParameter(event, 'id', Id);
  const member = event.rawPath.startsWith('/v1/panel-members/');
  const known = member ? (await directory.panelMembers()).some((m) => m.id === unitId) : (await directory.units()).some((u) => u.id === unitId);
  if (!known) throw new NotFoundError(member ? 'panel-member' : 'unit', unitId);
  if (event.requestContext.http.method === 'PUT') {
    const subscriptions = parseBody(event, SubscriptionsUpdate);
    // As written only: a host name is resolved, and its addresses checked, at each delivery (DNS answers change).
    requirePublicWebhooks(subscriptions.webhooks, webhookTargetPolicy());
    await directory.putSubscriptions(unitId, subscriptions);
  }
  // A webhook secret is write-only: set with PUT, never answered back.
  return json(200, viewOfSubscriptions(await directory.subscriptions(unitId)));
});
