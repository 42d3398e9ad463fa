// GET /v1/tickets/{id}/workflow: the lifecycle as a graph, the path the ticket's execution took, and its joint reviews.
import { NotFoundError } from '../../domain/errors.js';
import { requireTicketReader } from '../../domain/tickets/ticket-readers.js';
import { executionArn } from '../../domain/workflow/execution-path.js';
import { readWorkflow } from '../../domain/workflow/read-workflow.js';
import { Id } from '../../schemas/common.js';
import { requestActor } from '../shared/actor.js';
import { httpHandler, json, pathParameter } from '../shared/http.js';
import { executions, tickets } from '../shared/services.js';

const lifecycle = process.env.STATE_MACHINE_TICKET_LIFECYCLE;
// The machines by their deployed ARN, so the answer names them as the manifest does whatever the stage's prefix.
const machineNames = new Map(
  Object.entries({ 'ticket-lifecycle': lifecycle, 'joint-review': process.env.STATE_MACHINE_JOINT_REVIEW }).flatMap(([name, arn]) => (arn ? [[arn, name] as const] : [])),
);

export const handler = httpHandler(async (event) => {
  if (!lifecycle) throw new Error('STATE_MACHINE_TICKET_LIFECYCLE is not set');
  const id = pathParameter(event, 'id', Id);
  const [ticket, timeline] = await Promise.all([tickets.get(id), tickets.history(id)]);
  if (!ticket) throw new NotFoundError('ticket', id);
  requireTicketReader(ticket, timeline, requestActor(event));
  // The lifecycle execution is named after its ticket (functions/streams/start-lifecycle.ts).
  const workflow = await readWorkflow(executions, { stateMachineArn: lifecycle, executionArn: executionArn(lifecycle, id) }, machineNames);
  return json(200, workflow);
});
