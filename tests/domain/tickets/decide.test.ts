import { describe, expect, it } from 'vitest';
import type { Panel } from '../../../schemas/panel.js';
import { aPanel } from '../fixtures.js';
import { replay } from '../../../domain/tickets/evolve.js';
import { openTicket } from '../../../domain/tickets/open-ticket.js';
import {
  TicketStory,
  at,
  clerkOf,
  coordinatorOf,
  ctx,
  noiseComplaint,
  operator,
  refusal,
  supervisor,
  system,
} from './world.js';

// Monday 23 November 2026, 10:00 in Shanghai: no holiday in the next three weeks.
const monday = at('2026-11-23T10:00:00+08:00');
const dongmen = clerkOf('s-haibin-dongmen');

function dispatchedNoiseComplaint(): TicketStory {
  const story = TicketStory.open(noiseComplaint, monday);
  story.do(system, { type: 'dispatch' }, at('2026-11-23T10:00:19+08:00'));
  return story;
}

describe('intake', () => {
  it('fills kind and urgency from the catalogue when the operator leaves them out', () => {
    const story = TicketStory.open(noiseComplaint, monday);

    expect(story.ticket).toMatchObject({ status: 'received', kind: 'complaint', urgency: 'normal', level: 1, version: 1 });
  });

  it('names every field that refers to nothing in the city', () => {
    const error = refusal(() =>
      openTicket(
        { ...noiseComplaint, category: 'XYZ-999', location: { districtId: 'd-nowhere', streetId: 'xx', address: '某路1号' } },
        ctx(operator, monday),
      ),
    );

    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'category: unknown category "XYZ-999"; location.districtId: unknown district "d-nowhere"; location.streetId: unknown street "xx"',
    );
  });

  it('refuses a street that lies in another district', () => {
    const error = refusal(() =>
      openTicket({ ...noiseComplaint, location: { ...noiseComplaint.location, streetId: 's-nanhu-hubin' } }, ctx(operator, monday)),
    );

    expect(error.message).toBe('location.streetId: street "s-nanhu-hubin" is not in district "d-haibin"');
  });

  it('lets only intake staff open tickets', () => {
    const error = refusal(() => openTicket(noiseComplaint, ctx(dongmen, monday)));

    expect(error.status).toBe(403);
  });
});

describe('direct dispatch', () => {
  it('sends a neighbourhood noise complaint straight to its street with the complaint deadlines', () => {
    const story = dispatchedNoiseComplaint();

    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 's-haibin-dongmen', level: 1 });
    expect(story.ticket.deadlines).toMatchObject({
      accept: '2026-11-24T02:00:19.000Z', // 1 working day
      returnBy: '2026-11-25T02:00:19.000Z', // 2 working days
      complete: '2026-12-14T02:00:19.000Z', // 15 working days
      provisional: false,
    });
    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.dispatched', reason: 'direct', dispatchMs: 19_000 });
  });

  it('sends unpaid wages to the human resources bureau, not the street', () => {
    const story = TicketStory.open({ ...noiseComplaint, category: 'LAB-001' }, monday);

    story.do(system, { type: 'dispatch' }, monday);

    expect(story.ticket.unitId).toBe('dept-human-resources');
  });

  it('answers an out-of-scope request at once and closes it without dispatching', () => {
    const story = TicketStory.open({ ...noiseComplaint, category: 'OOS-002' }, monday);

    story.do(system, { type: 'dispatch' }, monday);

    expect(story.ticket.status).toBe('closed');
    expect(story.ticket.unitId).toBeUndefined();
    expect(story.ticket.outcome).toMatchObject({ resolution: 'answered' });
    expect(story.ticket.outcome?.reply).toContain('12345');
  });

  it('transfers a fire to 119 and closes the ticket', () => {
    const story = TicketStory.open({ ...noiseComplaint, category: 'EMG-002' }, monday);

    story.do(system, { type: 'dispatch' }, monday);

    expect(story.ticket.status).toBe('closed');
    expect(story.ticket.outcome).toEqual({ resolution: 'transferred', transferTo: '119' });
  });

  it('gives a smell of gas 15 wall-clock minutes to be accepted, even on National Day at night', () => {
    const night = at('2026-10-01T03:00:00+08:00');
    const story = TicketStory.open({ ...noiseComplaint, category: 'GAS-002' }, night);

    story.do(system, { type: 'dispatch' }, night);

    expect(story.ticket.deadlines.accept).toBe('2026-09-30T19:15:00.000Z');
  });

  it('gives a water outage 30 minutes to be accepted', () => {
    const story = TicketStory.open({ ...noiseComplaint, category: 'WAT-001' }, monday);

    story.do(system, { type: 'dispatch' }, monday);

    expect(story.ticket.deadlines.accept).toBe('2026-11-23T02:30:00.000Z');
  });

  it('is done by the workflow, never by a person', () => {
    const story = TicketStory.open(noiseComplaint, monday);

    expect(story.refuse(operator, { type: 'dispatch' }, monday).rule).toBe('dispatch.system-only');
  });
});

