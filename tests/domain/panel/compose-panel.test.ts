import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composePanel, type CompositionInput } from '../../../domain/panel/compose-panel.js';
import { PanelCompositionError } from '../../../domain/panel/panel-errors.js';
import type { PanelMember } from '../../../schemas/panel.js';
import { aMember, panelRules } from '../fixtures.js';

const pool = [
  aMember('deputy-1', 'npc-deputy'),
  aMember('deputy-2', 'npc-deputy', ['s-haibin-dongmen']),
  aMember('cppcc-1', 'cppcc-member'),
  aMember('cppcc-2', 'cppcc-member'),
  aMember('lawyer-1', 'lawyer', ['dept-water']),
  aMember('lawyer-2', 'lawyer'),
  aMember('lawyer-3', 'lawyer', ['dept-housing']),
  aMember('citizen-1', 'citizen-rep'),
  aMember('citizen-2', 'citizen-rep', ['s-haibin-dongmen']),
  aMember('citizen-3', 'citizen-rep'),
];
const waterCase = ['s-haibin-dongmen', 'dept-water'];
const tickets = Array.from({ length: 50 }, (_, i) => `T-${i}#1`);

/** Composes with the pool, default rules and no open panels unless the test says otherwise. */
function compose(input: Partial<CompositionInput> = {}) {
  return composePanel({ pool, rules: panelRules(), involvedUnitIds: [], openPanels: new Map(), seed: 'T-1#1', ...input });
}

const ids = (seats: { memberId: string }[]) => seats.map((s) => s.memberId);

/** The error a composition throws (fails the test when it throws nothing or something else). */
function refusal(input: Partial<CompositionInput>): PanelCompositionError {
  try {
    compose(input);
  } catch (error) {
    if (error instanceof PanelCompositionError) return error;
    throw error;
  }
  throw new Error('expected the composition to be refused, but it seated a panel');
}

