import { describe, expect, it } from 'vitest';
import { VoteRejectedError } from '../../../domain/panel/panel-errors.js';
import { checkVote, tallyVotes } from '../../../domain/panel/tally-votes.js';
import type { TieRule } from '../../../schemas/panel.js';
import { aPanel, aVote, panelRules, shanghai } from '../fixtures.js';

const five = { memberIds: ['m1', 'm2', 'm3', 'm4', 'm5'] };

describe('tallyVotes', () => {
  it('a majority to approve approves', () => {
    const votes = [aVote('m1', 'approve'), aVote('m2', 'approve'), aVote('m3', 'reject'), aVote('m4', 'abstain')];

    const tally = tallyVotes(five, votes, panelRules());

    expect(tally).toEqual({ outcome: 'approved', approve: 2, reject: 1, abstain: 1, cast: 4, quorumNeeded: 4 });
  });

  it('a majority to reject rejects', () => {
    const votes = [aVote('m1', 'reject'), aVote('m2', 'reject'), aVote('m3', 'reject'), aVote('m4', 'approve')];

    expect(tallyVotes(five, votes, panelRules()).outcome).toBe('rejected');
  });

  it('three votes of five miss a two-thirds quorum, four reach it', () => {
    const three = [aVote('m1', 'approve'), aVote('m2', 'approve'), aVote('m3', 'approve')];

    const short = tallyVotes(five, three, panelRules({ quorum: 2 / 3 }));
    const enough = tallyVotes(five, [...three, aVote('m4', 'reject')], panelRules({ quorum: 2 / 3 }));

    expect(short).toMatchObject({ outcome: 'no-quorum', cast: 3, quorumNeeded: 4 });
    expect(enough).toMatchObject({ outcome: 'approved', cast: 4, quorumNeeded: 4 });
  });

  it('three of ten meet a 30% quorum even when the share carries floating-point noise', () => {
    const ten = { memberIds: Array.from({ length: 10 }, (_, i) => `m${i}`) };
    const votes = Array.from({ length: 3 }, (_, i) => aVote(`m${i}`, 'approve'));
    const computedShare = 0.1 + 0.2;

    const tally = tallyVotes(ten, votes, panelRules({ quorum: computedShare }));

    expect(tally).toMatchObject({ outcome: 'approved', quorumNeeded: 3 });
  });

  it('abstentions count toward the quorum', () => {
    const votes = [aVote('m1', 'approve'), aVote('m2', 'abstain'), aVote('m3', 'abstain'), aVote('m4', 'abstain')];

    expect(tallyVotes(five, votes, panelRules()).outcome).toBe('approved');
  });

  it.each<[TieRule, string]>([
    ['reject', 'rejected'],
    ['approve', 'approved'],
    ['refer-to-supervision', 'referred'],
  ])('a tie under the %s rule is %s', (tieRule, outcome) => {
    const votes = [aVote('m1', 'approve'), aVote('m2', 'approve'), aVote('m3', 'reject'), aVote('m4', 'reject')];

    expect(tallyVotes(five, votes, panelRules({ tieRule })).outcome).toBe(outcome);
  });

  it('a tie is referred to the supervision office by default', () => {
    const votes = [aVote('m1', 'approve'), aVote('m2', 'reject'), aVote('m3', 'abstain'), aVote('m4', 'abstain')];

    expect(tallyVotes(five, votes, panelRules()).outcome).toBe('referred');
  });

  it.each<[TieRule, string]>([
    ['reject', 'rejected'],
    ['approve', 'approved'],
    ['refer-to-supervision', 'referred'],
  ])('a panel where everyone abstains is a tie: under %s it is %s', (tieRule, outcome) => {
    const votes = five.memberIds.map((id) => aVote(id, 'abstain'));

    const tally = tallyVotes(five, votes, panelRules({ tieRule }));

    expect(tally).toMatchObject({ outcome, approve: 0, reject: 0, abstain: 5, cast: 5 });
  });

  it('votes from people who do not sit on the panel are ignored', () => {
    const votes = [
      aVote('m1', 'approve'),
      aVote('m2', 'approve'),
      aVote('m3', 'reject'),
      aVote('outsider-1', 'reject'),
      aVote('outsider-2', 'reject'),
    ];

    const tally = tallyVotes(five, votes, panelRules());

    expect(tally).toMatchObject({ outcome: 'no-quorum', cast: 3, reject: 1 });
  });

  it('a member who votes twice counts once, with the later vote, whatever the list order', () => {
    const votes = [
      aVote('m1', 'reject', '2025-03-07 09:00'),
      aVote('m1', 'approve', '2025-03-06 09:00'),
      aVote('m2', 'reject'),
      aVote('m3', 'approve'),
      aVote('m4', 'reject'),
    ];

    const tally = tallyVotes(five, votes, panelRules());

    expect(tally).toMatchObject({ outcome: 'rejected', approve: 1, reject: 3, cast: 4 });
  });

  it('no votes at all is no quorum', () => {
    expect(tallyVotes(five, [], panelRules())).toMatchObject({ outcome: 'no-quorum', cast: 0, quorumNeeded: 4 });
  });
});

describe('checkVote', () => {
  const beforeDeadline = shanghai('2025-03-08 12:00');

  it('lets a member vote while the panel is open', () => {
    expect(() => checkVote(aPanel(), 'm3', beforeDeadline)).not.toThrow();
  });

  it('still accepts a vote at the very minute of the deadline', () => {
    expect(() => checkVote(aPanel(), 'm3', shanghai('2025-03-10 18:00'))).not.toThrow();
  });

  it('refuses someone who does not sit on the panel with 403', () => {
    const attempt = () => checkVote(aPanel(), 'stranger', beforeDeadline);

    expect(attempt).toThrow(VoteRejectedError);
    expect(attempt).toThrow(expect.objectContaining({ status: 403, rule: 'panel.not-a-member' }));
  });

  it('refuses a vote on a panel that has decided with 409', () => {
    const decided = aPanel({ status: 'decided', outcome: 'approved' });

    expect(() => checkVote(decided, 'm3', beforeDeadline)).toThrow(
      expect.objectContaining({ status: 409, rule: 'panel.closed' }),
    );
  });

  it('refuses a vote one minute after the deadline with 409', () => {
    expect(() => checkVote(aPanel(), 'm3', shanghai('2025-03-10 18:01'))).toThrow(
      expect.objectContaining({ status: 409, rule: 'panel.deadline-passed' }),
    );
  });
});