describe('acceptance and resolution', () => {
  it('lets the street accept and then resolve its ticket', () => {
    const story = dispatchedNoiseComplaint();

    story.do(dongmen, { type: 'accept' }, at('2026-11-23T11:00:00+08:00'));
    story.do(dongmen, { type: 'resolve', reply: '已上门协调，装修队承诺晚十点后停工。' }, at('2026-11-25T15:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'resolved', acceptedAt: '2026-11-23T03:00:00.000Z' });
    expect(story.ticket.deadlines.callback).toBe('2026-11-30T07:00:00.000Z'); // 3 working days later
  });

  it('counts resolving a ticket that was never accepted as accepting it too', () => {
    const story = dispatchedNoiseComplaint();

    const added = story.do(dongmen, { type: 'resolve', reply: '已处理' }, at('2026-11-23T11:00:00+08:00'));

    expect(added.map((e) => e.type)).toEqual(['ticket.accepted', 'ticket.resolved']);
  });

  it('refuses a department acting on a street’s ticket', () => {
    const story = dispatchedNoiseComplaint();

    const error = story.refuse(clerkOf('dept-water'), { type: 'accept' }, monday);

    expect(error.status).toBe(403);
    expect(error.rule).toBe('ticket.not-your-unit');
    expect(error.message).toContain('handled by s-haibin-dongmen');
  });

  it('refuses a double-clicked resolve: the second click changes nothing', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'resolve', reply: '已处理' }, monday);

    const error = story.refuse(dongmen, { type: 'resolve', reply: '已处理' }, monday);

    expect(error.status).toBe(409);
    expect(error.rule).toBe('resolve.status');
  });

  it('refuses to resolve a closed ticket and says it is closed', () => {
    const story = TicketStory.open({ ...noiseComplaint, category: 'OOS-001' }, monday);
    story.do(system, { type: 'dispatch' }, monday);

    expect(story.refuse(dongmen, { type: 'resolve', reply: 'x' }, monday).rule).toBe('ticket.closed');
  });
});

