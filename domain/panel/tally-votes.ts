// Counts a panel's votes into its result: quorum of the seats, then a majority of the votes cast.
import type { Panel, PanelResult, PanelRules, Vote, VoteChoice } from '../../schemas/panel.js';

const choiceNames: Record<VoteChoice, string> = {
  'assign-unit': '指定承办单位',
  'order-handling': '诉求合理，限期办理',
  'beyond-policy': '诉求合理但超出现行政策，向群众解释并向上反映',
  unreasonable: '诉求不合理，解释后结案',
};

/**
 * The panel's result from the votes cast: a choice (with its unit) needs more than half of them, and a quorum voted.
 * `unitName` names a unit in the explanation the citizen is told.
 */
export function tallyVotes(panel: Pick<Panel, 'seats' | 'votes' | 'leadUnitId'>, rules: PanelRules, unitName: (unitId: string) => string = (id) => id): PanelResult {
  const seated = new Set(panel.seats.map((s) => s.memberId));
  const votes = Object.values(panel.votes).filter((v) => seated.has(v.memberId));
  // The epsilon keeps float noise from demanding an extra vote (a quorum of 0.6 of 5 seats computes as 3.0000000000000004).
  const quorumNeeded = Math.max(1, Math.ceil(rules.quorum * seated.size - 1e-9));
  const byChoice = new Map<string, { choice: VoteChoice; unitId?: string; votes: Vote[] }>();
  for (const vote of votes) {
    const unitId = unitOf(vote, panel.leadUnitId);
    const key = `${vote.choice}\u0000${unitId ?? ''}`;
    const entry = byChoice.get(key) ?? { choice: vote.choice, ...(unitId ? { unitId } : {}), votes: [] };
    entry.votes.push(vote);
    byChoice.set(key, entry);
  }
  const ranked = [...byChoice.values()].sort((a, b) => b.votes.length - a.votes.length);
  const counts = ranked.map(({ choice, unitId, votes: v }) => ({ choice, ...(unitId ? { unitId } : {}), votes: v.length }));
  const cast = votes.length;
  if (cast < quorumNeeded) return { outcome: 'no-quorum', cast, quorumNeeded, counts };
  const top = ranked[0];
  if (!top || top.votes.length * 2 <= cast) return { outcome: 'no-majority', cast, quorumNeeded, counts };
  return { outcome: 'decided', cast, quorumNeeded, counts, decision: { choice: top.choice, ...(top.unitId ? { unitId: top.unitId } : {}), explanation: explanation(top, cast, unitName) } };
}

/** The unit a vote names: its own, or for an order to handle the panel's lead unit. */
function unitOf(vote: Vote, leadUnitId: string | undefined): string | undefined {
  if (vote.choice === 'assign-unit') return vote.unitId;
  if (vote.choice === 'order-handling') return vote.unitId ?? leadUnitId;
  return undefined;
}

// What the citizen is told: the panel's finding and the reasons of those who carried it, in their words.
function explanation(top: { choice: VoteChoice; unitId?: string; votes: Vote[] }, cast: number, unitName: (unitId: string) => string): string {
  const reasons = [...new Set(top.votes.map((v) => v.rationale.trim()))].join('；');
  const unit = top.unitId ? `（${unitName(top.unitId)}）` : '';
  return `经疑难事项联席会商（${cast} 票中 ${top.votes.length} 票）认定：${choiceNames[top.choice]}${unit}。理由：${reasons}`;
}
