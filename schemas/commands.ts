// Command bodies of the API: intake, the actions a unit or the supervision office takes, the callback.
import { z } from 'zod';
import { Channel, Id, TicketKind, typedText, Urgency } from './common.js';
import type { Panel } from './panel.js';
import { Citizen, Location } from './ticket.js';
import { chinese } from './validation-error.js';

const line = (max: number) => typedText().min(1, 'must not be empty').max(max);
const text = (max: number) => typedText({ lines: true }).min(1, 'must not be empty').max(max);
// Chinese says much in few characters: 需协调 is a reason.
const reason = typedText({ lines: true }).min(2, 'must give a reason').max(1000);
/** What an extension's decision or a callback adds in words, if anything. */
const comment = (max: number) => typedText({ lines: true }).max(max).optional();
// Far more than any real request asks (an extension adds at most 10 working days, a whistle calls a few departments):
// the rules say how many, the schema only keeps a number or a list from being absurd.
const days = z.number().int().positive().max(365);

/** `Idempotency-Key` of an intake request: the caller's own name for one call, kept 24 hours. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be 1-128 printable ASCII characters').optional();

/** `POST /v1/tickets`: kind and urgency default from the category when omitted. */
export const CreateTicket = z.object({
  channel: Channel,
  kind: TicketKind.optional(),
  urgency: Urgency.optional(),
  category: typedText().min(1).max(64),
  title: line(100),
  description: text(4000),
  location: Location,
  citizen: Citizen,
});
export type CreateTicket = z.infer<typeof CreateTicket>;


export const AcceptAction = z.object({ type: z.literal('accept') });
export const ResolveAction = z.object({ type: z.literal('resolve'), reply: text(4000) });
export const ReturnAction = z.object({
  type: z.literal('return'),
  reason,
  /** The unit the returning unit believes should handle it. */
  suggestedUnitId: Id.optional(),
});
export const RequestExtensionAction = z.object({
  type: z.literal('request-extension'),
  days,
  reason,
});
export const DecideExtensionAction = z.object({
  type: z.literal('decide-extension'),
  approve: z.boolean(),
  comment: comment(1000),
});
export const WhistleAction = z.object({
  type: z.literal('whistle'),
  departmentIds: z.array(Id).min(1, 'name at least one department').max(20),
  reason,
});
/** A unit called in by a whistle reports in (报到), saying what it will do. */
export const ReportInAction = z.object({ type: z.literal('report-in'), note: text(1000) });
/** A unit that reported in adds its reply: what it did, for the lead street to answer the citizen with. */
export const AddReplyAction = z.object({ type: z.literal('add-reply'), reply: text(2000) });
export const MarkDifficultAction = z.object({ type: z.literal('mark-difficult'), reason });
/** The supervision office takes a ticket off the zeroing ledger as handled reasonably (e.g. a panel found it beyond policy). */
export const CertifyZeroingAction = z.object({ type: z.literal('certify-zeroing'), reason });
export const DecideDifficultAction = z.discriminatedUnion('decision', [
  z.object({ type: z.literal('decide-difficult'), decision: z.literal('redispatch'), unitId: Id }),
  z.object({
    type: z.literal('decide-difficult'),
    decision: z.literal('order'),
    unitId: Id,
    days,
  }),
  z.object({ type: z.literal('decide-difficult'), decision: z.literal('close'), explanation: reason }),
  /** To a joint-review panel (疑难事项联席会商): also for a ticket awaiting designation, when units dispute it. */
  z.object({
    type: z.literal('decide-difficult'),
    decision: z.literal('refer-to-panel'),
    reason,
    /** Units disputing the case besides the one that marked it difficult: members tied to any of them sit out. */
    involvedUnitIds: z.array(Id).max(20).default([]),
  }),
]);
export const DesignateAction = z.object({ type: z.literal('designate'), unitId: Id });
/** The dispatch desk approves a return (to the suggested unit, or the one it names) or rejects it with a reason. */
export const ReviewReturnAction = z.discriminatedUnion('decision', [
  z.object({ type: z.literal('review-return'), decision: z.literal('approve'), unitId: Id.optional() }),
  z.object({ type: z.literal('review-return'), decision: z.literal('reject'), reason }),
]);

