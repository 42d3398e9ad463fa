// The index keys a ticket is stored with: the same indexes as the manifest declares, and each queue holding its tickets.
import { describe, expect, it } from 'vitest';
import { fromItem, inPartition, ticketIndexes, toItem } from '../../../adapters/dynamodb/ticket-item.js';
import { queues } from '../../../domain/search/queues.js';
import { tables } from '../../../infra/manifest.js';
import { TicketStory, at, clerkOf, noiseComplaint, system } from '../../domain/tickets/world.js';

const monday = at('2026-11-23T10:00:00+08:00');
const accepted = () => {
  const story = TicketStory.open({ ...noiseComplaint, citizen: { name: '李女士', phone: '+86 138 0000 0001' } }, monday, 'T-1');
  story.do(system, { type: 'dispatch' }, monday);
  story.do(clerkOf('s-haibin-dongmen'), { type: 'accept' }, monday);
  return story;
};

describe('ticket items', () => {
  it('have the index keys of exactly the Tickets indexes the manifest declares', () => {
    const declared = tables.find((t) => t.name === 'Tickets')!.indexes!.map((i) => [i.name, { partition: i.partitionKey.name, sort: i.sortKey?.name }]);

    expect(Object.fromEntries(declared)).toEqual(ticketIndexes);
  });

  it('put a ticket in the history indexes by its caller’s digits, unit, category, district, status and level', () => {
    const item = toItem(accepted().ticket);

    expect(item).toMatchObject({
      phoneKey: '13800000001',
      unitKey: 's-haibin-dongmen',
      categoryKey: 'NBR-001',
      districtKey: 'd-haibin',
      statusKey: 'accepted',
      levelKey: 'L1',
      createdKey: `${monday.toISOString()}#T-1`,
    });
    expect(fromItem(item)).toEqual(accepted().ticket);
  });

  it('put a ticket in each queue while it is in that state, and out of it after', () => {
    const story = accepted();
    expect(inPartition(toItem(story.ticket), queues.inbox.condition('s-haibin-dongmen'))).toBe(true);
    expect(inPartition(toItem(story.ticket), queues.open.condition())).toBe(true);

    story.do(clerkOf('s-haibin-dongmen'), { type: 'request-extension', days: 3, reason: '需要协调施工队' }, monday);
    expect(inPartition(toItem(story.ticket), queues['pending-extensions'].condition())).toBe(true);

    story.do(clerkOf('s-haibin-dongmen'), { type: 'resolve', reply: '已处理' }, monday);
    const resolved = toItem(story.ticket);
    expect(inPartition(resolved, queues['pending-extensions'].condition())).toBe(false);
    expect(inPartition(resolved, queues['awaiting-callback'].condition())).toBe(true);
    expect(inPartition(resolved, queues.inbox.condition('s-haibin-dongmen'))).toBe(false);
  });

  it('compare a deadline range the way the key condition does', () => {
    const item = toItem(accepted().ticket);
    const due = String(accepted().ticket.deadlines.complete);

    expect(inPartition(item, { index: 'open-by-deadline', equals: 'open', before: due })).toBe(false);
    expect(inPartition(item, { index: 'open-by-deadline', equals: 'open', before: new Date(Date.parse(due) + 1).toISOString() })).toBe(true);
  });
});
