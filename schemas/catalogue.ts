// The service catalogue: what citizens ask for and who handles each kind of request.
import { z } from 'zod';
import { EmergencyLine, Id, LocalizedName, TicketKind, Urgency } from './common.js';

export const HandlerType = z.enum(['street', 'department']);
export type HandlerType = z.infer<typeof HandlerType>;

export const Category = z
  .object({
    code: z.string().regex(/^[A-Z]{2,4}-\d{3}$/, 'must look like "ENV-001"'),
    name: LocalizedName,
    kind: TicketKind,
    urgency: Urgency.default('normal'),
    /** Local matters go straight to the street (direct dispatch); sector matters to a department. */
    handlerType: HandlerType,
    departmentId: Id.optional(),
    /** Answered and closed by the operator, never dispatched (超出职责范围). */
    outOfScope: z.boolean().default(false),
    /** What the operator tells the citizen when the category is out of scope. */
    answer: z.string().optional(),
    /** Transferred to an emergency line and closed. */
    emergency: z.boolean().default(false),
    transferTo: EmergencyLine.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.handlerType === 'department' && !c.departmentId) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'required when handlerType is "department"' });
    }
    if (c.emergency && !c.transferTo) {
      ctx.addIssue({ code: 'custom', path: ['transferTo'], message: 'required when the category is an emergency' });
    }
    if (c.outOfScope && !c.answer) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'required when the category is out of scope' });
    }
    if (c.outOfScope && c.emergency) {
      ctx.addIssue({ code: 'custom', path: ['emergency'], message: 'a category cannot be both out of scope and an emergency' });
    }
  });
export type Category = z.infer<typeof Category>;
