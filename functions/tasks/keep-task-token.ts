// Workflow task (.waitForTaskToken): keeps the token of a wait server-side, under the key of what waits.
import middy from '@middy/core';
import { now } from '../../adapters/clock.js';
import { KeepTaskTokenPayload } from '../../schemas/workflows/task-token.js';
import { panels, taskTokens, tickets, wakeLifecycle, wakeVoteWait } from '../shared/services.js';
import { withLogging } from '../shared/logger.js';

export const handler = middy(async (event: unknown) => {
  const { waitFor, token, seen, seat } = KeepTaskTokenPayload.parse(event);
  await taskTokens.put(waitFor, token, now(), seen?.version);
  if (seat) {
    // The same handshake for a vote: a vote cast before the token was kept wakes the wait here.
    const panel = await panels.get(seat.panelId);
    if (!panel || panel.votes[seat.memberId] || panel.status === 'closed') await wakeVoteWait(seat.panelId, seat.memberId, token);
  }
  if (seen) {
    // An action saves the ticket, then looks for the token; this keeps the token, then looks at the ticket: one of the
    // two sees the other, so a change made while the machine moved between waits is never left unwoken.
    const ticket = await tickets.get(seen.ticketId);
    if (ticket && ticket.version !== seen.version) await wakeLifecycle(ticket, token);
  }
  return { waiting: waitFor };
}).use(withLogging());
