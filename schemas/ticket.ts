// The ticket: one citizen request, its handler, deadlines, counters and outcome.
import { z } from 'zod';
import { Channel, EmergencyLine, EscalationLevel, Id, IsoDateTime, Month, TicketKind, typedText, Urgency } from './common.js';

export const Coordinates = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type Coordinates = z.infer<typeof Coordinates>;

export const Location = z.object({
  districtId: Id,
  streetId: Id,
  address: typedText().min(1).max(200),
  coordinates: Coordinates.optional(),
});
export type Location = z.infer<typeof Location>;

export const Citizen = z.object({
  name: typedText().min(1).max(50),
  phone: z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number'),
});
export type Citizen = z.infer<typeof Citizen>;

/**
 * received: written, not yet routed; dispatched: at a unit, waiting to be accepted;
 * accepted: being handled; difficult: waiting for the supervision office's decision;
 * awaiting-designation: returned too often, the supervision office names the unit;
 * return-review: a unit returned it, the hotline's dispatch desk reviews the return (退单审核);
 * in-review: referred by the supervision office to a joint-review panel (疑难事项联席会商), waiting for its decision;
 * resolved: replied to, waiting for the citizen's callback; closed: done for good.
 */
export const TicketStatus = z.enum([
  'received',
  'dispatched',
  'accepted',
  'difficult',
  'awaiting-designation',
  'return-review',
  'in-review',
  'resolved',
  'closed',
]);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Deadlines = z.object({
  /** Start of the current allotted period (dispatch, escalation, reopen): warnings are fractions of it. */
  allottedFrom: IsoDateTime.optional(),
  accept: IsoDateTime.optional(),
  complete: IsoDateTime.optional(),
  /** The return window closes here (退单时限). */
  returnBy: IsoDateTime.optional(),
  /** Reminders due before `complete`. */
  warnings: z.array(IsoDateTime).default([]),
  /** The citizen's callback counts as unanswered after this. */
  callback: IsoDateTime.optional(),
  /** Some deadline was computed for a year whose holidays are not yet published (weekends-only). */
  provisional: z.boolean().default(false),
});
export type Deadlines = z.infer<typeof Deadlines>;

export const Counters = z.object({
  returns: z.number().int().min(0),
  extensions: z.number().int().min(0),
  reopens: z.number().int().min(0),
  escalations: z.number().int().min(0),
});
export type Counters = z.infer<typeof Counters>;

/** answered: out of scope, answered by the operator; transferred: to an emergency line; explained: closed by the supervision office with an explanation. */
export const Resolution = z.enum(['resolved', 'unresolved', 'answered', 'transferred', 'explained']);
export type Resolution = z.infer<typeof Resolution>;

export const Satisfaction = z.enum(['satisfied', 'unsatisfied', 'no-answer']);
export type Satisfaction = z.infer<typeof Satisfaction>;

/** What a joint-review panel found of a case it closed: reasonable but beyond current policy, or unreasonable. */
export const PanelFinding = z.enum(['beyond-policy', 'unreasonable']);
export type PanelFinding = z.infer<typeof PanelFinding>;

export const Outcome = z.object({
  resolution: Resolution,
  /** Set when a panel closed the case: the monthly report counts these apart. */
  panelFinding: PanelFinding.optional(),
  satisfaction: Satisfaction.optional(),
  reply: z.string().optional(),
  transferTo: EmergencyLine.optional(),
  explanation: z.string().optional(),
});
export type Outcome = z.infer<typeof Outcome>;

export const PendingExtension = z.object({
  days: z.number().int().positive(),
  reason: z.string(),
  requestedAt: IsoDateTime,
});

/** A return waiting for the dispatch desk's review; the returning unit gets the ticket back as it was if rejected. */
export const PendingReturn = z.object({
  unitId: Id,
  fromStatus: z.enum(['dispatched', 'accepted']),
  reason: z.string(),
  suggestedUnitId: Id.optional(),
  requestedAt: IsoDateTime,
  reviewBy: IsoDateTime,
});

/** A unit called in by a street's whistle (吹哨报到): it must report in (报到) by the whistle's deadline. */
export const WhistleParticipant = z.object({
  unitId: Id,
  reportedAt: IsoDateTime.optional(),
  note: z.string().optional(),
  /** Its latest reply, added after it reported in (each reply is also on the timeline). */
  reply: z.string().optional(),
  repliedAt: IsoDateTime.optional(),
  /** The deadline passed without a report-in: the district and the supervision office were told. */
  missedAt: IsoDateTime.optional(),
});

/** The supervision office's referral to joint review: what it asked, of which units, and the panels convened for it. */
export const Review = z.object({
  referredAt: IsoDateTime,
  reason: z.string(),
  fromStatus: z.enum(['difficult', 'awaiting-designation', 'on-ledger']),
  involvedUnitIds: z.array(Id),
  /** The unit an order to handle goes to when a vote names none (the unit that marked the case difficult). */
  leadUnitId: Id.optional(),
  panelIds: z.array(Id),
  /** The deadline of the panel now voting. */
  votingUntil: IsoDateTime.optional(),
});
export type Review = z.infer<typeof Review>;

/** The ticket's place on the dynamic-zeroing ledger (动态清零台账): open until a satisfied callback or a certification. */
export const ZeroingMark = z.object({
  /** The month it joined the ledger (it stays on later months' ledgers, carried over, until cleared). */
  month: Month,
  reason: z.enum(['unresolved', 'unsatisfied', 'overdue']),
  /** The unit responsible for clearing it. */
  unitId: Id,
  status: z.enum(['open', 'cleared', 'certified']),
  at: IsoDateTime,
});
export type ZeroingMark = z.infer<typeof ZeroingMark>;

/** The street's whistle: the street stays the lead; the district and the named departments report in and act with it. */
export const Whistle = z.object({
  at: IsoDateTime,
  reason: z.string(),
  reportBy: IsoDateTime,
  participants: z.array(WhistleParticipant),
});
export type Whistle = z.infer<typeof Whistle>;

export const Ticket = z.object({
  id: Id,
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
  status: TicketStatus,
  /** The unit whose queue holds the ticket now. */
  unitId: Id.optional(),
  level: EscalationLevel,
  /** True once the supervision office designated the unit: it may no longer return the ticket. */
  designated: z.boolean().default(false),
  deadlines: Deadlines,
  counters: Counters,
  pendingExtension: PendingExtension.optional(),
  pendingReturn: PendingReturn.optional(),
  /** Departments a street asked for when it blew the whistle. */
  whistledDepartmentIds: z.array(Id).default([]),
  whistle: Whistle.optional(),
  review: Review.optional(),
  zeroing: ZeroingMark.optional(),
  /** The unit that marked the ticket difficult, while it is with the supervision office for that. */
  difficultUnitId: Id.optional(),
  outcome: Outcome.optional(),
  createdAt: IsoDateTime,
  dispatchedAt: IsoDateTime.optional(),
  acceptedAt: IsoDateTime.optional(),
  /** When the holder of the current allotment was last warned that its deadline is near. */
  warnedAt: IsoDateTime.optional(),
  /** When an unsatisfied callback sent the ticket back to its unit, until it leaves that unit. */
  reopenedAt: IsoDateTime.optional(),
  resolvedAt: IsoDateTime.optional(),
  closedAt: IsoDateTime.optional(),
  updatedAt: IsoDateTime,
  /** Optimistic concurrency: the number of events applied. */
  version: z.number().int().min(0),
});
export type Ticket = z.infer<typeof Ticket>;