describe('composePanel', () => {
  it('seats five different members with at least one lawyer and one citizen representative under the default rules', () => {
    const { seats } = compose({ involvedUnitIds: waterCase });

    expect(seats).toHaveLength(5);
    expect(new Set(ids(seats)).size).toBe(5);
    expect(seats.some((s) => s.role === 'lawyer')).toBe(true);
    expect(seats.some((s) => s.role === 'citizen-rep')).toBe(true);
  });

  it('says why each member sits: one per required role first, the others drawn', () => {
    const { seats } = compose();

    expect(seats.map((s) => s.why)).toEqual(['required-role', 'required-role', 'drawn', 'drawn', 'drawn']);
    expect(seats.slice(0, 2).map((s) => s.role)).toEqual(['lawyer', 'citizen-rep']);
  });

  it('seats each member with the name and role of the pool', () => {
    const { seats } = compose();

    for (const seat of seats) {
      const member = pool.find((m) => m.id === seat.memberId);
      expect(seat).toMatchObject({ name: member?.name, role: member?.role });
    }
  });

  it('never seats a member tied to a unit of the case, and lists them as tied', () => {
    for (const seed of tickets) {
      const { seats, skipped } = compose({ involvedUnitIds: waterCase, seed });

      expect(ids(seats)).not.toContain('lawyer-1');
      expect(skipped).toEqual(
        expect.arrayContaining([
          { memberId: 'lawyer-1', why: 'tied-to-unit' },
          { memberId: 'deputy-2', why: 'tied-to-unit' },
          { memberId: 'citizen-2', why: 'tied-to-unit' },
        ]),
      );
    }
  });

  it('still seats a member tied only to units the case does not involve', () => {
    const seatedEver = tickets.flatMap((seed) => ids(compose({ involvedUnitIds: waterCase, seed }).seats));

    expect(seatedEver).toContain('lawyer-3');
  });

  it('skips a member already on the most open panels a member may sit on', () => {
    const openPanels = new Map([['lawyer-2', 3]]);

    for (const seed of tickets) {
      const { seats, skipped } = compose({ rules: panelRules({ maxOpenPanelsPerMember: 3 }), openPanels, seed });

      expect(ids(seats)).not.toContain('lawyer-2');
      expect(skipped).toContainEqual({ memberId: 'lawyer-2', why: 'too-many-open-panels' });
    }
  });

  it('still seats a member one panel below that limit', () => {
    const openPanels = new Map([['lawyer-2', 2]]);

    const seatedEver = tickets.flatMap((seed) => ids(compose({ rules: panelRules({ maxOpenPanelsPerMember: 3 }), openPanels, seed }).seats));

    expect(seatedEver).toContain('lawyer-2');
    expect(compose({ openPanels }).skipped).toEqual([]);
  });

  it("does not seat last round's members again when the pool has enough others, and lists them as having sat", () => {
    const lastRound = ['deputy-1', 'cppcc-1', 'lawyer-2', 'citizen-1', 'citizen-3'];

    for (const seed of tickets) {
      const { seats, skipped } = compose({ satLastRound: lastRound, seed });

      expect(ids(seats)).toEqual(expect.not.arrayContaining(lastRound));
      expect(skipped).toEqual(lastRound.map((memberId) => ({ memberId, why: 'sat-last-round' })));
    }
  });

  it("seats last round's members again only for the seats the others cannot fill", () => {
    const small = pool.slice(0, 7).map((m) => aMember(m.id, m.role)).concat(aMember('citizen-1', 'citizen-rep'));
    const lastRound = ['deputy-1', 'deputy-2', 'cppcc-1', 'cppcc-2', 'lawyer-1'];

    const { seats, skipped } = compose({ pool: small, satLastRound: lastRound });

    const others = ['lawyer-2', 'lawyer-3', 'citizen-1'];
    expect(ids(seats)).toEqual(expect.arrayContaining(others));
    const again = ids(seats).filter((id) => lastRound.includes(id));
    expect(again).toHaveLength(2);
    expect(skipped).toEqual(lastRound.filter((id) => !again.includes(id)).map((memberId) => ({ memberId, why: 'sat-last-round' })));
  });

  it('seats the only free lawyer again although they sat last round', () => {
    const lastRound = ['lawyer-2'];

    const { seats, skipped } = compose({ involvedUnitIds: ['dept-water', 'dept-housing'], satLastRound: lastRound });

    expect(seats).toContainEqual(expect.objectContaining({ memberId: 'lawyer-2', why: 'required-role' }));
    expect(skipped).not.toContainEqual(expect.objectContaining({ memberId: 'lawyer-2' }));
  });

  it('lists a member tied to the case as tied, not as having sat last round', () => {
    const { skipped } = compose({ involvedUnitIds: waterCase, satLastRound: ['lawyer-1'] });

    expect(skipped.filter((s) => s.memberId === 'lawyer-1')).toEqual([{ memberId: 'lawyer-1', why: 'tied-to-unit' }]);
  });

  it('draws the same panel for the same ticket and round, whatever the pool order', () => {
    const first = compose({ involvedUnitIds: waterCase, seed: 'T-2026-000123#1' });

    const again = compose({ pool: [...pool].reverse(), involvedUnitIds: waterCase, seed: 'T-2026-000123#1' });

    expect(ids(again.seats)).toEqual(ids(first.seats));
  });

  it('spreads the first picks across the pool: different tickets draw different lawyers, representatives and panels', () => {
    const panels = tickets.map((seed) => compose({ seed }).seats);

    expect(new Set(panels.map((seats) => seats[0]?.memberId))).toEqual(new Set(['lawyer-1', 'lawyer-2', 'lawyer-3']));
    expect(new Set(panels.map((seats) => seats[1]?.memberId))).toEqual(new Set(['citizen-1', 'citizen-2', 'citizen-3']));
    expect(new Set(panels.map((seats) => ids(seats).sort().join(','))).size).toBeGreaterThan(10);
    expect(new Set(panels.flatMap(ids))).toEqual(new Set(pool.map((m) => m.id)));
  });

  it('seats the required roles even in a pool of mostly citizens', () => {
    const citizens = Array.from({ length: 8 }, (_, i) => aMember(`citizen-${i}`, 'citizen-rep'));

    const { seats } = compose({ pool: [...citizens, aMember('lawyer-only', 'lawyer')], rules: panelRules({ size: 3 }) });

    expect(ids(seats)).toContain('lawyer-only');
    expect(seats).toHaveLength(3);
  });

  it('gives a member listed twice in the pool one seat', () => {
    const twice = [aMember('a', 'lawyer'), aMember('a', 'lawyer'), aMember('b', 'citizen-rep'), aMember('c', 'npc-deputy')];

    const error = refusal({ pool: twice, rules: panelRules({ size: 5 }) });

    expect(error.rule).toBe('panel.too-few-members');
    expect(error.text.en).toMatch(/^only 3 members/);
  });

  describe('for any ticket, case and load', () => {
    const memberIds = pool.map((m) => m.id);
    const arbitraryInput = fc.record({
      seed: fc.string(),
      involvedUnitIds: fc.subarray(['s-haibin-dongmen', 'dept-water', 'dept-housing', 'd-haibin']),
      loads: fc.array(fc.nat({ max: 4 }), { minLength: memberIds.length, maxLength: memberIds.length }),
      satLastRound: fc.subarray(memberIds),
      size: fc.constantFrom(3, 5, 7),
    });
    const toInput = (a: { seed: string; involvedUnitIds: string[]; loads: number[]; satLastRound: string[]; size: number }) => ({
      seed: a.seed,
      involvedUnitIds: a.involvedUnitIds,
      openPanels: new Map(memberIds.map((id, i) => [id, a.loads[i] ?? 0])),
      satLastRound: a.satLastRound,
      rules: panelRules({ size: a.size }),
    });
    const free = (m: PanelMember, input: ReturnType<typeof toInput>) =>
      !m.tiedUnitIds.some((u) => input.involvedUnitIds.includes(u)) && (input.openPanels.get(m.id) ?? 0) < input.rules.maxOpenPanelsPerMember;

    it('seats the full panel, covering the required roles, never a member twice, never a tied or overloaded member', () => {
      fc.assert(
        fc.property(arbitraryInput, (a) => {
          const input = toInput(a);
          let seats;
          try {
            seats = compose(input).seats;
          } catch (error) {
            if (!(error instanceof PanelCompositionError)) throw error;
            return;
          }

          expect(seats).toHaveLength(input.rules.size);
          expect(new Set(ids(seats)).size).toBe(seats.length);
          for (const role of input.rules.requiredRoles) expect(seats.some((s) => s.role === role)).toBe(true);
          for (const seat of seats) expect(free(pool.find((m) => m.id === seat.memberId) as PanelMember, input)).toBe(true);
        }),
      );
    });

    it('refuses only when a required role has no free member or too few members are free', () => {
      fc.assert(
        fc.property(arbitraryInput, (a) => {
          const input = toInput(a);
          const freeMembers = pool.filter((m) => free(m, input));
          const roleMissing = input.rules.requiredRoles.some((role) => !freeMembers.some((m) => m.role === role));
          const expected = roleMissing ? 'panel.role-unavailable' : freeMembers.length < input.rules.size ? 'panel.too-few-members' : undefined;

          let rule: string | undefined;
          try {
            compose(input);
          } catch (error) {
            if (!(error instanceof PanelCompositionError)) throw error;
            rule = error.rule;
          }

          expect(rule).toBe(expected);
        }),
      );
    });

    it('lists every tied or overloaded member as skipped, with the reason', () => {
      fc.assert(
        fc.property(arbitraryInput, (a) => {
          const input = toInput(a);
          let skipped;
          try {
            skipped = compose(input).skipped;
          } catch (error) {
            if (!(error instanceof PanelCompositionError)) throw error;
            return;
          }

          for (const member of pool) {
            const tied = member.tiedUnitIds.some((u) => input.involvedUnitIds.includes(u));
            const busy = (input.openPanels.get(member.id) ?? 0) >= input.rules.maxOpenPanelsPerMember;
            const listed = skipped.filter((s) => s.memberId === member.id).map((s) => s.why);
            if (tied) expect(listed).toEqual(['tied-to-unit']);
            else if (busy) expect(listed).toEqual(['too-many-open-panels']);
          }
        }),
      );
    });
  });

  describe('refusals', () => {
    it('refuses with 422 panel.role-unavailable when every lawyer is tied to the case, in Chinese and English', () => {
      const error = refusal({ pool: pool.filter((m) => m.id !== 'lawyer-2' && m.id !== 'lawyer-3'), involvedUnitIds: waterCase });

      expect(error).toMatchObject({ status: 422, rule: 'panel.role-unavailable' });
      expect(error.text).toEqual({
        zh: '没有与 s-haibin-dongmen、dept-water 无关联且会商未满的律师可以入选',
        en: 'no lawyer is free of ties to s-haibin-dongmen, dept-water and of too many open panels',
      });
    });

    it('refuses with panel.role-unavailable when every citizen representative is on too many open panels', () => {
      const openPanels = new Map(['citizen-1', 'citizen-2', 'citizen-3'].map((id) => [id, 3]));

      const error = refusal({ openPanels });

      expect(error).toMatchObject({ status: 422, rule: 'panel.role-unavailable' });
      expect(error.text.zh).toContain('群众代表');
      expect(error.text.en).toBe('every citizen representative already sits on too many open panels');
    });

    it('says the pool has no member of a required role at all', () => {
      const error = refusal({ pool: pool.filter((m) => m.role !== 'lawyer') });

      expect(error).toMatchObject({ status: 422, rule: 'panel.role-unavailable' });
      expect(error.text).toEqual({ zh: '成员库中没有律师', en: 'the pool has no lawyer' });
    });

    it('refuses with 422 panel.too-few-members when too few members are free, giving the numbers', () => {
      const error = refusal({ rules: panelRules({ size: 9 }), involvedUnitIds: waterCase });

      expect(error).toBeInstanceOf(PanelCompositionError);
      expect(error).toMatchObject({ status: 422, rule: 'panel.too-few-members' });
      expect(error.text).toEqual({
        zh: '可入选的成员只有 7 名（已排除有关联或会商过多的成员），会商需要 9 名',
        en: 'only 7 members are free to sit (tied or busy members excluded); the panel needs 9',
      });
    });
  });
});