describe('returns', () => {
  it('puts a return before the dispatch desk, which re-routes it to the unit the street names with fresh deadlines', () => {
    const story = dispatchedNoiseComplaint();

    story.do(dongmen, { type: 'return', reason: '系施工噪音，属城管职责', suggestedUnitId: 'dept-urban-management' }, at('2026-11-24T09:30:00+08:00'));
    expect(story.ticket).toMatchObject({ status: 'return-review', unitId: 'supervision', counters: { returns: 1 } });
    // Four working hours to review: 09:30 -> 12:00 is 2.5, then 13:30 -> 15:00.
    expect(story.ticket.pendingReturn).toMatchObject({ unitId: 's-haibin-dongmen', suggestedUnitId: 'dept-urban-management', reviewBy: '2026-11-24T07:00:00.000Z' });
    story.do(operator, { type: 'review-return', decision: 'approve' }, at('2026-11-24T10:30:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management', counters: { returns: 1 } });
    expect(story.ticket.pendingReturn).toBeUndefined();
    expect(story.ticket.deadlines.complete).toBe('2026-12-15T02:30:00.000Z');
  });

  it('lets the desk approve a return to another unit than the one suggested, or to the district when none was named', () => {
    const elsewhere = dispatchedNoiseComplaint();
    elsewhere.do(dongmen, { type: 'return', reason: '系施工噪音，属城管职责', suggestedUnitId: 'dept-urban-management' }, at('2026-11-24T09:30:00+08:00'));
    elsewhere.do(operator, { type: 'review-return', decision: 'approve', unitId: 'dept-housing' }, at('2026-11-24T10:30:00+08:00'));
    const unnamed = dispatchedNoiseComplaint();
    unnamed.do(dongmen, { type: 'return', reason: '不属本街道辖区' }, at('2026-11-24T09:30:00+08:00'));
    unnamed.do(operator, { type: 'review-return', decision: 'approve' }, at('2026-11-24T10:30:00+08:00'));

    expect(elsewhere.ticket.unitId).toBe('dept-housing');
    expect(unnamed.ticket.unitId).toBe('d-haibin');
  });

  it('sends a rejected return back to its unit in the state it left, with its deadlines unchanged', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'accept' }, at('2026-11-24T09:00:00+08:00'));
    const deadlines = story.ticket.deadlines;
    story.do(dongmen, { type: 'return', reason: '不属本街道辖区' }, at('2026-11-24T09:30:00+08:00'));

    story.do(supervisor, { type: 'review-return', decision: 'reject', reason: '属本街道辖区，请继续办理' }, at('2026-11-24T11:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen', deadlines });
    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.return-reviewed', approved: false, returningUnitId: 's-haibin-dongmen', reason: '属本街道辖区，请继续办理' });
  });

  it('lets only the hotline’s operators and supervisors review, and only while a return waits', () => {
    const story = dispatchedNoiseComplaint();
    expect(story.refuse(operator, { type: 'review-return', decision: 'approve' }, monday).rule).toBe('review-return.status');
    story.do(dongmen, { type: 'return', reason: '不属本街道辖区' }, at('2026-11-24T09:30:00+08:00'));

    expect(story.refuse(dongmen, { type: 'review-return', decision: 'approve' }, at('2026-11-24T10:00:00+08:00')).rule).toBe('review-return.role');
    expect(story.refuse(operator, { type: 'review-return', decision: 'approve', unitId: 's-haibin-dongmen' }, at('2026-11-24T10:00:00+08:00')).rule).toBe('review-return.same-unit');
  });

  it('hands a return nobody reviewed in time to the supervision office to designate', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'return', reason: '不属本街道辖区' }, at('2026-11-24T09:30:00+08:00'));
    expect(story.refuse(system, { type: 'return-review-timeout' }, at('2026-11-24T14:59:00+08:00')).rule).toBe('return-review.not-due');

    story.do(system, { type: 'return-review-timeout' }, at('2026-11-24T15:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'awaiting-designation', unitId: 'supervision' });
    expect(story.ticket.pendingReturn).toBeUndefined();
  });

  it('closes the return window 2 working days after dispatch', () => {
    const story = dispatchedNoiseComplaint();

    const error = story.refuse(dongmen, { type: 'return', reason: '不属本街道' }, at('2026-11-25T10:01:00+08:00'));

    expect(error.status).toBe(422);
    expect(error.rule).toBe('return.window-closed');
  });

  it('hands the ticket to the supervision office after the third return, and the designated unit cannot return it', () => {
    const story = dispatchedNoiseComplaint();
    const hops = ['dept-urban-management', 'dept-housing', 's-haibin-xiwan'];
    let holder = 's-haibin-dongmen';
    hops.forEach((next, i) => {
      story.do(clerkOf(holder), { type: 'return', reason: '不属本单位职责', suggestedUnitId: next }, at(`2026-11-2${3 + i}T16:00:00+08:00`));
      // The first two returns pass the dispatch desk; the third goes straight to the supervision office.
      if (i < 2) story.do(operator, { type: 'review-return', decision: 'approve' }, at(`2026-11-2${3 + i}T16:30:00+08:00`));
      holder = next;
    });

    expect(story.ticket).toMatchObject({ status: 'awaiting-designation', unitId: 'supervision', counters: { returns: 3 } });

    story.do(supervisor, { type: 'designate', unitId: 'dept-urban-management' }, at('2026-11-26T09:00:00+08:00'));
    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management', designated: true });
    const error = story.refuse(clerkOf('dept-urban-management'), { type: 'return', reason: '仍不属本单位' }, at('2026-11-26T10:00:00+08:00'));
    expect(error.rule).toBe('return.designated');
  });

  it('refuses to return to a unit that does not exist', () => {
    const story = dispatchedNoiseComplaint();

    const error = story.refuse(dongmen, { type: 'return', reason: '不属本街道', suggestedUnitId: 'dept-nowhere' }, monday);

    expect(error.message).toBe('suggestedUnitId: "dept-nowhere" is not a street or department of this city');
  });
});

