// Intake: a validated request body becomes the ticket's first event, with kind and urgency held to the catalogue.
import type { Actor } from '../../schemas/actor.js';
import type { CreateTicket } from '../../schemas/commands.js';
import type { Urgency } from '../../schemas/common.js';
import type { NewTicketEvent } from '../../schemas/ticket-events.js';
import type { FieldIssue } from '../../schemas/validation-error.js';
import { RuleViolationError, ValidationError } from '../errors.js';
import type { DecisionContext } from './decision-context.js';
import { requireRole } from './guards.js';

const urgencyRank: Record<Urgency, number> = { normal: 0, utility: 1, danger: 2 };

/** Refuses anyone but intake's roles: the handler asks before it reads the body, so a refused person learns nothing of it. */
export function requireIntakeRole(actor: Actor): void {
  requireRole(actor, ['operator', 'supervisor', 'admin'], 'create-ticket');
}

/** A request opened: its `ticket.created` event and what intake corrected in it (said back to the operator). */
export interface Opened {
  events: NewTicketEvent[];
  corrections: FieldIssue[];
}

/**
 * The `ticket.created` event for a request. Throws naming the fields that refer to nothing in this city, or an
 * urgency below the category's (a fire is never "normal"); a kind other than the category's is corrected, since
 * the category decides the time limit. `client`: the Open311 client submitting it, if one is.
 */
export function openTicket(body: CreateTicket, ctx: DecisionContext, client?: string): Opened {
  requireIntakeRole(ctx.actor);
  const issues = ctx.city.checkTicketReferences(body.category, body.location);
  const category = ctx.city.category(body.category);
  if (issues.length > 0 || !category) throw new ValidationError(issues);
  if (body.urgency && urgencyRank[body.urgency] < urgencyRank[category.urgency]) {
    throw new RuleViolationError('intake.urgency-below-category', {
      zh: `urgency：“${body.urgency}”低于诉求类别 ${category.code}（${category.name.zh}）的紧急程度“${category.urgency}”；只可调高，不可调低`,
      en: `urgency: "${body.urgency}" is below "${category.urgency}", the urgency of category ${category.code} (${category.name.zh}); it may be raised, never lowered`,
    });
  }
  const corrections: FieldIssue[] =
    body.kind && body.kind !== category.kind
      ? [
          {
            path: 'kind',
            message: `"${body.kind}" was corrected to "${category.kind}", the kind of category ${category.code} (${category.name.zh})`,
            zh: `已由“${body.kind}”更正为诉求类别 ${category.code}（${category.name.zh}）的“${category.kind}”`,
          },
        ]
      : [];
  const created: NewTicketEvent = {
    type: 'ticket.created',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    channel: body.channel,
    kind: category.kind,
    urgency: body.urgency ?? category.urgency,
    category: category.code,
    title: body.title,
    description: body.description,
    location: body.location,
    citizen: body.citizen,
    ...(client ? { client } : {}),
  };
  return { events: [created], corrections };
}
