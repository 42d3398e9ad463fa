// The person behind an API request, from the JWT authorizer's claims.
import { actorFromClaims } from '../../adapters/auth/claims.js';
import type { UserActor } from '../../schemas/actor.js';
import type { ApiEvent } from './http.js';

/** The signed-in user acting in this request. */
export function requestActor(event: ApiEvent): UserActor {
  return actorFromClaims(event.requestContext.authorizer?.jwt?.claims) as UserActor;
}