describe('extensions', () => {
  function accepted(): TicketStory {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'accept' }, monday);
    return story;
  }

  it('moves the deadline by the approved working days, and the old deadline stands while pending', () => {
    const story = accepted();
    story.do(dongmen, { type: 'request-extension', days: 5, reason: '需协调多户居民' }, at('2026-12-01T10:00:00+08:00'));
    expect(story.ticket.deadlines.complete).toBe('2026-12-14T02:00:19.000Z');

    story.do(supervisor, { type: 'decide-extension', approve: true }, at('2026-12-02T10:00:00+08:00'));

    expect(story.ticket.deadlines.complete).toBe('2026-12-21T02:00:19.000Z');
    expect(story.ticket.counters.extensions).toBe(1);
    expect(story.ticket.pendingExtension).toBeUndefined();
  });

  it('keeps the deadline when the supervision office rejects the request', () => {
    const story = accepted();
    story.do(dongmen, { type: 'request-extension', days: 5, reason: '需协调多户居民' }, monday);

    story.do(supervisor, { type: 'decide-extension', approve: false, comment: '时限内可以办结' }, monday);

    expect(story.ticket.deadlines.complete).toBe('2026-12-14T02:00:19.000Z');
    expect(story.ticket.counters.extensions).toBe(0);
  });

  it('allows one pending request at a time', () => {
    const story = accepted();
    story.do(dongmen, { type: 'request-extension', days: 5, reason: '需协调多户居民' }, monday);

    expect(story.refuse(dongmen, { type: 'request-extension', days: 3, reason: '再延三天' }, monday).rule).toBe('extension.pending');
  });

  it('refuses more than 10 working days', () => {
    expect(accepted().refuse(dongmen, { type: 'request-extension', days: 11, reason: '工程量大' }, monday).rule).toBe('extension.too-long');
  });

  it('refuses a request after the deadline has passed', () => {
    const error = accepted().refuse(dongmen, { type: 'request-extension', days: 2, reason: '来不及' }, at('2026-12-14T10:00:20+08:00'));

    expect(error.rule).toBe('extension.deadline-passed');
  });

  it('stops after the policy’s number of approved extensions', () => {
    const story = accepted();
    for (let i = 0; i < 2; i++) {
      story.do(dongmen, { type: 'request-extension', days: 1, reason: '需要更多时间' }, monday);
      story.do(supervisor, { type: 'decide-extension', approve: true }, monday);
    }

    expect(story.refuse(dongmen, { type: 'request-extension', days: 1, reason: '还要时间' }, monday).rule).toBe('extension.limit');
  });

  it('is decided only by the supervision office', () => {
    const story = accepted();
    story.do(dongmen, { type: 'request-extension', days: 5, reason: '需协调多户居民' }, monday);

    expect(story.refuse(dongmen, { type: 'decide-extension', approve: true }, monday).status).toBe(403);
  });

  it('needs a request to decide on', () => {
    expect(accepted().refuse(supervisor, { type: 'decide-extension', approve: true }, monday).rule).toBe('extension.none-pending');
  });
});

