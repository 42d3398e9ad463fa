// GET /v1/board: the supervision office's wall screen, polled every few seconds: open tickets by level and district,
// deadlines passed or near, the last 14 days, the office's pending queues. A coordinator's board is its district's.
import { boardScope, readBoard } from '../../domain/board/read-board.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, revalidatedJson } from '../shared/http.js';
import { boardSource, decisionContext } from '../shared/services.js';

export const handler = httpHandler(async (event) => {
  const actor = requestActor(event);
  const scope = boardScope(actor);
  const { city, now } = await decisionContext(actor);
  const board = await readBoard(boardSource, city, now, scope);
  // The tag is of the figures: a poll that finds every number as it was gets a 304, whatever the time.
  const { asOf: _asOf, ...figures } = board;
  return revalidatedJson(event, board, figures);
});
