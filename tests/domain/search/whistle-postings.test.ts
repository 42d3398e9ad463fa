// The whistle's queues follow the ticket: who must still report in, who was called in, and nothing once it is resolved.
import { describe, expect, it } from 'vitest';
import { whistlePostings } from '../../../domain/search/whistle-postings.js';
import { TicketStory, at, clerkOf, coordinatorOf, noiseComplaint, system } from '../tickets/world.js';

const monday = at('2026-11-23T10:00:00+08:00');
const dongmen = clerkOf('s-haibin-dongmen');

function whistled(): TicketStory {
  const story = TicketStory.open(noiseComplaint, monday);
  story.do(system, { type: 'dispatch' }, monday);
  story.do(dongmen, { type: 'whistle', departmentIds: ['dept-urban-management'], reason: '违建涉及城管' }, monday);
  return story;
}

describe("a whistle's queue postings", () => {
  it('puts a ticket in no whistle queue before a whistle', () => {
    const story = TicketStory.open(noiseComplaint, monday);
    story.do(system, { type: 'dispatch' }, monday);

    expect(whistlePostings(story.ticket)).toEqual({ standing: [], possible: [] });
  });

  it('lists every unit called in as awaiting its report-in, and the ticket as awaiting one', () => {
    expect(whistlePostings(whistled().ticket).standing.sort()).toEqual([
      '@awaiting-report-in',
      '@awaiting-report-in:d-haibin',
      '@awaiting-report-in:dept-urban-management',
      '@called-in:d-haibin',
      '@called-in:dept-urban-management',
    ]);
  });

  it('takes a unit off the awaiting list once it reports in, and the ticket once all have', () => {
    const story = whistled();
    story.do(clerkOf('dept-urban-management'), { type: 'report-in', note: '明日到场' }, monday);
    expect(whistlePostings(story.ticket).standing.sort()).toEqual(['@awaiting-report-in', '@awaiting-report-in:d-haibin', '@called-in:d-haibin', '@called-in:dept-urban-management']);

    story.do(coordinatorOf('d-haibin'), { type: 'report-in', note: '区里协调' }, monday);
    const { standing, possible } = whistlePostings(story.ticket);
    expect(standing.sort()).toEqual(['@called-in:d-haibin', '@called-in:dept-urban-management']);
    expect(possible).toEqual(expect.arrayContaining(['@awaiting-report-in', '@awaiting-report-in:d-haibin', '@awaiting-report-in:dept-urban-management']));
  });

  it('keeps a unit reported late on the awaiting list (the supervision office follows it up)', () => {
    const story = whistled();
    story.do(system, { type: 'report-in-timeout' }, at('2026-11-24T10:00:00+08:00'));

    expect(whistlePostings(story.ticket).standing).toContain('@awaiting-report-in:dept-urban-management');
  });

  it('takes a resolved ticket out of every whistle queue', () => {
    const story = whistled();
    story.do(system, { type: 'report-in-timeout' }, at('2026-11-24T10:00:00+08:00'));
    story.do(dongmen, { type: 'resolve', reply: '已处理' }, at('2026-11-24T11:00:00+08:00'));

    const { standing, possible } = whistlePostings(story.ticket);
    expect(standing).toEqual([]);
    expect(possible).toHaveLength(5);
  });
});
