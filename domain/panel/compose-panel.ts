// Seats a joint-review panel for one ticket from the member pool.
import type { PanelMember, PanelRole, PanelRules } from '../../schemas/panel.js';
import { PanelCompositionError } from './panel-errors.js';

const roleLabels: Record<PanelRole, string> = {
  'npc-deputy': 'NPC deputy',
  'cppcc-member': 'CPPCC member',
  lawyer: 'lawyer',
  'citizen-rep': 'citizen representative',
};

/** Picks `rules.size` members covering every required role, none tied to an involved unit, the same way for the same seed. */
export function composePanel(
  pool: PanelMember[],
  rules: PanelRules,
  involvedUnitIds: string[],
  seed: string,
): PanelMember[] {
  const involved = new Set(involvedUnitIds);
  const units = [...involved];
  // A member listed twice must not take two seats.
  const members = [...new Map(pool.map((m) => [m.id, m])).values()];
  const eligible = members.filter((m) => !m.tiedUnitIds.some((u) => involved.has(u)));

  // Ordering by a seeded hash rather than by pool order spreads the load: each ticket draws a different first choice.
  const ranked = eligible
    .map((member) => ({ member, rank: hash(`${seed}\u0000${member.id}`) }))
    .sort((a, b) => a.rank - b.rank || compare(a.member.id, b.member.id))
    .map((r) => r.member);

  const seated: PanelMember[] = [];
  for (const role of new Set(rules.requiredRoles)) {
    const pick = ranked.find((m) => m.role === role && !seated.includes(m));
    if (!pick) {
      const label = roleLabels[role];
      const inPool = members.some((m) => m.role === role);
      throw new PanelCompositionError(
        'panel.role-unavailable',
        inPool && units.length > 0
          ? { zh: `没有与 ${units.join('、')} 无关联的${label}可以入选`, en: `no ${label} is free of ties to units ${units.join(', ')}` }
          : { zh: `成员库中没有${label}`, en: `the pool has no ${label}` },
      );
    }
    seated.push(pick);
  }

  if (ranked.length < rules.size) {
    throw new PanelCompositionError(
      'panel.too-few-members',
      units.length > 0
        ? {
            zh: `与 ${units.join('、')} 无关联的成员只有 ${ranked.length} 名，会商需要 ${rules.size} 名`,
            en: `only ${ranked.length} members are free of ties to units ${units.join(', ')}; the panel needs ${rules.size}`,
          }
        : { zh: `成员库只有 ${ranked.length} 名成员，会商需要 ${rules.size} 名`, en: `the pool has only ${ranked.length} members; the panel needs ${rules.size}` },
    );
  }

  for (const member of ranked) {
    if (seated.length >= rules.size) break;
    if (!seated.includes(member)) seated.push(member);
  }
  return seated;
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
