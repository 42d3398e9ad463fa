// The board's figures on DynamoDB: the stream-kept counters, and COUNT Queries of small ranges of the Tickets and
// Deliveries indexes (a district is a filter on the range, which reads the same entries either way).
import type { BoardSource } from '../../domain/board/read-board.js';
import type { IndexCondition } from '../../domain/search/ticket-indexes.js';
import type { BoardCountsRepository } from './board-counts-repository.js';
import type { DeliveryRepository } from './delivery-repository.js';
import type { DynamoTicketFinder } from './ticket-finder.js';

const inDistrict = (districtId: string | undefined): IndexCondition[] => (districtId === undefined ? [] : [{ index: 'by-district', equals: districtId }]);

export class DynamoBoardSource implements BoardSource {
  constructor(
    private readonly counts: Pick<BoardCountsRepository, 'gauges' | 'days'>,
    private readonly tickets: Pick<DynamoTicketFinder, 'count'>,
    private readonly deliveries: Pick<DeliveryRepository, 'countUndelivered'>,
  ) {}

  gauges() {
    return this.counts.gauges();
  }

  days(from: string, to: string) {
    return this.counts.days(from, to);
  }

  inHandDue(range: { from?: string; to: string }, districtId?: string) {
    return this.tickets.count({ index: 'open-by-deadline', equals: 'open', from: range.from, before: range.to }, inDistrict(districtId));
  }

  pendingExtensions(districtId?: string) {
    return this.tickets.count({ index: 'pending-extensions', equals: 'pending' }, inDistrict(districtId));
  }

  inStatus(status: 'difficult' | 'return-review', districtId?: string) {
    return this.tickets.count({ index: 'by-status', equals: status }, inDistrict(districtId));
  }

  undelivered(unitIds?: readonly string[]) {
    return this.deliveries.countUndelivered(unitIds);
  }
}
