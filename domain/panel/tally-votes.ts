// Counts a panel's votes into an outcome, and guards who may still vote.
import type { Panel, PanelOutcome, PanelRules, Vote } from '../../schemas/panel.js';
import { beijingTime } from '../time/beijing-time.js';
import { VoteRejectedError } from './panel-errors.js';

export interface Tally {
  outcome: PanelOutcome;
  approve: number;
  reject: number;
  abstain: number;
  /** Members who voted, abstentions included. */
  cast: number;
  quorumNeeded: number;
}

/** Tallies the latest vote of each panel member against the quorum and the tie rule. */
export function tallyVotes(panel: { memberIds: string[] }, votes: Vote[], rules: PanelRules): Tally {
  const members = new Set(panel.memberIds);
  const latest = new Map<string, Vote>();
  for (const vote of votes) {
    if (!members.has(vote.memberId)) continue;
    const previous = latest.get(vote.memberId);
    // `>=` lets the later of two votes with the same timestamp win, as the list is in arrival order.
    if (!previous || Date.parse(vote.castAt) >= Date.parse(previous.castAt)) latest.set(vote.memberId, vote);
  }

  let approve = 0;
  let reject = 0;
  let abstain = 0;
  for (const vote of latest.values()) {
    if (vote.choice === 'approve') approve++;
    else if (vote.choice === 'reject') reject++;
    else abstain++;
  }
  const cast = approve + reject + abstain;
  // The epsilon keeps float noise from demanding an extra vote: a share computed as 0.1 + 0.2 times 10 members is 3.0000000000000004.
  const quorumNeeded = Math.ceil(rules.quorum * members.size - 1e-9);

  return { outcome: decide(), approve, reject, abstain, cast, quorumNeeded };

  function decide(): PanelOutcome {
    if (cast < quorumNeeded) return 'no-quorum';
    if (approve > reject) return 'approved';
    if (reject > approve) return 'rejected';
    switch (rules.tieRule) {
      case 'approve':
        return 'approved';
      case 'reject':
        return 'rejected';
      case 'refer-to-supervision':
        return 'referred';
    }
  }
}

/** Throws a VoteRejectedError unless `memberId` may vote on the panel at `now` (the deadline instant itself still counts). */
export function checkVote(panel: Panel, memberId: string, now: Date): void {
  // Membership first: an outsider learns nothing about the panel's state.
  if (!panel.memberIds.includes(memberId)) {
    throw new VoteRejectedError('panel.not-a-member', { zh: `${memberId} 不是会商 ${panel.id} 的成员`, en: `${memberId} does not sit on panel ${panel.id}` });
  }
  if (panel.status !== 'voting') {
    throw new VoteRejectedError('panel.closed', { zh: `会商 ${panel.id} 已作出决定`, en: `panel ${panel.id} has already decided` });
  }
  if (now.getTime() > Date.parse(panel.deadline)) {
    const closedAt = beijingTime(panel.deadline);
    throw new VoteRejectedError('panel.deadline-passed', { zh: `会商 ${panel.id} 的投票已于 ${closedAt}（北京时间）截止`, en: `voting on panel ${panel.id} closed at ${closedAt} Beijing time` });
  }
}
