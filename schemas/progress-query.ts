// GET /v1/progress/{id}?phone=1234: a citizen names a request by its number and the last four digits of the phone.
import { z } from 'zod';

export const ProgressQuery = z.strictObject({ phone: z.string().regex(/^\d{4}$/, 'must be the last four digits of the phone number') });
export type ProgressQuery = z.infer<typeof ProgressQuery>;
