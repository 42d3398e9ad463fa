// Seats a joint-review panel for one ticket from the member pool, and records who sat out and why.
import type { PanelMember, PanelRole, PanelRules, Seat, Skip } from '../../schemas/panel.js';
import { PanelCompositionError } from './panel-errors.js';

const roleNames: Record<PanelRole, { zh: string; en: string }> = {
  'npc-deputy': { zh: '人大代表', en: 'NPC deputy' },
  'cppcc-member': { zh: '政协委员', en: 'CPPCC member' },
  lawyer: { zh: '律师', en: 'lawyer' },
  'citizen-rep': { zh: '群众代表', en: 'citizen representative' },
};

export interface CompositionInput {
  pool: PanelMember[];
  rules: PanelRules;
  /** Units of the case: a member tied to one never sits. */
  involvedUnitIds: string[];
  /** Open panels each member sits on now (absent: none). */
  openPanels: ReadonlyMap<string, number>;
  /** Members of the last round: seated again only where the pool has too few others. */
  satLastRound?: readonly string[];
  /** Draws differ per ticket and round, the same way for the same seed. */
  seed: string;
}

export interface Composition {
  seats: Seat[];
  skipped: Skip[];
}

/** Picks `rules.size` members covering every required role, none tied to an involved unit or over their load. */
export function composePanel(input: CompositionInput): Composition {
  const { rules } = input;
  const involved = new Set(input.involvedUnitIds);
  const lastRound = new Set(input.satLastRound ?? []);
  // A member listed twice must not take two seats.
  const members = [...new Map(input.pool.map((m) => [m.id, m])).values()];
  const skipped: Skip[] = [];
  const eligible = members.filter((m) => {
    if (m.tiedUnitIds.some((u) => involved.has(u))) skipped.push({ memberId: m.id, why: 'tied-to-unit' });
    else if ((input.openPanels.get(m.id) ?? 0) >= rules.maxOpenPanelsPerMember) skipped.push({ memberId: m.id, why: 'too-many-open-panels' });
    else return true;
    return false;
  });

  // A seeded hash order spreads the load: each ticket draws a different first choice. Last round's members come last.
  const ranked = eligible
    .map((member) => ({ member, again: lastRound.has(member.id) ? 1 : 0, rank: hash(`${input.seed}\u0000${member.id}`) }))
    .sort((a, b) => a.again - b.again || a.rank - b.rank || compare(a.member.id, b.member.id))
    .map((r) => r.member);

  const seats: Seat[] = [];
  const seat = (m: PanelMember, why: Seat['why']) => seats.push({ memberId: m.id, name: m.name, role: m.role, why });
  for (const role of new Set(rules.requiredRoles)) {
    const pick = ranked.find((m) => m.role === role && !seats.some((s) => s.memberId === m.id));
    if (!pick) throw missingRole(role, members, input.involvedUnitIds);
    seat(pick, 'required-role');
  }
  if (ranked.length < rules.size) {
    throw new PanelCompositionError('panel.too-few-members', {
      zh: `可入选的成员只有 ${ranked.length} 名（已排除有关联或会商过多的成员），会商需要 ${rules.size} 名`,
      en: `only ${ranked.length} members are free to sit (tied or busy members excluded); the panel needs ${rules.size}`,
    });
  }
  for (const member of ranked) {
    if (seats.length >= rules.size) break;
    if (!seats.some((s) => s.memberId === member.id)) seat(member, 'drawn');
  }
  for (const m of eligible) if (lastRound.has(m.id) && !seats.some((s) => s.memberId === m.id)) skipped.push({ memberId: m.id, why: 'sat-last-round' });
  return { seats, skipped };
}

function missingRole(role: PanelRole, members: PanelMember[], units: string[]): PanelCompositionError {
  const name = roleNames[role];
  if (!members.some((m) => m.role === role)) return new PanelCompositionError('panel.role-unavailable', { zh: `成员库中没有${name.zh}`, en: `the pool has no ${name.en}` });
  return new PanelCompositionError(
    'panel.role-unavailable',
    units.length > 0
      ? { zh: `没有与 ${units.join('、')} 无关联且会商未满的${name.zh}可以入选`, en: `no ${name.en} is free of ties to ${units.join(', ')} and of too many open panels` }
      : { zh: `${name.zh}都已参加过多会商，暂无可入选者`, en: `every ${name.en} already sits on too many open panels` },
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// cyrb53: a fast 53-bit string hash; no crypto module so the domain stays runnable in the browser.
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
