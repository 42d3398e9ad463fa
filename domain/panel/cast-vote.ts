// A member's vote on a panel: who may vote, until when, and what a vote must say.
import type { CastVote, Panel, Vote } from '../../schemas/panel.js';
import type { CityDirectory } from '../city-directory.js';
import { RuleViolationError } from '../errors.js';
import { beijingTime } from '../time/beijing-time.js';
import { VoteRejectedError } from './panel-errors.js';

const handlerTypes = new Set(['street', 'district', 'department']);

/** The vote `memberId` casts now, or the rule it breaks: a seat, an open panel before its deadline, one vote, a real unit. */
export function castVote(panel: Panel, memberId: string | undefined, body: CastVote, now: Date, city: CityDirectory): Vote {
  // Membership first: an outsider learns nothing about the panel's state.
  if (!memberId || !panel.seats.some((s) => s.memberId === memberId)) {
    throw new VoteRejectedError('vote.not-a-member', { zh: `您不是会商 ${panel.id} 的成员`, en: `you do not sit on panel ${panel.id}` });
  }
  if (panel.status !== 'voting') {
    throw new VoteRejectedError('vote.panel-closed', { zh: `会商 ${panel.id} 已结束`, en: `panel ${panel.id} has closed` });
  }
  if (now.getTime() > Date.parse(panel.deadline)) {
    const at = beijingTime(panel.deadline);
    throw new VoteRejectedError('vote.deadline-passed', { zh: `会商 ${panel.id} 的投票已于 ${at}（北京时间）截止`, en: `voting on panel ${panel.id} closed at ${at} Beijing time` });
  }
  if (panel.votes[memberId]) {
    throw new VoteRejectedError('vote.already-cast', { zh: '您已投过票，每位成员只能投一次', en: 'you have already voted; each member votes once' });
  }
  const unitId = 'unitId' in body ? body.unitId : undefined;
  if (unitId !== undefined && !handlerTypes.has(city.unit(unitId)?.type ?? '')) {
    throw new RuleViolationError('vote.unknown-unit', { zh: `unitId：“${unitId}”不是本市的街道、区或部门`, en: `unitId: "${unitId}" is not a street, district or department of this city` });
  }
  if (body.choice === 'order-handling' && !unitId && !panel.leadUnitId) {
    throw new RuleViolationError('vote.unit-required', { zh: 'unitId：本案没有原承办单位，限期办理需指明由哪个单位办理', en: 'unitId: this case has no handling unit; name the unit ordered to handle it' });
  }
  return { memberId, choice: body.choice, ...(unitId ? { unitId } : {}), rationale: body.rationale, castAt: now.toISOString() };
}
