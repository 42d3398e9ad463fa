// Joint review (疑难事项联席会商): the member pool, a panel for one ticket, and its votes.
import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';

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

export const TieRule = z.enum(['reject', 'approve', 'refer-to-supervision']);
export type TieRule = z.infer<typeof TieRule>;

export const PanelRules = z
  .object({
    size: z.number().int().min(3).max(15),
    requiredRoles: z.array(PanelRole).default([...PanelRole.options]),
    /** Share of the panel that must cast a vote (abstentions count) for the tally to stand. */
    quorum: z.number().gt(0).max(1),
    /** What a tie between approve and reject means. */
    tieRule: TieRule,
    votingWorkingDays: z.number().int().positive(),
  })
  .refine((r) => new Set(r.requiredRoles).size <= r.size, {
    path: ['requiredRoles'],
    message: 'more required roles than seats',
  });
export type PanelRules = z.infer<typeof PanelRules>;

export const defaultPanelRules: PanelRules = PanelRules.parse({
  size: 5,
  quorum: 2 / 3,
  tieRule: 'refer-to-supervision',
  votingWorkingDays: 3,
});

export const VoteChoice = z.enum(['approve', 'reject', 'abstain']);
export type VoteChoice = z.infer<typeof VoteChoice>;

export const Vote = z.object({
  panelId: Id,
  memberId: Id,
  choice: VoteChoice,
  rationale: z.string().trim().min(10, 'a vote needs a written rationale of at least 10 characters').max(2000),
  castAt: IsoDateTime,
});
export type Vote = z.infer<typeof Vote>;

export const PanelOutcome = z.enum(['approved', 'rejected', 'no-quorum', 'referred']);
export type PanelOutcome = z.infer<typeof PanelOutcome>;

export const Panel = z.object({
  id: Id,
  ticketId: Id,
  /** What the members vote on, e.g. the proposed decision on a difficult case. */
  proposal: z.string().min(1),
  memberIds: z.array(Id).min(1),
  involvedUnitIds: z.array(Id).default([]),
  status: z.enum(['voting', 'decided']),
  deadline: IsoDateTime,
  outcome: PanelOutcome.optional(),
  createdAt: IsoDateTime,
  decidedAt: IsoDateTime.optional(),
});
export type Panel = z.infer<typeof Panel>;