/** `POST /v1/tickets/{id}/actions`: the body names the action in `type`. */
export const TicketAction = z.union([
  AcceptAction,
  ResolveAction,
  ReturnAction,
  RequestExtensionAction,
  DecideExtensionAction,
  WhistleAction,
  ReportInAction,
  AddReplyAction,
  CertifyZeroingAction,
  MarkDifficultAction,
  DecideDifficultAction,
  DesignateAction,
  ReviewReturnAction,
]);
export type TicketAction = z.infer<typeof TicketAction>;
export type TicketActionType = TicketAction['type'];

const actionSchemas = {
  accept: AcceptAction,
  resolve: ResolveAction,
  return: ReturnAction,
  'request-extension': RequestExtensionAction,
  'decide-extension': DecideExtensionAction,
  whistle: WhistleAction,
  'report-in': ReportInAction,
  'add-reply': AddReplyAction,
  'certify-zeroing': CertifyZeroingAction,
  'mark-difficult': MarkDifficultAction,
  'decide-difficult': DecideDifficultAction,
  designate: DesignateAction,
  'review-return': ReviewReturnAction,
} as const;

export const ticketActionTypes = Object.keys(actionSchemas) as TicketActionType[];

/** What a person may be offered on a ticket: each action, and recording the citizen's callback (`POST …/callback`). */
export const LifecycleAction = z.enum<readonly (TicketActionType | 'callback')[]>([...ticketActionTypes, 'callback']);
export type LifecycleAction = z.infer<typeof LifecycleAction>;

/** Parses an action body by its `type` first, so errors name the action's own fields, not a union. */
export const TicketActionBody = z.unknown().transform((body, ctx): TicketAction => {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  // Own keys only: `constructor` or `__proto__` is no action, whatever the object inherits.
  const schema = typeof type === 'string' && Object.hasOwn(actionSchemas, type) ? actionSchemas[type as TicketActionType] : undefined;
  if (!schema) {
    // Only a string is repeated back, and only its start: `type` may be anything JSON holds, of any size.
    const given = typeof type === 'string' ? (type.length > 40 ? `${type.slice(0, 40)}…` : type) : type === null ? 'null' : typeof type;
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: `unknown action ${typeof type === 'string' ? JSON.stringify(given) : given}; expected one of ${ticketActionTypes.join(', ')}`,
      params: { zh: `没有“${given}”这种操作；应为 ${ticketActionTypes.join('、')} 之一` },
    });
    return z.NEVER;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // Re-raised as custom issues: their Chinese is worked out now, from the check that failed.
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, params: { zh: chinese(issue) } });
    return z.NEVER;
  }
  return parsed.data;
});

/** `POST /v1/tickets/{id}/callback`: what the citizen said when asked. */
export const Callback = z.object({
  resolved: z.boolean(),
  satisfied: z.boolean(),
  comment: comment(2000),
});
export type Callback = z.infer<typeof Callback>;

/** What the workflow tells the domain when time passes; never sent by a person. */
export type SystemCommand =
  | { type: 'dispatch' }
  | { type: 'warn' }
  | { type: 'escalate' }
  | { type: 'callback-timeout' }
  | { type: 'return-review-timeout' }
  | { type: 'report-in-timeout' }
  | { type: 'panel-convened'; panel: Panel }
  | { type: 'panel-reminded'; panel: Panel; memberId: string }
  | { type: 'panel-closed'; panel: Panel; lastRound: boolean }
  | { type: 'review-unseated'; reason: string }
  | { type: 'zeroing-assign'; month: string; reason: 'unresolved' | 'unsatisfied' | 'overdue'; unitId: string };

/** Everything `decide` understands. */
export type TicketCommand = TicketAction | ({ type: 'callback' } & Callback) | SystemCommand;
