// The demo city: its shape, referential integrity and naming.
import { describe, expect, it } from 'vitest';
import { demoCity, demoUser } from '../../../local/seed/demo-city.js';
import { EmergencyLine, Role } from '../../../schemas/common.js';
import type { UnitType } from '../../../schemas/common.js';
import { PanelRole } from '../../../schemas/panel.js';

const { units, categories, panelMembers, users } = demoCity;
const unitsOfType = (type: UnitType) => units.filter((u) => u.type === type);
const unitIdsOfType = (type: UnitType) => new Set(unitsOfType(type).map((u) => u.id));
const unitIds = new Set(units.map((u) => u.id));
const districtIds = unitIdsOfType('district');
const departmentIds = unitIdsOfType('department');
const streetIds = unitIdsOfType('street');

const CJK = /\p{Script=Han}/u;
const ASCII = /^[\x20-\x7E]+$/;

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe('demo city units', () => {
  it('has exactly one supervision office, with id "supervision" and no district', () => {
    const supervision = unitsOfType('supervision');
    expect(supervision).toHaveLength(1);
    expect(supervision[0]?.id).toBe('supervision');
    expect(supervision[0]?.districtId).toBeUndefined();
  });

  it('has four districts, each its own district', () => {
    const districts = unitsOfType('district');
    expect(districts).toHaveLength(4);
    for (const d of districts) expect(d.districtId, d.id).toBe(d.id);
  });

  it('has at least 16 streets, at least 4 in every district', () => {
    expect(streetIds.size).toBeGreaterThanOrEqual(16);
    for (const districtId of districtIds) {
      const streets = unitsOfType('street').filter((s) => s.districtId === districtId);
      expect(streets.length, districtId).toBeGreaterThanOrEqual(4);
    }
  });

  it('every street belongs to one of the four districts', () => {
    for (const s of unitsOfType('street')) expect(districtIds.has(s.districtId ?? ''), s.id).toBe(true);
  });

  it('has at least 10 city-wide departments, none in a district', () => {
    expect(departmentIds.size).toBeGreaterThanOrEqual(10);
    for (const d of unitsOfType('department')) expect(d.districtId, d.id).toBeUndefined();
  });

  it('gives every unit a unique id', () => {
    expect(duplicates(units.map((u) => u.id))).toEqual([]);
  });
});

describe('demo city categories', () => {
  it('has at least 40 categories with unique codes', () => {
    expect(categories.length).toBeGreaterThanOrEqual(40);
    expect(duplicates(categories.map((c) => c.code))).toEqual([]);
  });

  it('sends every department category to an existing department', () => {
    for (const c of categories.filter((c) => c.handlerType === 'department')) {
      expect(departmentIds.has(c.departmentId ?? ''), c.code).toBe(true);
    }
  });

  it('names no department on a street category', () => {
    for (const c of categories.filter((c) => c.handlerType === 'street')) expect(c.departmentId, c.code).toBeUndefined();
  });

  it('has at least 4 out-of-scope categories, each with an answer for the operator', () => {
    const outOfScope = categories.filter((c) => c.outOfScope);
    expect(outOfScope.length).toBeGreaterThanOrEqual(4);
    for (const c of outOfScope) expect(c.answer, c.code).toMatch(CJK);
  });

  it('has dangerous emergency categories covering 110, 119, 120 and 122', () => {
    const emergencies = categories.filter((c) => c.emergency);
    expect(emergencies.length).toBeGreaterThanOrEqual(4);
    expect(new Set(emergencies.map((c) => c.transferTo))).toEqual(new Set(EmergencyLine.options));
    for (const c of emergencies) expect(c.urgency, c.code).toBe('danger');
  });

  it('has at least 2 dangerous categories that are handled, not transferred', () => {
    const handledDanger = categories.filter((c) => c.urgency === 'danger' && !c.emergency && !c.outOfScope);
    expect(handledDanger.length).toBeGreaterThanOrEqual(2);
  });

  it('has at least 3 utility-outage categories, all handled by a department', () => {
    const utility = categories.filter((c) => c.urgency === 'utility');
    expect(utility.length).toBeGreaterThanOrEqual(3);
    for (const c of utility) expect(c.handlerType, c.code).toBe('department');
  });
});

