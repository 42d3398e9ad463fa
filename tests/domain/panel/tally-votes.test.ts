import { describe, expect, it } from 'vitest';
import { tallyVotes } from '../../../domain/panel/tally-votes.js';
import { aPanel, aVote, ballot, panelRules, seatsFor } from '../fixtures.js';

// aPanel: five seats m1 to m5, led by the Dongmen street; the default rules need 4 votes (2/3 of 5, rounded up).
const rules = panelRules();
const tally = (...votes: ReturnType<typeof aVote>[]) => tallyVotes(aPanel({ votes: ballot(...votes) }), rules);

describe('tallyVotes', () => {
  it('a clean majority decides, with its choice and unit', () => {
    const result = tally(
      aVote('m1', 'assign-unit', { unitId: 'dept-water' }),
      aVote('m2', 'assign-unit', { unitId: 'dept-water' }),
      aVote('m3', 'assign-unit', { unitId: 'dept-water' }),
      aVote('m4', 'unreasonable'),
    );

    expect(result).toMatchObject({
      outcome: 'decided',
      cast: 4,
      quorumNeeded: 4,
      counts: [
        { choice: 'assign-unit', unitId: 'dept-water', votes: 3 },
        { choice: 'unreasonable', votes: 1 },
      ],
      decision: { choice: 'assign-unit', unitId: 'dept-water' },
    });
  });

  it('votes to assign two different units do not add up', () => {
    const result = tally(
      aVote('m1', 'assign-unit', { unitId: 'dept-water' }),
      aVote('m2', 'assign-unit', { unitId: 'dept-water' }),
      aVote('m3', 'assign-unit', { unitId: 'dept-housing' }),
      aVote('m4', 'assign-unit', { unitId: 'dept-housing' }),
      aVote('m5', 'unreasonable'),
    );

    expect(result.outcome).toBe('no-majority');
    expect(result.decision).toBeUndefined();
    expect(result.counts).toEqual([
      { choice: 'assign-unit', unitId: 'dept-water', votes: 2 },
      { choice: 'assign-unit', unitId: 'dept-housing', votes: 2 },
      { choice: 'unreasonable', votes: 1 },
    ]);
  });

  it('a 2-2-1 split of a full five-seat panel is no majority', () => {
    const result = tally(
      aVote('m1', 'beyond-policy'),
      aVote('m2', 'beyond-policy'),
      aVote('m3', 'unreasonable'),
      aVote('m4', 'unreasonable'),
      aVote('m5', 'order-handling'),
    );

    expect(result).toMatchObject({ outcome: 'no-majority', cast: 5 });
    expect(result.decision).toBeUndefined();
  });

  it('the most votes are not enough without more than half of those cast: 2 of 4 do not decide', () => {
    const result = tally(aVote('m1', 'unreasonable'), aVote('m2', 'unreasonable'), aVote('m3', 'beyond-policy'), aVote('m4', 'order-handling'));

    expect(result).toMatchObject({ outcome: 'no-majority', cast: 4 });
  });

  it('2 votes of 2 on a five-seat panel is no quorum: 4 must vote', () => {
    const result = tally(aVote('m1', 'unreasonable'), aVote('m2', 'unreasonable'));

    expect(result).toEqual({ outcome: 'no-quorum', cast: 2, quorumNeeded: 4, counts: [{ choice: 'unreasonable', votes: 2 }] });
  });

  it('3 unanimous votes of 5 still miss a two-thirds quorum', () => {
    const result = tally(aVote('m1', 'beyond-policy'), aVote('m2', 'beyond-policy'), aVote('m3', 'beyond-policy'));

    expect(result).toMatchObject({ outcome: 'no-quorum', cast: 3, quorumNeeded: 4 });
  });

  it('no votes at all is no quorum', () => {
    expect(tally()).toEqual({ outcome: 'no-quorum', cast: 0, quorumNeeded: 4, counts: [] });
  });

  it('orders to handle that name no unit count for the lead unit', () => {
    const result = tally(
      aVote('m1', 'order-handling'),
      aVote('m2', 'order-handling'),
      aVote('m3', 'order-handling', { unitId: 's-haibin-dongmen' }),
      aVote('m4', 'unreasonable'),
    );

    expect(result).toMatchObject({
      outcome: 'decided',
      counts: [{ choice: 'order-handling', unitId: 's-haibin-dongmen', votes: 3 }, { choice: 'unreasonable', votes: 1 }],
      decision: { choice: 'order-handling', unitId: 's-haibin-dongmen' },
    });
  });

  it('an order to handle naming another unit does not count for the lead unit', () => {
    const result = tally(
      aVote('m1', 'order-handling'),
      aVote('m2', 'order-handling'),
      aVote('m3', 'order-handling', { unitId: 'dept-water' }),
      aVote('m4', 'unreasonable'),
    );

    expect(result.outcome).toBe('no-majority');
    expect(result.counts).toContainEqual({ choice: 'order-handling', unitId: 's-haibin-dongmen', votes: 2 });
    expect(result.counts).toContainEqual({ choice: 'order-handling', unitId: 'dept-water', votes: 1 });
  });

  it('votes of people who do not sit on the panel are ignored', () => {
    const panel = aPanel({
      votes: ballot(
        aVote('m1', 'unreasonable'),
        aVote('m2', 'unreasonable'),
        aVote('m3', 'beyond-policy'),
        aVote('m4', 'beyond-policy'),
        aVote('outsider', 'unreasonable'),
      ),
    });

    const result = tallyVotes(panel, rules);

    expect(result).toMatchObject({ outcome: 'no-majority', cast: 4 });
    expect(result.counts).toContainEqual({ choice: 'unreasonable', votes: 2 });
  });

  it('the explanation quotes the rationales of the members who carried the decision, and only theirs', () => {
    const result = tally(
      aVote('m1', 'beyond-policy', { rationale: '现行政策未覆盖老旧小区二次供水改造' }),
      aVote('m2', 'beyond-policy', { rationale: '诉求合理，但需市里出台补贴政策' }),
      aVote('m3', 'beyond-policy', { rationale: '建议向市政府反映' }),
      aVote('m4', 'unreasonable', { rationale: '属于业主自管设施' }),
    );

    const explanation = result.decision?.explanation ?? '';
    expect(explanation).toContain('现行政策未覆盖老旧小区二次供水改造');
    expect(explanation).toContain('诉求合理，但需市里出台补贴政策');
    expect(explanation).toContain('建议向市政府反映');
    expect(explanation).not.toContain('属于业主自管设施');
  });

  it('the explanation tells the citizen the finding and the vote', () => {
    const result = tally(aVote('m1', 'unreasonable'), aVote('m2', 'unreasonable'), aVote('m3', 'unreasonable'), aVote('m4', 'beyond-policy'));

    expect(result.decision?.explanation).toMatch(/^经疑难事项联席会商（4 票中 3 票）认定：诉求不合理，解释后结案。理由：/);
  });

  it('2 votes of a three-seat panel meet a two-thirds quorum', () => {
    const panel = aPanel({ seats: seatsFor('m1', 'm2', 'm3'), votes: ballot(aVote('m1', 'unreasonable'), aVote('m2', 'unreasonable')) });

    const result = tallyVotes(panel, panelRules({ size: 3 }));

    expect(result).toMatchObject({ outcome: 'decided', cast: 2, quorumNeeded: 2 });
  });

  it('a 60% quorum computed with floating-point noise (3 × 0.2) needs 3 votes of 5, not 4', () => {
    const votes = ballot(aVote('m1', 'unreasonable'), aVote('m2', 'unreasonable'), aVote('m3', 'unreasonable'));

    const result = tallyVotes(aPanel({ votes }), panelRules({ quorum: 3 * 0.2 }));

    expect(result).toMatchObject({ outcome: 'decided', quorumNeeded: 3 });
  });
});
