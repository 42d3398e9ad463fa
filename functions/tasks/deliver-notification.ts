// Delivery task: a retry of a notification whose first attempt (made by notify-units) failed; a failure throws so the
// workflow tries again (or, for a refused target, gives up at once).
import middy from '@middy/core';
import { DeliverPayload } from '../../schemas/workflows/notification-delivery.js';
import { attemptDelivery } from '../shared/attempt-delivery.js';
import { withLogging } from '../shared/logger.js';

class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}

// The workflow does not retry this one (its Retry names it with MaxAttempts 0): a target that points where webhooks
// may not go stays refused, so it is flagged to the supervision office at once instead of being tried for a day.
class TargetRefusedError extends Error {
  override name = 'TargetRefusedError';
}

export const handler = middy(async (input: unknown) => {
  const { delivery, attempt } = DeliverPayload.parse(input);
  const result = await attemptDelivery(delivery, attempt + 1);
  if (result.outcome === 'refused') throw new TargetRefusedError(result.reason);
  if (result.outcome === 'failed') throw new DeliveryFailedError(result.reason);
  return result.outcome === 'skipped' ? { skipped: result.reason } : { delivered: true };
}).use(withLogging());
