import { describe, expect, it } from 'vitest';
import { CityDirectory } from '../../../domain/city-directory.js';
import { CaseworkError, RuleViolationError } from '../../../domain/errors.js';
import { castVote } from '../../../domain/panel/cast-vote.js';
import { VoteRejectedError } from '../../../domain/panel/panel-errors.js';
import { demoCity } from '../../../local/seed/demo-city.js';
import type { CastVote } from '../../../schemas/panel.js';
import { aPanel, aVote, ballot, shanghai } from '../fixtures.js';

const city = new CityDirectory(demoCity.units, demoCity.categories);
// aPanel: members m1 to m5, led by the Dongmen street, voting until Thursday 2026-11-26 10:00 Shanghai time.
const tuesday = shanghai('2026-11-24 15:30');
const assignWater: CastVote = { choice: 'assign-unit', unitId: 'dept-water', rationale: '二次供水设施由水务局负责维护' };

/** The rule a vote breaks (fails the test when it is accepted or throws something else). */
function refusal(attempt: () => unknown): CaseworkError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof CaseworkError) return error;
    throw error;
  }
  throw new Error('expected the vote to be refused, but it was accepted');
}

describe('castVote', () => {
  it('returns the vote of a seated member, stamped with the time it was cast', () => {
    const vote = castVote(aPanel(), 'm3', assignWater, tuesday, city);

    expect(vote).toEqual({ memberId: 'm3', choice: 'assign-unit', unitId: 'dept-water', rationale: '二次供水设施由水务局负责维护', castAt: '2026-11-24T07:30:00.000Z' });
  });

  it('accepts an order to handle that names no unit when the case has a lead unit, and records no unit', () => {
    const vote = castVote(aPanel(), 'm1', { choice: 'order-handling', rationale: '诉求合理，东门街道应限期修复' }, tuesday, city);

    expect(vote).toEqual({ memberId: 'm1', choice: 'order-handling', rationale: '诉求合理，东门街道应限期修复', castAt: tuesday.toISOString() });
  });

  it.each(['s-haibin-xiwan', 'd-qiaodong', 'dept-housing'])('lets a vote name any street, district or department of the city: %s', (unitId) => {
    const vote = castVote(aPanel(), 'm2', { choice: 'assign-unit', unitId, rationale: '由该单位办理' }, tuesday, city);

    expect(vote.unitId).toBe(unitId);
  });

  it('refuses someone who does not sit on the panel with 403 vote.not-a-member', () => {
    const error = refusal(() => castVote(aPanel(), 'm9', assignWater, tuesday, city));

    expect(error).toBeInstanceOf(VoteRejectedError);
    expect(error).toMatchObject({ status: 403, rule: 'vote.not-a-member' });
    expect(error.text).toEqual({ zh: '您不是会商 T-1-P1 的成员', en: 'you do not sit on panel T-1-P1' });
  });

  it('refuses a caller who is no member at all with 403 vote.not-a-member', () => {
    const error = refusal(() => castVote(aPanel(), undefined, assignWater, tuesday, city));

    expect(error).toMatchObject({ status: 403, rule: 'vote.not-a-member' });
  });

  it('tells an outsider only that they are not a member, even of a panel that has closed', () => {
    const error = refusal(() => castVote(aPanel({ status: 'closed' }), 'm9', assignWater, tuesday, city));

    expect(error).toMatchObject({ status: 403, rule: 'vote.not-a-member' });
  });

  it('refuses a vote on a closed panel with 409 vote.panel-closed', () => {
    const closed = aPanel({ status: 'closed', closedAt: shanghai('2026-11-24 12:00').toISOString() });

    const error = refusal(() => castVote(closed, 'm3', assignWater, tuesday, city));

    expect(error).toBeInstanceOf(VoteRejectedError);
    expect(error).toMatchObject({ status: 409, rule: 'vote.panel-closed' });
  });

  it('still accepts a vote at the deadline instant itself', () => {
    const vote = castVote(aPanel(), 'm3', assignWater, shanghai('2026-11-26 10:00'), city);

    expect(vote.castAt).toBe(shanghai('2026-11-26 10:00').toISOString());
  });

  it('refuses a vote one millisecond after the deadline with 409 vote.deadline-passed, naming the deadline in Beijing time', () => {
    const justAfter = new Date(shanghai('2026-11-26 10:00').getTime() + 1);

    const error = refusal(() => castVote(aPanel(), 'm3', assignWater, justAfter, city));

    expect(error).toMatchObject({ status: 409, rule: 'vote.deadline-passed' });
    expect(error.text).toEqual({
      zh: '会商 T-1-P1 的投票已于 2026-11-26 10:00（北京时间）截止',
      en: 'voting on panel T-1-P1 closed at 2026-11-26 10:00 Beijing time',
    });
  });

  it('refuses a second vote of the same member with 409 vote.already-cast', () => {
    const panel = aPanel({ votes: ballot(aVote('m3', 'unreasonable')) });

    const error = refusal(() => castVote(panel, 'm3', assignWater, tuesday, city));

    expect(error).toMatchObject({ status: 409, rule: 'vote.already-cast' });
  });

  it('lets the other members vote after one has', () => {
    const panel = aPanel({ votes: ballot(aVote('m3', 'unreasonable')) });

    expect(castVote(panel, 'm4', assignWater, tuesday, city).memberId).toBe('m4');
  });

  it('refuses a unit the city does not have with 422 vote.unknown-unit', () => {
    const error = refusal(() => castVote(aPanel(), 'm3', { ...assignWater, unitId: 'dept-nowhere' }, tuesday, city));

    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ status: 422, rule: 'vote.unknown-unit' });
    expect(error.text).toEqual({
      zh: 'unitId：“dept-nowhere”不是本市的街道、区或部门',
      en: 'unitId: "dept-nowhere" is not a street, district or department of this city',
    });
  });

  it('refuses the hotline office itself as the unit to handle the case', () => {
    const error = refusal(() => castVote(aPanel(), 'm3', { choice: 'order-handling', unitId: 'supervision', rationale: '由热线办督办' }, tuesday, city));

    expect(error).toMatchObject({ status: 422, rule: 'vote.unknown-unit' });
  });

  it('refuses an order to handle that names no unit on a case without a lead unit, with 422 vote.unit-required', () => {
    const noLead = aPanel({ leadUnitId: undefined });

    const error = refusal(() => castVote(noLead, 'm3', { choice: 'order-handling', rationale: '诉求合理，应限期办理' }, tuesday, city));

    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ status: 422, rule: 'vote.unit-required' });
    expect(error.text.zh).toContain('需指明由哪个单位办理');
    expect(error.text.en).toContain('name the unit ordered to handle it');
  });

  it('accepts an order to handle naming its unit on a case without a lead unit', () => {
    const noLead = aPanel({ leadUnitId: undefined });

    const vote = castVote(noLead, 'm3', { choice: 'order-handling', unitId: 'dept-water', rationale: '诉求合理，应限期办理' }, tuesday, city);

    expect(vote).toMatchObject({ choice: 'order-handling', unitId: 'dept-water' });
  });

  it('accepts a finding that names no unit on a case without a lead unit', () => {
    const noLead = aPanel({ leadUnitId: undefined });

    const vote = castVote(noLead, 'm3', { choice: 'beyond-policy', rationale: '超出现行政策' }, tuesday, city);

    expect(vote).not.toHaveProperty('unitId');
  });
});
