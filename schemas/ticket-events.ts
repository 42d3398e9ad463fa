// The ticket's history: every decision of a person or the system, as an immutable event.
import { z } from 'zod';
import { Actor } from './actor.js';
import { Channel, EmergencyLine, EscalationLevel, Id, IsoDateTime, Month, TicketKind, Urgency } from './common.js';
import { PanelDecision, PanelResult } from './panel.js';
import { Citizen, Deadlines, Location, Outcome, ZeroingMark } from './ticket.js';

const base = {
  ticketId: Id,
  /** 1-based position in the ticket's history; with ticketId it is the event's identity. */
  seq: z.number().int().positive(),
  at: IsoDateTime,
  actor: Actor,
};

export const DispatchReason = z.enum(['direct', 'rerouted', 'designated', 'redispatched', 'ordered', 'panel-assigned', 'panel-ordered']);
export type DispatchReason = z.infer<typeof DispatchReason>;

export const TicketCreated = z.object({
  ...base,
  type: z.literal('ticket.created'),
  channel: Channel,
  kind: TicketKind,
  urgency: Urgency,
  category: z.string(),
  title: z.string(),
  description: z.string(),
  location: Location,
  citizen: Citizen,
  /** The Open311 client (API key) that submitted it: the one client that may read it back through Open311. */
  client: Id.optional(),
});

export const TicketDispatched = z.object({
  ...base,
  type: z.literal('ticket.dispatched'),
  unitId: Id,
  level: EscalationLevel,
  reason: DispatchReason,
  /** Dispatched straight into handling (an order of the supervision office): no acceptance step. */
  accepted: z.boolean().default(false),
  deadlines: Deadlines,
  /** Milliseconds from intake to this dispatch (一单通达 speed). */
  dispatchMs: z.number().int().min(0),
});

export const TicketAccepted = z.object({ ...base, type: z.literal('ticket.accepted'), unitId: Id });

export const TicketWarning = z.object({
  ...base,
  type: z.literal('ticket.warning'),
  unitId: Id,
  fraction: z.number(),
  deadline: IsoDateTime,
});

export const TicketEscalated = z.object({
  ...base,
  type: z.literal('ticket.escalated'),
  reason: z.enum(['deadline-missed', 'whistle']),
  fromUnitId: Id,
  toUnitId: Id,
  fromLevel: EscalationLevel,
  toLevel: EscalationLevel,
  deadlines: Deadlines,
});

export const TicketWhistled = z.object({
  ...base,
  type: z.literal('ticket.whistled'),
  /** The street that blew the whistle and stays the lead. */
  unitId: Id,
  departmentIds: z.array(Id),
  reason: z.string(),
  /** The district called in with the departments, and when all must have reported in (absent on old whistles). */
  districtId: Id.optional(),
  reportBy: IsoDateTime.optional(),
});

export const TicketReportedIn = z.object({
  ...base,
  type: z.literal('ticket.reported-in'),
  unitId: Id,
  /** The street leading the ticket, told that this unit reported in. */
  leadUnitId: Id,
  note: z.string(),
});

export const TicketParticipantReplied = z.object({
  ...base,
  type: z.literal('ticket.participant-replied'),
  /** The unit called in by the whistle, replying after it reported in. */
  unitId: Id,
  /** The street leading the ticket, told of the reply. */
  leadUnitId: Id,
  reply: z.string(),
});

export const TicketReportInMissed = z.object({
  ...base,
  type: z.literal('ticket.report-in-missed'),
  unitIds: z.array(Id),
  districtId: Id,
  supervisionUnitId: Id,
});

export const TicketReturned = z.object({
  ...base,
  type: z.literal('ticket.returned'),
  unitId: Id,
  reason: z.string(),
  suggestedUnitId: Id.optional(),
  /** Set when the return goes to review: who reviews it (the hotline office) and by when. */
  review: z.object({ reviewerUnitId: Id, reviewBy: IsoDateTime, fromStatus: z.enum(['dispatched', 'accepted']) }).optional(),
});

export const TicketReturnReviewed = z.object({
  ...base,
  type: z.literal('ticket.return-reviewed'),
  /** The unit that returned the ticket. */
  returningUnitId: Id,
  approved: z.boolean(),
  /** Approved: where the ticket goes; rejected: why it stays with the returning unit. */
  unitId: Id.optional(),
  reason: z.string().optional(),
});

export const TicketDesignationRequired = z.object({
  ...base,
  type: z.literal('ticket.designation-required'),
  supervisionUnitId: Id,
  returns: z.number().int(),
});

export const TicketExtensionRequested = z.object({
  ...base,
  type: z.literal('ticket.extension-requested'),
  unitId: Id,
  days: z.number().int().positive(),
  reason: z.string(),
});

export const TicketExtensionDecided = z.object({
  ...base,
  type: z.literal('ticket.extension-decided'),
  approved: z.boolean(),
  comment: z.string().optional(),
  /** The deadlines after the decision (unchanged when rejected). */
  deadlines: Deadlines,
});

