// What intake answers the operator besides the ticket: where it went and what to tell the caller.
import { z } from 'zod';
import { EmergencyLine, Id, LocalizedName } from './common.js';

const FieldIssue = z.object({ path: z.string(), message: z.string() });

export const IntakeAnswer = z.object({
  /** The unit the ticket went to, with its name to read out. */
  unit: z.object({ id: Id, name: LocalizedName }).optional(),
  /** For an emergency: the line the caller must be put through to. */
  transferTo: EmergencyLine.optional(),
  /** What the operator says to the caller. */
  tellCaller: LocalizedName,
  /** What intake changed in the request (a kind held to its category). */
  corrections: z.array(FieldIssue),
});
export type IntakeAnswer = z.infer<typeof IntakeAnswer>;
