// POST /v1/panels/{id}/votes: a seated member votes once, with a rationale; the member's wait in the review wakes.
import { now } from '../../adapters/clock.js';
import { NotFoundError } from '../../domain/errors.js';
import { castVote } from '../../domain/panel/cast-vote.js';
import { systemActor } from '../../schemas/actor.js';
import { CastVote } from '../../schemas/panel.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, parseBody, pathParameter } from '../shared/http.js';
import { decisionContext, panels, wakeVoteWait } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  const id = pathParameter(event, 'id', Id);
  const body = parseBody(event, CastVote);
  const panel = await panels.get(id);
  if (!panel) throw new NotFoundError('panel', id);
  const memberId = actor.role === 'panelist' ? actor.memberId : undefined;
  const vote = castVote(panel, memberId, body, now(), (await decisionContext(systemActor)).city);
  // Conditional on the seat having no vote and the panel still voting: of concurrent votes, one counts.
  await panels.vote(panel.id, vote);
  await wakeVoteWait(panel.id, vote.memberId);
  return json(201, { panelId: panel.id, ...vote });
});