describe('whistle', () => {
  it('keeps the street the lead and calls in its district and the named departments, to report in within the acceptance time', () => {
    const story = dispatchedNoiseComplaint();

    story.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management', 'dept-housing'], reason: '违建涉及多部门' }, monday);

    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 's-haibin-dongmen', level: 1, whistledDepartmentIds: ['dept-urban-management', 'dept-housing'] });
    expect(story.ticket.whistle).toEqual({
      at: '2026-11-23T02:00:00.000Z',
      reason: '违建涉及多部门',
      reportBy: '2026-11-24T02:00:00.000Z', // 1 working day, the acceptance time of a normal ticket
      participants: [{ unitId: 'd-haibin' }, { unitId: 'dept-urban-management' }, { unitId: 'dept-housing' }],
    });
  });

  it('records who reported in and when, lets only units called in report, once, and holds resolving until all have', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' }, monday);

    expect(story.refuse(clerkOf('dept-water'), { type: 'report-in', note: '已知悉' }, monday).rule).toBe('report-in.not-called');
    story.do(clerkOf('dept-urban-management'), { type: 'report-in', note: '明日上午派执法队到场' }, at('2026-11-23T14:00:00+08:00'));
    expect(story.refuse(clerkOf('dept-urban-management'), { type: 'report-in', note: '再次报到' }, at('2026-11-23T15:00:00+08:00')).rule).toBe('report-in.already');
    expect(story.refuse(dongmen, { type: 'resolve', reply: '已处理' }, at('2026-11-23T15:00:00+08:00')).rule).toBe('resolve.awaiting-report-in');
    story.do(coordinatorOf('d-haibin'), { type: 'report-in', note: '区里牵头协调' }, at('2026-11-23T16:00:00+08:00'));

    expect(story.ticket.whistle?.participants).toEqual([
      { unitId: 'd-haibin', reportedAt: '2026-11-23T08:00:00.000Z', note: '区里牵头协调' },
      { unitId: 'dept-urban-management', reportedAt: '2026-11-23T06:00:00.000Z', note: '明日上午派执法队到场' },
    ]);
    story.do(dongmen, { type: 'resolve', reply: '城管拆除违建，噪音消除' }, at('2026-11-24T10:00:00+08:00'));
    expect(story.ticket.status).toBe('resolved');
  });

  it('reports the units that did not report in on time, and then lets the street resolve', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management', 'dept-housing'], reason: '违建涉及多部门' }, monday);
    story.do(clerkOf('dept-housing'), { type: 'report-in', note: '已派人核查' }, at('2026-11-23T11:00:00+08:00'));
    expect(story.refuse(system, { type: 'report-in-timeout' }, at('2026-11-24T09:59:00+08:00')).rule).toBe('report-in.not-due');

    story.do(system, { type: 'report-in-timeout' }, at('2026-11-24T10:00:00+08:00'));

    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.report-in-missed', unitIds: ['d-haibin', 'dept-urban-management'], districtId: 'd-haibin', supervisionUnitId: 'supervision' });
    story.do(dongmen, { type: 'resolve', reply: '已协调处理' }, at('2026-11-24T11:00:00+08:00'));
    expect(story.ticket.status).toBe('resolved');
  });

  it('lets a unit that reported in add its reply later, keeping the latest on the whistle and each on the timeline', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' }, monday);
    expect(story.refuse(clerkOf('dept-urban-management'), { type: 'add-reply', reply: '已核查' }, monday).rule).toBe('add-reply.report-in-first');
    expect(story.refuse(clerkOf('dept-water'), { type: 'add-reply', reply: '已核查' }, monday).rule).toBe('add-reply.not-called');
    story.do(clerkOf('dept-urban-management'), { type: 'report-in', note: '明日上午派执法队到场' }, monday);

    story.do(clerkOf('dept-urban-management'), { type: 'add-reply', reply: '执法队已到场' }, at('2026-11-24T09:00:00+08:00'));
    story.do(clerkOf('dept-urban-management'), { type: 'add-reply', reply: '违建已拆除' }, at('2026-11-24T16:00:00+08:00'));

    expect(story.ticket.whistle?.participants[1]).toEqual({
      unitId: 'dept-urban-management',
      reportedAt: '2026-11-23T02:00:00.000Z',
      note: '明日上午派执法队到场',
      reply: '违建已拆除',
      repliedAt: '2026-11-24T08:00:00.000Z',
    });
    expect(story.events.filter((e) => e.type === 'ticket.participant-replied')).toMatchObject([
      { unitId: 'dept-urban-management', leadUnitId: 's-haibin-dongmen', reply: '执法队已到场' },
      { unitId: 'dept-urban-management', leadUnitId: 's-haibin-dongmen', reply: '违建已拆除' },
    ]);
  });

  it('is for streets only', () => {
    const story = TicketStory.open({ ...noiseComplaint, category: 'LAB-001' }, monday);
    story.do(system, { type: 'dispatch' }, monday);

    const error = story.refuse(clerkOf('dept-human-resources'), { type: 'whistle', departmentIds: ['dept-housing'], reason: '需要协调' }, monday);

    expect(error.rule).toBe('whistle.street-only');
  });

  it('names a department that does not exist', () => {
    const error = dispatchedNoiseComplaint().refuse(dongmen, { type: 'whistle', departmentIds: ['dept-housing', 's-haibin-xiwan'], reason: '需要协调' }, monday);

    expect(error.text).toEqual({ zh: 'departmentIds[1]：没有部门“s-haibin-xiwan”', en: 'departmentIds[1]: unknown department "s-haibin-xiwan"' });
  });
});

describe('difficult cases', () => {
  function markedDifficult(): TicketStory {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'mark-difficult', reason: '历史遗留问题，涉及产权争议' }, monday);
    return story;
  }

  it('leaves the street’s queue and waits for the supervision office', () => {
    expect(markedDifficult().ticket).toMatchObject({ status: 'difficult', unitId: 'supervision' });
  });

  it('can be re-dispatched to a named unit, which may not return it', () => {
    const story = markedDifficult();

    story.do(supervisor, { type: 'decide-difficult', decision: 'redispatch', unitId: 'dept-housing' }, monday);

    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 'dept-housing', designated: true });
  });

  it('can be ordered handled within a deadline, without an acceptance step', () => {
    const story = markedDifficult();

    story.do(supervisor, { type: 'decide-difficult', decision: 'order', unitId: 's-haibin-dongmen', days: 5 }, monday);

    expect(story.ticket).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen' });
    expect(story.ticket.deadlines.complete).toBe('2026-11-30T02:00:00.000Z');
  });

  it('can be closed with an explanation', () => {
    const story = markedDifficult();

    story.do(supervisor, { type: 'decide-difficult', decision: 'close', explanation: '属司法程序事项，已告知诉讼途径' }, monday);

    expect(story.ticket.outcome).toEqual({ resolution: 'explained', explanation: '属司法程序事项，已告知诉讼途径' });
  });

  it('is decided by the supervision office only', () => {
    const error = markedDifficult().refuse(dongmen, { type: 'decide-difficult', decision: 'close', explanation: '无法解决的问题' }, monday);

    expect(error.status).toBe(403);
  });
});

