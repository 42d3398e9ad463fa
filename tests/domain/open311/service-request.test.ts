// A ticket as an Open311 service request: Casework's nine statuses on open/closed, and what status_notes then says.
import { describe, expect, it } from 'vitest';
import { CityDirectory } from '../../../domain/city-directory.js';
import { open311Status, toServiceRequest } from '../../../domain/open311/service-request.js';
import { demoCity } from '../../../local/seed/demo-city.js';
import { TicketStatus } from '../../../schemas/ticket.js';
import { aClosedTicket, anOpenTicket, aTicket, iso } from '../fixtures.js';

const city = new CityDirectory(demoCity.units, demoCity.categories);
const atDongmen = { category: 'NBR-001', unitId: 's-haibin-dongmen', location: { districtId: 'd-haibin', streetId: 's-haibin-dongmen', address: '东门路12号' } };

describe('open311Status', () => {
  it('reads closed once the request has its answer, open while anyone still works on it', () => {
    const mapped = Object.fromEntries(TicketStatus.options.map((s) => [s, open311Status(s)]));
    expect(mapped).toEqual({
      received: 'open',
      dispatched: 'open',
      accepted: 'open',
      difficult: 'open',
      'awaiting-designation': 'open',
      'return-review': 'open',
      'in-review': 'open',
      resolved: 'closed',
      closed: 'closed',
    });
  });
});

describe('toServiceRequest', () => {
  it('gives an open request its unit, its deadline as expected_datetime and every datetime in Beijing time', () => {
    const request = toServiceRequest(anOpenTicket('2026-12-01 18:00', { ...atDongmen, id: 'T1', createdAt: iso('2026-11-23 10:00'), updatedAt: iso('2026-11-23 10:05') }), city, 'zh');
    expect(request).toEqual({
      service_request_id: 'T1',
      status: 'open',
      status_notes: '东门街道正在办理',
      service_name: '邻里噪音扰民',
      service_code: 'NBR-001',
      description: 'The whole building has had no running water for three days.',
      agency_responsible: '东门街道',
      service_notice: '2026-12-01 18:00（北京时间）前办结并答复',
      requested_datetime: '2026-11-23T10:00:00+08:00',
      updated_datetime: '2026-11-23T10:05:00+08:00',
      expected_datetime: '2026-12-01T18:00:00+08:00',
      address: '东门路12号',
    });
    // Nothing about the caller.
    expect(JSON.stringify(request)).not.toContain('13800138000');
  });

  it('says in status_notes where the ticket is: escalated, at the office, with a panel', () => {
    expect(toServiceRequest(anOpenTicket('2026-12-01 18:00', { ...atDongmen, unitId: 'd-haibin', level: 2 }), city, 'zh').status_notes).toBe('海滨区正在办理（区级兜底办理中）');
    expect(toServiceRequest(aTicket({ ...atDongmen, status: 'difficult' }), city, 'en').status_notes).toBe('A difficult case: the city hotline office is deciding on it');
    expect(toServiceRequest(aTicket({ ...atDongmen, status: 'in-review' }), city, 'zh').status_notes).toBe('已提交联席会商研究');
    expect(toServiceRequest(aTicket({ ...atDongmen, status: 'dispatched' }), city, 'en').status_notes).toBe('Sent to Dongmen Subdistrict, waiting to be accepted');
  });

  it('gives a closed request the reply, the explanation or the emergency line, and no deadline', () => {
    const answered = toServiceRequest(aTicket({ ...atDongmen, status: 'resolved', outcome: { resolution: 'resolved', reply: '已约谈施工方' }, deadlines: { complete: iso('2026-12-01 18:00') } }), city, 'zh');
    expect(answered).toMatchObject({ status: 'closed', status_notes: '东门街道已办结答复：已约谈施工方' });
    expect(answered).not.toHaveProperty('expected_datetime');
    expect(answered).not.toHaveProperty('service_notice');
    expect(toServiceRequest(aClosedTicket('2026-11-30 10:00', { resolution: 'explained', explanation: '属历史遗留问题，已书面说明' }, atDongmen), city, 'zh').status_notes).toBe('已办结：属历史遗留问题，已书面说明');
    expect(toServiceRequest(aClosedTicket('2026-11-30 10:00', { resolution: 'transferred', transferTo: '119' }, atDongmen), city, 'en').status_notes).toBe('An emergency: transferred to 119');
  });

  it('gives the coordinates back as lat and long', () => {
    const request = toServiceRequest(aTicket({ ...atDongmen, location: { ...atDongmen.location, coordinates: { lat: 30.02, lng: 121.05 } } }), city, 'zh');
    expect(request).toMatchObject({ lat: 30.02, long: 121.05 });
  });
});
