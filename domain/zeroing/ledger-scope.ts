// Who reads which part of the zeroing ledger: the supervision office all of it, a unit its own entries.
import type { UserActor } from '../../schemas/actor.js';
import { ForbiddenError } from '../errors.js';

const WHOLE_LEDGER = new Set(['supervisor', 'admin']);

/** True when the person reads the whole ledger and the campaigns' figures. */
export const readsWholeLedger = (actor: UserActor): boolean => WHOLE_LEDGER.has(actor.role);

/** The entry filter as this person may run it: a clerk its unit's entries, a coordinator its district's; others none. */
export function scopeLedgerFilter<F extends { unitId?: string; districtId?: string }>(filter: F, actor: UserActor): F {
  if (readsWholeLedger(actor)) return filter;
  const own = actor.unitId;
  if (!own || (actor.role !== 'clerk' && actor.role !== 'coordinator')) {
    throw new ForbiddenError('zeroing.ledger-role', { zh: '只有市热线办可以查看清零台账全貌；承办单位只能查看本单位的条目', en: 'only the supervision office reads the whole ledger; a unit reads its own entries' });
  }
  if (actor.role === 'clerk') {
    if (filter.unitId !== undefined && filter.unitId !== own) {
      throw new ForbiddenError('zeroing.own-unit-only', { zh: `unitId：只能查看本单位（${own}）的条目`, en: `unitId: a clerk reads only the entries of its own unit ${own}` });
    }
    return { ...filter, unitId: own };
  }
  if (filter.districtId !== undefined && filter.districtId !== own) {
    throw new ForbiddenError('zeroing.own-district-only', { zh: `districtId：只能查看本区（${own}）的条目`, en: `districtId: a coordinator reads only its own district ${own}` });
  }
  return filter.unitId === own ? filter : { ...filter, districtId: own };
}