export const TicketMarkedDifficult = z.object({
  ...base,
  type: z.literal('ticket.marked-difficult'),
  unitId: Id,
  supervisionUnitId: Id,
  reason: z.string(),
});

export const TicketDifficultDecided = z.object({
  ...base,
  type: z.literal('ticket.difficult-decided'),
  decision: z.enum(['redispatch', 'order', 'close', 'refer-to-panel']),
  unitId: Id.optional(),
  days: z.number().int().positive().optional(),
  explanation: z.string().optional(),
});

export const TicketReferredToPanel = z.object({
  ...base,
  type: z.literal('ticket.referred-to-panel'),
  reason: z.string(),
  fromStatus: z.enum(['difficult', 'awaiting-designation', 'on-ledger']),
  involvedUnitIds: z.array(Id),
  leadUnitId: Id.optional(),
});

export const TicketPanelConvened = z.object({
  ...base,
  type: z.literal('ticket.panel-convened'),
  panelId: Id,
  round: z.number().int().min(1),
  /** The members seated: each is told (email and webhook) and votes by the deadline. */
  memberIds: z.array(Id),
  deadline: IsoDateTime,
});

export const TicketPanelReminded = z.object({
  ...base,
  type: z.literal('ticket.panel-reminded'),
  panelId: Id,
  memberId: Id,
  deadline: IsoDateTime,
});

export const TicketPanelDecided = z.object({
  ...base,
  type: z.literal('ticket.panel-decided'),
  panelId: Id,
  round: z.number().int().min(1),
  outcome: PanelResult.shape.outcome,
  cast: z.number().int().min(0),
  quorumNeeded: z.number().int().min(1),
  decision: PanelDecision.optional(),
  /** What follows: the decision applied, another panel convened, or the supervision office to decide. */
  next: z.enum(['applied', 'reconvene', 'to-supervision']),
  memberIds: z.array(Id),
  supervisionUnitId: Id,
});

/** No panel could be seated for days (every free member busy or tied to the case): the supervision office decides again. */
export const TicketReviewUnseated = z.object({
  ...base,
  type: z.literal('ticket.review-unseated'),
  /** Why the pool could not seat a panel, as the composition rules said it. */
  reason: z.string(),
  supervisionUnitId: Id,
});

/** The ticket joined the month's zeroing ledger; its unit must clear it (told by mail and webhook). */
export const ZeroingAssigned = z.object({
  ...base,
  type: z.literal('zeroing.assigned'),
  month: Month,
  reason: ZeroingMark.shape.reason,
  unitId: Id,
});

/** The ticket left the ledger: the citizen confirmed it resolved and satisfied, or the supervision office certified it. */
export const ZeroingCleared = z.object({
  ...base,
  type: z.literal('zeroing.cleared'),
  month: Month,
  how: z.enum(['confirmed', 'certified']),
  unitId: Id,
  reason: z.string().optional(),
});

export const TicketResolved = z.object({
  ...base,
  type: z.literal('ticket.resolved'),
  unitId: Id,
  reply: z.string(),
  callbackDeadline: IsoDateTime,
});

export const TicketCallbackRecorded = z.object({
  ...base,
  type: z.literal('ticket.callback-recorded'),
  answered: z.boolean(),
  resolved: z.boolean().optional(),
  satisfied: z.boolean().optional(),
  comment: z.string().optional(),
});

export const TicketReopened = z.object({
  ...base,
  type: z.literal('ticket.reopened'),
  unitId: Id,
  deadlines: Deadlines,
});

export const TicketClosed = z.object({
  ...base,
  type: z.literal('ticket.closed'),
  outcome: Outcome,
  transferTo: EmergencyLine.optional(),
});

export const TicketEvent = z.discriminatedUnion('type', [
  TicketCreated,
  TicketDispatched,
  TicketAccepted,
  TicketWarning,
  TicketEscalated,
  TicketWhistled,
  TicketReportedIn,
  TicketParticipantReplied,
  TicketReportInMissed,
  TicketReturned,
  TicketReturnReviewed,
  TicketDesignationRequired,
  TicketExtensionRequested,
  TicketExtensionDecided,
  TicketMarkedDifficult,
  TicketDifficultDecided,
  TicketReferredToPanel,
  TicketPanelConvened,
  TicketPanelReminded,
  TicketPanelDecided,
  TicketReviewUnseated,
  ZeroingAssigned,
  ZeroingCleared,
  TicketResolved,
  TicketCallbackRecorded,
  TicketReopened,
  TicketClosed,
]);
export type TicketEvent = z.infer<typeof TicketEvent>;
export type TicketEventType = TicketEvent['type'];
/** An event as `decide` proposes it, before the history gives it a position. */
export type NewTicketEvent = TicketEvent extends infer E ? (E extends TicketEvent ? Omit<E, 'seq' | 'ticketId'> : never) : never;

export const ticketEventTypes = TicketEvent.options.map((o) => o.shape.type.value);