describe('demo city panel members', () => {
  it('has 12 members, 3 in each role, with unique ids', () => {
    expect(panelMembers).toHaveLength(12);
    for (const role of PanelRole.options) {
      expect(panelMembers.filter((m) => m.role === role).length, role).toBe(3);
    }
    expect(duplicates(panelMembers.map((m) => m.id))).toEqual([]);
  });

  it('ties at most 4 members, and only to existing units', () => {
    const tied = panelMembers.filter((m) => m.tiedUnitIds.length > 0);
    expect(tied.length).toBeGreaterThan(0);
    expect(tied.length).toBeLessThanOrEqual(4);
    for (const m of tied) {
      for (const unitId of m.tiedUnitIds) expect(unitIds.has(unitId), `${m.id} -> ${unitId}`).toBe(true);
    }
  });
});

describe('demo city users', () => {
  it('has a user for every role, with unique ids', () => {
    for (const role of Role.options) expect(users.some((u) => u.role === role), role).toBe(true);
    expect(duplicates(users.map((u) => u.id))).toEqual([]);
  });

  it('has a clerk in at least 4 streets and 4 departments', () => {
    const clerkUnits = users.filter((u) => u.role === 'clerk').map((u) => u.unitId ?? '');
    expect(clerkUnits.filter((id) => streetIds.has(id)).length).toBeGreaterThanOrEqual(4);
    expect(clerkUnits.filter((id) => departmentIds.has(id)).length).toBeGreaterThanOrEqual(4);
  });

  it('gives every user unit an existing unit', () => {
    for (const u of users.filter((u) => u.unitId !== undefined)) expect(unitIds.has(u.unitId ?? ''), u.id).toBe(true);
  });

  it('puts every clerk in a street or department', () => {
    for (const u of users.filter((u) => u.role === 'clerk')) {
      expect(streetIds.has(u.unitId ?? '') || departmentIds.has(u.unitId ?? ''), u.id).toBe(true);
    }
  });

  it('has a coordinator for each district, and coordinators only in districts', () => {
    const coordinators = users.filter((u) => u.role === 'coordinator');
    for (const u of coordinators) expect(districtIds.has(u.unitId ?? ''), u.id).toBe(true);
    expect(new Set(coordinators.map((u) => u.unitId))).toEqual(districtIds);
  });

  it('puts every supervisor in the supervision office', () => {
    const supervisors = users.filter((u) => u.role === 'supervisor');
    expect(supervisors.length).toBeGreaterThanOrEqual(2);
    for (const u of supervisors) expect(u.unitId, u.id).toBe('supervision');
  });

  it('has exactly one panelist user for each panel member', () => {
    const memberIds = users.filter((u) => u.role === 'panelist').map((u) => u.memberId ?? '');
    expect(duplicates(memberIds)).toEqual([]);
    expect(new Set(memberIds)).toEqual(new Set(panelMembers.map((m) => m.id)));
  });

  it('gives operators and admins no unit', () => {
    for (const u of users.filter((u) => u.role === 'operator' || u.role === 'admin')) expect(u.unitId, u.id).toBeUndefined();
  });

  it('gives every user a kebab-case id and an address at haiqiao.example', () => {
    for (const u of users) {
      expect(u.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(u.email).toBe(`${u.id}@haiqiao.example`);
    }
  });
});

describe('demo city names', () => {
  it('writes every Chinese name in Chinese characters', () => {
    const zh = [
      demoCity.name.zh,
      ...units.map((u) => u.name.zh),
      ...categories.map((c) => c.name.zh),
      ...panelMembers.map((m) => m.name),
      ...users.map((u) => u.name),
    ];
    for (const name of zh) expect(name).toMatch(CJK);
  });

  it('writes every English name in plain ASCII', () => {
    const en = [demoCity.name.en, ...units.map((u) => u.name.en), ...categories.map((c) => c.name.en)];
    for (const name of en) expect(name).toMatch(ASCII);
  });
});

describe('demoUser', () => {
  it('finds a demo user by id', () => {
    expect(demoUser('clerk-water')).toMatchObject({ role: 'clerk', unitId: 'dept-water' });
  });

  it('throws a clear error naming an unknown id', () => {
    expect(() => demoUser('nobody')).toThrow(/no demo user "nobody"/);
  });
});
