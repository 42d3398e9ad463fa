// Who lists what: the scope comes from the token's role and unit, never from the request.
import { describe, expect, it } from 'vitest';
import { scopeTicketQuery } from '../../../domain/search/ticket-scope.js';
import type { UserActor } from '../../../schemas/actor.js';

const person = (role: UserActor['role'], unitId?: string): UserActor => ({ kind: 'user', userId: `${role}-1`, role, ...(unitId ? { unitId } : {}) });
const operator = person('operator');
const supervisor = person('supervisor', 'supervision');
const clerk = person('clerk', 's-haibin-dongmen');
const coordinator = person('coordinator', 'd-haibin');

describe('the scope of a ticket listing', () => {
  it('gives a unit its own queue and the city-wide roles the open tickets when nothing is asked', () => {
    expect(scopeTicketQuery({}, clerk)).toEqual({ queue: 'inbox', unitId: 's-haibin-dongmen' });
    expect(scopeTicketQuery({}, coordinator)).toEqual({ queue: 'inbox', unitId: 'd-haibin' });
    expect(scopeTicketQuery({}, operator)).toEqual({ queue: 'open' });
    expect(scopeTicketQuery({}, supervisor)).toEqual({ queue: 'open' });
  });

  it('lets operators, supervisors and administrators list anything city-wide as asked', () => {
    const query = { districtId: 'd-nanhu', status: 'closed' as const, phone: '13800000001' };
    for (const actor of [operator, supervisor, person('admin')]) expect(scopeTicketQuery(query, actor)).toEqual(query);
  });

  it('gives a supervisor asking for "the inbox" the supervision office’s own', () => {
    expect(scopeTicketQuery({ queue: 'inbox' }, supervisor)).toEqual({ queue: 'inbox', unitId: 'supervision' });
  });

  it('keeps a clerk to its own unit, and refuses another unit naming the rule', () => {
    expect(scopeTicketQuery({ status: 'closed' }, clerk)).toEqual({ status: 'closed', unitId: 's-haibin-dongmen' });
    expect(() => scopeTicketQuery({ unitId: 's-haibin-xiwan' }, clerk)).toThrow(expect.objectContaining({ status: 403, rule: 'tickets.own-unit-only' }));
  });

  it("gives a clerk its own unit's whistle queues, and a coordinator its own or its district's", () => {
    expect(scopeTicketQuery({ queue: 'awaiting-report-in' }, clerk)).toEqual({ queue: 'awaiting-report-in', unitId: 's-haibin-dongmen' });
    expect(scopeTicketQuery({ queue: 'called-in' }, clerk)).toEqual({ queue: 'called-in', unitId: 's-haibin-dongmen' });
    expect(scopeTicketQuery({ queue: 'awaiting-report-in', unitId: 'd-haibin' }, coordinator)).toEqual({ queue: 'awaiting-report-in', unitId: 'd-haibin' });
    expect(scopeTicketQuery({ queue: 'awaiting-report-in' }, coordinator)).toEqual({ queue: 'awaiting-report-in', districtId: 'd-haibin' });
    expect(scopeTicketQuery({ queue: 'awaiting-report-in' }, supervisor)).toEqual({ queue: 'awaiting-report-in' });
  });

  it('keeps a coordinator to its district or its own unit, and refuses another district', () => {
    expect(scopeTicketQuery({ status: 'accepted' }, coordinator)).toEqual({ status: 'accepted', districtId: 'd-haibin' });
    expect(scopeTicketQuery({ unitId: 's-haibin-xiwan' }, coordinator)).toEqual({ unitId: 's-haibin-xiwan', districtId: 'd-haibin' });
    expect(scopeTicketQuery({ queue: 'inbox', unitId: 'd-haibin' }, coordinator)).toEqual({ queue: 'inbox', unitId: 'd-haibin' });
    expect(() => scopeTicketQuery({ districtId: 'd-nanhu' }, coordinator)).toThrow(expect.objectContaining({ status: 403, rule: 'tickets.own-district-only' }));
  });

  it('lets only the city-wide roles search by phone, naming the parameter', () => {
    expect(() => scopeTicketQuery({ phone: '13800000001' }, clerk)).toThrow(expect.objectContaining({ status: 403, rule: 'tickets.phone-search', message: expect.stringContaining('phone') }));
    expect(() => scopeTicketQuery({ phone: '13800000001' }, coordinator)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('lists nothing to a panelist, nor to a unit role whose token carries no unit', () => {
    expect(() => scopeTicketQuery({}, person('panelist'))).toThrow(expect.objectContaining({ status: 403, rule: 'tickets.list-role' }));
    expect(() => scopeTicketQuery({ status: 'closed' }, person('clerk'))).toThrow(expect.objectContaining({ status: 403, rule: 'tickets.no-unit' }));
    expect(() => scopeTicketQuery({}, person('coordinator'))).toThrow(expect.objectContaining({ status: 403, rule: 'tickets.no-unit' }));
  });
});
