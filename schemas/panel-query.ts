// GET /v1/panels: a member's own panels, or for the supervision office every panel, by state and month convened.
import { z } from 'zod';
import { Id, Month } from './common.js';

export const ListPanelsQuery = z.strictObject({
  /** `me` for the panels the person sits on; a member id for the supervision office. */
  member: z.union([z.literal('me'), Id]).optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** The month the panels were convened in (Beijing time). */
  month: Month.optional(),
});
export type ListPanelsQuery = z.infer<typeof ListPanelsQuery>;
