// JWT claims <-> the actor a handler acts for; the same claim names in Cognito (custom attributes) and locally.
import { Actor, type User } from '../../schemas/actor.js';
import { ForbiddenError } from '../../domain/errors.js';

/** The claims a token for this user carries, besides the registered ones (sub, iss, aud, exp). */
export function userClaims(user: User): Record<string, string> {
  return {
    name: user.name,
    'custom:role': user.role,
    ...(user.unitId ? { 'custom:unitId': user.unitId } : {}),
    ...(user.memberId ? { 'custom:memberId': user.memberId } : {}),
  };
}

/** The actor behind the authorizer's claims; a token without a known role acts for nobody. */
export function actorFromClaims(claims: Record<string, unknown> | undefined): Actor {
  const parsed = Actor.safeParse({
    kind: 'user',
    userId: claims?.sub,
    role: claims?.['custom:role'],
    unitId: claims?.['custom:unitId'],
    memberId: claims?.['custom:memberId'],
  });
  if (!parsed.success) throw new ForbiddenError('auth.no-role', { zh: '登录凭证中没有 Casework 角色', en: 'the token carries no Casework role' });
  return parsed.data;
}
