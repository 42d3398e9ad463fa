import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePanel } from '../../../domain/panel/compose-panel.js';
import { PanelCompositionError } from '../../../domain/panel/panel-errors.js';
import { aMember, panelRules } from '../fixtures.js';

const pool = [
  aMember('deputy-1', 'npc-deputy'),
  aMember('deputy-2', 'npc-deputy', ['street-a']),
  aMember('cppcc-1', 'cppcc-member'),
  aMember('cppcc-2', 'cppcc-member'),
  aMember('lawyer-1', 'lawyer', ['dept-water']),
  aMember('lawyer-2', 'lawyer'),
  aMember('lawyer-3', 'lawyer', ['dept-housing']),
  aMember('citizen-1', 'citizen-rep'),
  aMember('citizen-2', 'citizen-rep', ['street-a']),
  aMember('citizen-3', 'citizen-rep'),
];
const waterCase = ['street-a', 'dept-water'];

describe('composePanel', () => {
  it('seats five members covering every role', () => {
    const panel = composePanel(pool, panelRules(), waterCase, 'T-1');

    expect(panel).toHaveLength(5);
    expect(new Set(panel.map((m) => m.role))).toEqual(new Set(['npc-deputy', 'cppcc-member', 'lawyer', 'citizen-rep']));
    expect(new Set(panel.map((m) => m.id)).size).toBe(5);
  });

  it('a lawyer who works for the water bureau sits out a water case', () => {
    const seeds = Array.from({ length: 50 }, (_, i) => `T-${i}`);

    const seated = seeds.flatMap((seed) => composePanel(pool, panelRules(), waterCase, seed).map((m) => m.id));

    expect(seated).not.toContain('lawyer-1');
    expect(seated).not.toContain('deputy-2');
    expect(seated).not.toContain('citizen-2');
    expect(seated).toContain('lawyer-3');
  });

  it('never seats a tied member, always covers the required roles, for any ticket', () => {
    fc.assert(
      fc.property(fc.string(), fc.subarray(['street-a', 'dept-water', 'dept-housing']), (seed, involved) => {
        const rules = panelRules({ size: 5 });

        const panel = composePanel(pool, rules, involved, seed);

        expect(panel).toHaveLength(5);
        for (const member of panel) expect(member.tiedUnitIds.filter((u) => involved.includes(u))).toEqual([]);
        for (const role of rules.requiredRoles) expect(panel.some((m) => m.role === role)).toBe(true);
      }),
    );
  });

  it('the same ticket always draws the same panel, whatever the pool order', () => {
    const first = composePanel(pool, panelRules(), waterCase, 'T-2025-000123');

    const again = composePanel([...pool].reverse(), panelRules(), waterCase, 'T-2025-000123');

    expect(again.map((m) => m.id)).toEqual(first.map((m) => m.id));
  });

  it('different tickets spread the work across the pool', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => `T-${i}`);

    const panels = seeds.map((seed) => composePanel(pool, panelRules(), [], seed));

    const distinct = new Set(panels.map((p) => p.map((m) => m.id).sort().join(',')));
    expect(distinct.size).toBeGreaterThan(5);
    const seatedEver = new Set(panels.flat().map((m) => m.id));
    expect(seatedEver).toEqual(new Set(pool.map((m) => m.id)));
  });

  it('seats the required roles first even in a pool of mostly citizens', () => {
    const citizens = Array.from({ length: 8 }, (_, i) => aMember(`citizen-${i}`, 'citizen-rep'));
    const onlyLawyer = aMember('lawyer-only', 'lawyer');

    const panel = composePanel([...citizens, onlyLawyer], panelRules({ size: 3, requiredRoles: ['lawyer'] }), [], 'T-9');

    expect(panel.map((m) => m.id)).toContain('lawyer-only');
    expect(panel).toHaveLength(3);
  });

  it('a member listed twice in the pool takes one seat', () => {
    const small = [aMember('a', 'lawyer'), aMember('a', 'lawyer'), aMember('b', 'citizen-rep')];

    const attempt = () => composePanel(small, panelRules({ size: 3, requiredRoles: [] }), [], 'T-1');

    expect(attempt).toThrow(/only 2 members/);
  });

  it('refuses when every lawyer is tied to an involved unit, naming the role and the units', () => {
    const tiedLawyers = pool.filter((m) => m.id !== 'lawyer-2' && m.id !== 'lawyer-3');

    const attempt = () => composePanel(tiedLawyers, panelRules(), waterCase, 'T-1');

    expect(attempt).toThrow(PanelCompositionError);
    expect(attempt).toThrow(
      expect.objectContaining({
        status: 422,
        rule: 'panel.role-unavailable',
        message: 'no lawyer is free of ties to units street-a, dept-water',
      }),
    );
  });

  it('refuses when the pool has no member of a required role at all', () => {
    const noDeputies = pool.filter((m) => m.role !== 'npc-deputy');

    const attempt = () => composePanel(noDeputies, panelRules(), [], 'T-1');

    expect(attempt).toThrow('the pool has no NPC deputy');
  });

  it('refuses when too few members are free to fill the seats, giving the numbers', () => {
    const rules = panelRules({ size: 9 });

    const attempt = () => composePanel(pool, rules, waterCase, 'T-1');

    expect(attempt).toThrow(
      expect.objectContaining({
        status: 422,
        rule: 'panel.too-few-members',
        message: 'only 7 members are free of ties to units street-a, dept-water; the panel needs 9',
      }),
    );
  });
});