describe('deadlines, warnings and escalation', () => {
  it('warns at half and three quarters of the allotted working time', () => {
    const story = dispatchedNoiseComplaint();

    // 15 working days of 7 office hours: half is 52.5 h (Wed 2 Dec 15:00), three quarters 78.75 h (Tue 8 Dec 11:45).
    expect(story.ticket.deadlines.warnings).toEqual(['2026-12-02T07:00:19.000Z', '2026-12-08T03:45:19.000Z']);
    expect(story.refuse(system, { type: 'warn' }, at('2026-12-02T14:59:00+08:00')).rule).toBe('warning.none-due');
    story.do(system, { type: 'warn' }, at('2026-12-02T15:00:19+08:00'));
    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.warning', fraction: 0.5 });
    story.do(system, { type: 'warn' }, at('2026-12-08T11:45:19+08:00'));
    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.warning', fraction: 0.75 });
    expect(story.refuse(system, { type: 'warn' }, at('2026-12-09T00:00:00+08:00')).rule).toBe('warning.none-due');
  });

  it('does not warn early', () => {
    expect(dispatchedNoiseComplaint().refuse(system, { type: 'warn' }, at('2026-12-01T10:00:00+08:00')).rule).toBe('warning.none-due');
  });

  it('escalates to the district when the street misses its deadline, then to the city', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'accept' }, monday);
    expect(story.refuse(system, { type: 'escalate' }, at('2026-12-14T10:00:00+08:00')).rule).toBe('escalation.not-due');

    story.do(system, { type: 'escalate' }, at('2026-12-14T10:00:19+08:00'));
    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 'd-haibin', level: 2, counters: { escalations: 1 } });
    expect(story.ticket.deadlines.complete).toBe('2026-12-21T02:00:19.000Z');

    story.do(coordinatorOf('d-haibin'), { type: 'accept' }, at('2026-12-14T11:00:00+08:00'));
    story.do(system, { type: 'escalate' }, at('2026-12-21T10:00:19+08:00'));
    expect(story.ticket).toMatchObject({ unitId: 'supervision', level: 3 });
    // The city keeps a deadline (the overdue board) but is not warned about its own tickets.
    expect(story.ticket.deadlines.complete).toBe('2026-12-28T02:00:19.000Z');
    expect(story.ticket.deadlines.warnings).toEqual([]);
    expect(story.refuse(system, { type: 'warn' }, at('2026-12-27T10:00:00+08:00')).rule).toBe('warning.none-due');

    expect(story.refuse(system, { type: 'escalate' }, at('2027-01-30T10:00:00+08:00')).rule).toBe('escalation.top');
  });

  it('lets the supervision office designate a unit for a ticket at any level, back at level 1 under fresh deadlines', () => {
    const story = dispatchedNoiseComplaint();
    story.do(system, { type: 'escalate' }, at('2026-11-24T10:00:19+08:00'));
    story.do(system, { type: 'escalate' }, at('2026-12-01T10:00:19+08:00'));
    expect(story.ticket).toMatchObject({ level: 3, unitId: 'supervision' });

    story.do(supervisor, { type: 'designate', unitId: 'dept-urban-management' }, at('2026-12-01T11:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'dispatched', level: 1, unitId: 'dept-urban-management', designated: true });
    expect(story.ticket.deadlines.accept).toBeDefined();
    expect(story.refuse(clerkOf('dept-urban-management'), { type: 'return', reason: '不属本单位职责' }, at('2026-12-01T12:00:00+08:00')).rule).toBe('return.designated');
    expect(story.refuse(dongmen, { type: 'designate', unitId: 's-haibin-dongmen' }, at('2026-12-01T12:00:00+08:00')).status).toBe(403);
    expect(story.refuse(supervisor, { type: 'designate', unitId: 'dept-urban-management' }, at('2026-12-01T12:00:00+08:00')).rule).toBe('designate.already');
  });

  it('escalates a ticket nobody accepted within the acceptance time', () => {
    const story = dispatchedNoiseComplaint();

    story.do(system, { type: 'escalate' }, at('2026-11-24T10:00:19+08:00'));

    expect(story.ticket).toMatchObject({ unitId: 'd-haibin', level: 2 });
  });
});

