// The SLA policy: time limits for acceptance, completion, returns, extensions and escalation.
import { z } from 'zod';

/** A time limit, either on the wall clock (emergencies) or in working time. */
export const TimeLimit = z.union([
  z.object({ calendarMinutes: z.number().int().positive() }).strict(),
  z.object({ workingHours: z.number().positive() }).strict(),
  z.object({ workingDays: z.number().int().positive() }).strict(),
]);
export type TimeLimit = z.infer<typeof TimeLimit>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

export const WorkingPeriod = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((p) => p.start < p.end, { message: 'start must be before end', path: ['end'] });

const days = z.number().int().positive();

export const SlaPolicy = z
  .object({
    timeZone: z.literal('Asia/Shanghai').default('Asia/Shanghai'),
    /** The office hours of a working day, in order; lunch is the gap between periods. */
    workingPeriods: z.array(WorkingPeriod).min(1),
    acceptance: z.object({ danger: TimeLimit, utility: TimeLimit, normal: TimeLimit }),
    completionWorkingDays: z.object({
      consultation: days,
      help: days,
      suggestion: days,
      complaint: days,
      report: days,
    }),
    returnWindowWorkingDays: days,
    /** How long the hotline's dispatch desk has to review a return (退单审核) before the supervision office takes it. */
    returnReview: TimeLimit,
    maxReturnsBeforeDesignation: days,
    extension: z.object({ maxWorkingDays: days, maxPerTicket: days }),
    /** Reminders sent when these fractions of the allotted time have passed. */
    warningFractions: z.array(z.number().gt(0).lt(1)).max(4),
    escalationWorkingDays: z.object({ district: days, city: days }),
    callbackWorkingDays: days,
    maxReopens: z.number().int().min(0),
  })
  .superRefine((p, ctx) => {
    p.workingPeriods.forEach((period, i) => {
      const previous = p.workingPeriods[i - 1];
      if (previous && previous.end > period.start) {
        ctx.addIssue({ code: 'custom', path: ['workingPeriods', i, 'start'], message: 'periods must be in order and not overlap' });
      }
    });
  });
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** Defaults from the published rules of Chinese 12345 hotlines. */
export const defaultSlaPolicy: SlaPolicy = SlaPolicy.parse({
  workingPeriods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  acceptance: {
    danger: { calendarMinutes: 15 },
    utility: { calendarMinutes: 30 },
    normal: { workingDays: 1 },
  },
  completionWorkingDays: { consultation: 2, help: 10, suggestion: 10, complaint: 15, report: 15 },
  returnWindowWorkingDays: 2,
  returnReview: { workingHours: 4 },
  maxReturnsBeforeDesignation: 3,
  extension: { maxWorkingDays: 10, maxPerTicket: 2 },
  warningFractions: [0.5, 0.75],
  escalationWorkingDays: { district: 5, city: 5 },
  callbackWorkingDays: 3,
  maxReopens: 1,
});
