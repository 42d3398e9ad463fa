// Who did something: a signed-in person with a role (and unit), or the system itself.
import { z } from 'zod';
import { Id, Role } from './common.js';

export const UserActor = z.object({
  kind: z.literal('user'),
  userId: Id,
  role: Role,
  unitId: Id.optional(),
  /** The panel member a panelist is. */
  memberId: Id.optional(),
});
export type UserActor = z.infer<typeof UserActor>;

export const SystemActor = z.object({ kind: z.literal('system') });
export type SystemActor = z.infer<typeof SystemActor>;

export const Actor = z.discriminatedUnion('kind', [UserActor, SystemActor]);
export type Actor = z.infer<typeof Actor>;

export const systemActor: SystemActor = { kind: 'system' };

/** A person who can sign in (demo users locally, Cognito users in AWS). */
export const User = z.object({
  id: Id,
  name: z.string().min(1),
  role: Role,
  /** The unit a clerk, coordinator or supervisor works for. */
  unitId: Id.optional(),
  /** The panel member a panelist is. */
  memberId: Id.optional(),
  email: z.email().optional(),
});
export type User = z.infer<typeof User>;