describe('callback', () => {
  function resolved(): TicketStory {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'resolve', reply: '已协调处理' }, monday);
    return story;
  }

  it('closes a ticket the citizen confirms resolved and is satisfied with', () => {
    const story = resolved();

    story.do(operator, { type: 'callback', resolved: true, satisfied: true }, at('2026-11-24T10:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'closed', outcome: { resolution: 'resolved', satisfaction: 'satisfied', reply: '已协调处理' } });
  });

  it('reopens once to the same unit, and a second failure closes it unsatisfied', () => {
    const story = resolved();

    story.do(operator, { type: 'callback', resolved: false, satisfied: false, comment: '噪音依旧' }, at('2026-11-24T10:00:00+08:00'));
    expect(story.ticket).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen', counters: { reopens: 1 } });

    story.do(dongmen, { type: 'resolve', reply: '再次上门协调' }, at('2026-11-26T10:00:00+08:00'));
    story.do(operator, { type: 'callback', resolved: true, satisfied: false }, at('2026-11-27T10:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'closed', outcome: { resolution: 'resolved', satisfaction: 'unsatisfied' } });
  });

  it('counts no answer within 3 working days as no answer, not as satisfied', () => {
    const story = resolved();
    expect(story.refuse(system, { type: 'callback-timeout' }, at('2026-11-26T09:59:00+08:00')).rule).toBe('callback.not-due');

    story.do(system, { type: 'callback-timeout' }, at('2026-11-26T10:00:00+08:00'));

    expect(story.ticket.outcome).toMatchObject({ resolution: 'resolved', satisfaction: 'no-answer' });
  });

  it('is recorded by intake, not by the unit that handled the ticket', () => {
    expect(resolved().refuse(dongmen, { type: 'callback', resolved: true, satisfied: true }, monday).status).toBe(403);
  });

  it('cannot be recorded before the ticket is resolved', () => {
    expect(dispatchedNoiseComplaint().refuse(operator, { type: 'callback', resolved: true, satisfied: true }, monday).rule).toBe(
      'callback.status',
    );
  });
});

describe('history', () => {
  it('rebuilds the same ticket from its events alone', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'accept' }, monday);
    story.do(dongmen, { type: 'request-extension', days: 3, reason: '需要协调' }, monday);
    story.do(supervisor, { type: 'decide-extension', approve: true }, monday);
    story.do(dongmen, { type: 'resolve', reply: '已处理' }, monday);

    expect(replay(story.events)).toEqual(story.ticket);
    expect(story.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('joint review', () => {
  function referred(): TicketStory {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'mark-difficult', reason: '涉及违建认定' }, monday);
    story.do(supervisor, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '责任单位存在争议', involvedUnitIds: ['dept-urban-management'] }, monday);
    return story;
  }

  /** The panel of the referral, seated and (with `result`) closed. */
  function panelOf(story: TicketStory, result?: Panel['result'], round = 1): Panel {
    return {
      ...aPanel({ id: `${story.ticket.id}-P${round}`, ticketId: story.ticket.id, round, leadUnitId: 's-haibin-dongmen' }),
      ...(result ? { status: 'closed' as const, result } : {}),
    };
  }

  const decided = (decision: NonNullable<Panel['result']>['decision']): Panel['result'] => ({ outcome: 'decided', cast: 4, quorumNeeded: 4, counts: [], decision });

  it('puts the ticket in review with the units involved: the one that marked it difficult and those the supervision office names', () => {
    const story = referred();

    expect(story.ticket).toMatchObject({
      status: 'in-review',
      review: { reason: '责任单位存在争议', fromStatus: 'difficult', involvedUnitIds: ['s-haibin-dongmen', 'dept-urban-management'], leadUnitId: 's-haibin-dongmen', panelIds: [] },
    });
  });

  it('refers a ticket awaiting designation too (units disputing it), but not one a unit holds, nor by anyone but the supervision office', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'return', reason: '不属本街道辖区' }, at('2026-11-24T09:30:00+08:00'));
    story.do(system, { type: 'return-review-timeout' }, at('2026-11-24T15:00:00+08:00'));
    const refer = { type: 'decide-difficult' as const, decision: 'refer-to-panel' as const, reason: '单位间推诿', involvedUnitIds: ['s-haibin-dongmen'] };
    expect(story.refuse(operator, refer, at('2026-11-24T16:00:00+08:00')).rule).toBe('decide-difficult.role');

    story.do(supervisor, refer, at('2026-11-24T16:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'in-review', review: { fromStatus: 'awaiting-designation', involvedUnitIds: ['s-haibin-dongmen'] } });
    expect(dispatchedNoiseComplaint().refuse(supervisor, refer, monday).rule).toBe('decide-difficult.status');
    expect(referred().refuse(supervisor, { ...refer, involvedUnitIds: ['nowhere'] }, monday).rule).toBe('decide-difficult.status');
  });

  it('refers a ticket its unit holds while it is on the zeroing ledger, with that unit as the lead', () => {
    const story = dispatchedNoiseComplaint();
    const refer = { type: 'decide-difficult' as const, decision: 'refer-to-panel' as const, reason: '久拖未决，提请会商', involvedUnitIds: [] };
    expect(story.refuse(supervisor, refer, monday).rule).toBe('decide-difficult.status');
    story.do(system, { type: 'zeroing-assign', month: '2026-11', reason: 'overdue', unitId: 's-haibin-dongmen' }, monday);

    story.do(supervisor, refer, monday);

    expect(story.ticket).toMatchObject({ status: 'in-review', review: { fromStatus: 'on-ledger', leadUnitId: 's-haibin-dongmen', involvedUnitIds: ['s-haibin-dongmen'] } });
  });

  it('names an involved unit that is not a handler of the city', () => {
    const story = dispatchedNoiseComplaint();
    story.do(dongmen, { type: 'mark-difficult', reason: '涉及违建认定' }, monday);

    const error = story.refuse(supervisor, { type: 'decide-difficult', decision: 'refer-to-panel', reason: '争议', involvedUnitIds: ['dept-water', 'nowhere'] }, monday);

    expect(error).toMatchObject({ status: 422, rule: 'unit.not-a-handler' });
    expect(error.text.en).toContain('involvedUnitIds[1]');
  });

  it('applies an assign-unit decision: designated to the unit, which must accept it and cannot return it', () => {
    const story = referred();
    story.do(system, { type: 'panel-convened', panel: panelOf(story) }, monday);

    story.do(system, { type: 'panel-closed', panel: panelOf(story, decided({ choice: 'assign-unit', unitId: 'dept-urban-management', explanation: '由城管办理' })), lastRound: false }, at('2026-11-26T10:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'dispatched', unitId: 'dept-urban-management', designated: true, level: 1 });
    expect(story.ticket.deadlines.accept).toBeDefined();
  });

  it('applies an order to handle: to the lead unit, already accepted, with a completion deadline', () => {
    const story = referred();
    story.do(system, { type: 'panel-convened', panel: panelOf(story) }, monday);

    story.do(system, { type: 'panel-closed', panel: panelOf(story, decided({ choice: 'order-handling', explanation: '限期办理' })), lastRound: false }, at('2026-11-26T10:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'accepted', unitId: 's-haibin-dongmen', designated: true });
    expect(story.ticket.deadlines.complete).toBeDefined();
  });

  it('closes an unreasonable claim with the explanation, marked as the panel found it', () => {
    const story = referred();
    story.do(system, { type: 'panel-convened', panel: panelOf(story) }, monday);

    story.do(system, { type: 'panel-closed', panel: panelOf(story, decided({ choice: 'unreasonable', explanation: '经会商认定诉求不合理' })), lastRound: false }, monday);

    expect(story.ticket).toMatchObject({ status: 'closed', outcome: { resolution: 'explained', panelFinding: 'unreasonable', explanation: '经会商认定诉求不合理' } });
  });

  it('stays in review for another round, and after the last round goes back to the supervision office', () => {
    const story = referred();
    const inconclusive = { outcome: 'no-quorum' as const, cast: 1, quorumNeeded: 4, counts: [] };
    story.do(system, { type: 'panel-convened', panel: panelOf(story) }, monday);
    story.do(system, { type: 'panel-closed', panel: panelOf(story, inconclusive), lastRound: false }, monday);
    expect(story.ticket.status).toBe('in-review');
    expect(story.refuse(system, { type: 'panel-convened', panel: panelOf(story) }, monday).rule).toBe('panel.already-convened');

    story.do(system, { type: 'panel-convened', panel: panelOf(story, undefined, 2) }, monday);
    story.do(system, { type: 'panel-closed', panel: panelOf(story, inconclusive, 2), lastRound: true }, monday);

    expect(story.ticket).toMatchObject({ status: 'difficult', unitId: 'supervision', review: { panelIds: [`${story.ticket.id}-P1`, `${story.ticket.id}-P2`] } });
    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.panel-decided', next: 'to-supervision' });
  });

  it('goes back to the supervision office when no panel could be seated, saying why; only the workflow says so, once', () => {
    const story = referred();
    const unseated = { type: 'review-unseated' as const, reason: '可入选的成员只有 3 名，会商需要 5 名' };
    expect(story.refuse(supervisor, unseated, monday).rule).toBe('review-unseated.system-only');

    story.do(system, unseated, at('2026-12-03T10:00:00+08:00'));

    expect(story.ticket).toMatchObject({ status: 'difficult', unitId: 'supervision' });
    expect(story.events.at(-1)).toMatchObject({ type: 'ticket.review-unseated', reason: unseated.reason, supervisionUnitId: 'supervision' });
    expect(story.refuse(system, unseated, monday).rule).toBe('review-unseated.status');
  });
});
