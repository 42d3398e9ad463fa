import { describe, expect, it } from 'vitest';
import { nextRung } from '../../../domain/escalation/escalation-ladder.js';
import { routeTicket } from '../../../domain/routing/route-ticket.js';
import { city } from '../tickets/world.js';

const location = { districtId: 'd-qingshan', streetId: 's-qingshan-songlin', address: '松林路8号' };
const route = (code: string) => {
  const category = city.category(code);
  if (!category) throw new Error(`no category ${code}`);
  return routeTicket(category, location);
};

describe('routing', () => {
  it('sends every local category straight to the street where it happened', () => {
    const local = city.allCategories().filter((c) => c.handlerType === 'street' && !c.outOfScope && !c.emergency);
    expect(local.length).toBeGreaterThan(10);
    for (const category of local) expect(routeTicket(category, location)).toEqual({ kind: 'dispatch', unitId: 's-qingshan-songlin' });
  });

  it('sends every sector category to its department, wherever it happened', () => {
    expect(route('FOOD-001')).toEqual({ kind: 'dispatch', unitId: 'dept-market-regulation' });
    expect(route('BUS-001')).toEqual({ kind: 'dispatch', unitId: 'dept-transport' });
  });

  it('answers out-of-scope requests instead of dispatching them', () => {
    expect(route('OOS-001')).toMatchObject({ kind: 'answer' });
  });

  it.each([
    ['EMG-001', '110'],
    ['EMG-002', '119'],
    ['EMG-003', '120'],
    ['EMG-004', '122'],
  ])('transfers %s to %s', (code, line) => {
    expect(route(code)).toEqual({ kind: 'transfer', line });
  });
});

describe('escalation ladder', () => {
  it('goes from the handler to its district, then to the city supervision office, then no further', () => {
    expect(nextRung({ level: 1, location }, city)).toEqual({ level: 2, unitId: 'd-qingshan' });
    expect(nextRung({ level: 2, location }, city)).toEqual({ level: 3, unitId: 'supervision' });
    expect(nextRung({ level: 3, location }, city)).toBeUndefined();
  });
});
