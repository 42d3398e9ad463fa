// GET /v1/progress/{id}?phone=1234 (我的诉求, no sign-in): the status, handling unit and reply of a request, for its
// number and the last four digits of the caller's phone; wrong pairs and bursts of tries are refused.
import { Id } from '../../schemas/common.js';
import { ProgressQuery } from '../../schemas/progress-query.js';
import { now } from '../../adapters/clock.js';
import { citizenProgress, matchesPhone, noSuchRequest, PROGRESS_LIMITS, tooManyTries } from '../../domain/tickets/citizen-progress.js';
import { systemActor } from '../../schemas/actor.js';
import { httpHandler, json, parseQuery, pathParameter } from '../shared/http.js';
import { decisionContext, throttles, tickets } from '../shared/services.js';

const { triesPerTicket, triesPerAddress, windowSeconds } = PROGRESS_LIMITS;

export const handler = httpHandler(async (event) => {
  const { phone } = parseQuery(event, ProgressQuery);
  const id = pathParameter(event, 'id', Id);
  const at = now();
  // Every try from an address counts; a ticket counts the wrong ones, so guessing its digits stops at a few.
  if ((await throttles.count(`address#${event.requestContext.http.sourceIp}`, windowSeconds, at)) > triesPerAddress) throw tooManyTries();
  if ((await throttles.tries(`ticket#${id}`, at)) >= triesPerTicket) throw tooManyTries();
  const ticket = /^[\w.-]{1,64}$/.test(id) ? await tickets.get(id) : undefined;
  if (!ticket || !matchesPhone(ticket, phone)) {
    await throttles.count(`ticket#${id.slice(0, 64)}`, windowSeconds, at);
    throw noSuchRequest();
  }
  return json(200, citizenProgress(ticket, (await decisionContext(systemActor)).city), { 'cache-control': 'no-store' });
});
