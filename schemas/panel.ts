// Joint review (疑难事项联席会商): the member pool, a panel seated for one ticket, its votes and its decision.
import { z } from 'zod';
import { Id, IsoDateTime, typedText } from './common.js';

/** NPC deputy, CPPCC member, lawyer, citizen representative. */
export const PanelRole = z.enum(['npc-deputy', 'cppcc-member', 'lawyer', 'citizen-rep']);
export type PanelRole = z.infer<typeof PanelRole>;

export const PanelMember = z.object({
  id: Id,
  name: z.string().min(1),
  role: PanelRole,
  /** Units the member works for or is otherwise tied to: they recuse themselves from those cases. */
  tiedUnitIds: z.array(Id).default([]),
});
export type PanelMember = z.infer<typeof PanelMember>;

export const PanelRules = z
  .object({
    /** Seats: odd, so two choices cannot split a full panel evenly. */
    size: z
      .number()
      .int()
      .min(3)
      .max(15)
      .refine((n) => n % 2 === 1, 'an odd number of seats'),
    /** Roles every panel seats at least one of. */
    requiredRoles: z.array(PanelRole),
    /** Share of the seats that must vote for a decision to stand. */
    quorum: z.number().gt(0).max(1),
    votingWorkingDays: z.number().int().positive(),
    /** Members who have not voted are reminded this many working days after the panel convened. */
    reminderWorkingDays: z.number().int().positive(),
    /** A member already on this many open panels is not seated on another. */
    maxOpenPanelsPerMember: z.number().int().positive(),
    /** Panels convened for one referral before the supervision office decides itself. */
    rounds: z.number().int().min(1).max(3),
  })
  .refine((r) => new Set(r.requiredRoles).size <= r.size, { path: ['requiredRoles'], message: 'more required roles than seats' })
  .refine((r) => r.reminderWorkingDays < r.votingWorkingDays, { path: ['reminderWorkingDays'], message: 'the reminder comes before the deadline' });
export type PanelRules = z.infer<typeof PanelRules>;

export const defaultPanelRules: PanelRules = PanelRules.parse({
  size: 5,
  requiredRoles: ['lawyer', 'citizen-rep'],
  quorum: 2 / 3,
  votingWorkingDays: 3,
  reminderWorkingDays: 2,
  maxOpenPanelsPerMember: 3,
  rounds: 2,
});

/**
 * assign-unit: the named unit must handle it; order-handling: reasonable, handle it by a deadline; beyond-policy:
 * reasonable but beyond current policy, explain to the citizen and report upward; unreasonable: close with an explanation.
 */
export const VoteChoice = z.enum(['assign-unit', 'order-handling', 'beyond-policy', 'unreasonable']);
export type VoteChoice = z.infer<typeof VoteChoice>;

const rationale = typedText({ lines: true }).min(2, 'a vote needs a written rationale').max(2000);

/** The body of POST /v1/panels/{id}/votes. */
export const CastVote = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('assign-unit'), unitId: Id, rationale }),
  z.object({ choice: z.literal('order-handling'), unitId: Id.optional(), rationale }),
  z.object({ choice: z.literal('beyond-policy'), rationale }),
  z.object({ choice: z.literal('unreasonable'), rationale }),
]);
export type CastVote = z.infer<typeof CastVote>;

export const Vote = z.object({
  memberId: Id,
  choice: VoteChoice,
  /** The unit to assign, or to order to handle (the panel's lead unit when the vote names none). */
  unitId: Id.optional(),
  rationale: z.string(),
  castAt: IsoDateTime,
});
export type Vote = z.infer<typeof Vote>;

/** Why a member sits on the panel, or why one of the pool does not. */
export const Seat = z.object({ memberId: Id, name: z.string(), role: PanelRole, why: z.enum(['required-role', 'drawn']) });
export type Seat = z.infer<typeof Seat>;
export const Skip = z.object({ memberId: Id, why: z.enum(['tied-to-unit', 'too-many-open-panels', 'sat-last-round']) });
export type Skip = z.infer<typeof Skip>;

/** What the panel decided: a choice (with its unit) and the words the citizen is told. */
export const PanelDecision = z.object({ choice: VoteChoice, unitId: Id.optional(), explanation: z.string() });
export type PanelDecision = z.infer<typeof PanelDecision>;

export const PanelResult = z.object({
  /** decided: a choice won a majority of the votes cast; no-majority: a tie or a split; no-quorum: too few voted. */
  outcome: z.enum(['decided', 'no-majority', 'no-quorum']),
  cast: z.number().int().min(0),
  quorumNeeded: z.number().int().min(1),
  counts: z.array(z.object({ choice: VoteChoice, unitId: Id.optional(), votes: z.number().int().min(1) })),
  decision: PanelDecision.optional(),
});
export type PanelResult = z.infer<typeof PanelResult>;

export const Panel = z.object({
  id: Id,
  ticketId: Id,
  /** 1 for the first panel of a referral, 2 for the one reconvened after no decision. */
  round: z.number().int().min(1),
  /** What the supervision office asked the panel, with the case. */
  question: z.string(),
  /** Units disputing or handling the case: members tied to them sit out. */
  involvedUnitIds: z.array(Id),
  /** The unit an order to handle goes to when a vote names none. */
  leadUnitId: Id.optional(),
  seats: z.array(Seat).min(1),
  skipped: z.array(Skip),
  status: z.enum(['voting', 'closed']),
  createdAt: IsoDateTime,
  remindAt: IsoDateTime,
  deadline: IsoDateTime,
  /** By member id: secret until the panel closes. */
  votes: z.record(z.string(), Vote),
  closedAt: IsoDateTime.optional(),
  result: PanelResult.optional(),
});
export type Panel = z.infer<typeof Panel>;
