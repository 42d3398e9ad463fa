// TicketRepository on DynamoDB: conditional writes, transactions for ticket + events (listings: ticket-finder.ts).
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, RuleViolationError } from '../../domain/errors.js';
import type { ClaimedChange, IdempotencyClaim, TicketRepository } from '../../domain/ports/ticket-repository.js';
import { Id } from '../../schemas/common.js';
import type { Ticket } from '../../schemas/ticket.js';
import { TicketEvent } from '../../schemas/ticket-events.js';
import { whistlePostings } from '../../domain/search/whistle-postings.js';
import { fromItem, stripUndefined, toItem } from './ticket-item.js';

export interface TicketTables {
  tickets: string;
  events: string;
  idempotency: string;
  /** The postings table: ticket text's words, and the whistle's queues; needed only by who writes either. */
  search?: string;
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The stored key: the caller's key under the caller, so one operator's key never answers with another's ticket. */
const claimKey = (claim: IdempotencyClaim) => `${claim.owner}#${claim.key}`;
// DynamoDB's limit on the items of one TransactWriteItems.
const MAX_TRANSACTION_ITEMS = 100;

export class DynamoTicketRepository implements TicketRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tables: TicketTables,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(ticket: Ticket, events: TicketEvent[], idempotency?: IdempotencyClaim, searchTokens: readonly string[] = []) {
    const claim = idempotency && this.claimPut(idempotency, { ticketId: ticket.id });
    const ticketAt = claim ? 1 : 0;
    const items = [
      ...(claim ? [claim] : []),
      { Put: { TableName: this.tables.tickets, Item: toItem(ticket), ConditionExpression: 'attribute_not_exists(id)' } },
      ...this.eventPuts(events),
    ];
    // The postings commit with the ticket, so a ticket is never without them; as many as the transaction holds.
    const postings = this.postingPuts(ticket, searchTokens.slice(0, MAX_TRANSACTION_ITEMS - items.length));
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [...items, ...postings] }));
      return { ticket, replayed: false };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = (error.CancellationReasons ?? []).map((r) => r.Code);
      // The claim first: a retried request is answered with what the first made (or told the first is still writing).
      if (idempotency && reasons[0] !== undefined && reasons[0] !== 'None') return this.replay(idempotency, error);
      if (reasons[ticketAt] === 'ConditionalCheckFailed') {
        throw new ConflictError('ticket.id-taken', { zh: `工单编号 ${ticket.id} 已被占用`, en: `ticket number ${ticket.id} is taken` });
      }
      throw mapConflict(error, ticket.id);
    }
  }

  /** The claim's write: TTL deletes an expired key up to days late, so past its 24 hours it is free again, deleted or not. */
  private claimPut(idempotency: IdempotencyClaim, made: Record<string, string | number>) {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    return {
      Put: {
        TableName: this.tables.idempotency,
        Item: { key: claimKey(idempotency), fingerprint: idempotency.fingerprint, ...made, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(#key) OR expiresAt <= :now',
        ExpressionAttributeNames: { '#key': 'key' },
        ExpressionAttributeValues: { ':now': nowSeconds },
      },
    };
  }

  /** The live claim under this key, or undefined; a 422 when the key was used for a different request. */
  private async liveClaim(idempotency: IdempotencyClaim): Promise<Record<string, unknown> | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tables.idempotency, Key: { key: claimKey(idempotency) }, ConsistentRead: true }),
    );
    if (!Item || Number(Item.expiresAt) <= Math.floor(this.now().getTime() / 1000)) return undefined;
    if (Item.fingerprint !== idempotency.fingerprint) {
      throw new RuleViolationError('idempotency.key-reused', {
        zh: `Idempotency-Key“${idempotency.key}”已用于另一个不同的请求`,
        en: `Idempotency-Key "${idempotency.key}" was already used for a different request`,
      });
    }
    return Item;
  }

  async claimedChange(idempotency: IdempotencyClaim): Promise<ClaimedChange | undefined> {
    const item = await this.liveClaim(idempotency);
    if (!item || typeof item.toVersion !== 'number') return undefined;
    return { ticketId: String(item.ticketId), fromVersion: Number(item.fromVersion), toVersion: item.toVersion };
  }

  private async replay(idempotency: IdempotencyClaim, error: TransactionCanceledException) {
    const Item = await this.liveClaim(idempotency);
    if (!Item) throw mapConflict(error, '(new ticket)');
    const first = await this.get(String(Item.ticketId));
    if (!first) {
      throw new ConflictError('idempotency.in-flight', { zh: '使用此 Idempotency-Key 的第一个请求仍在写入', en: 'the first request with this Idempotency-Key is still being written' });
    }
    return { ticket: first, replayed: true };
  }

  async get(id: string): Promise<Ticket | undefined> {
    // Only a ticket id can name a ticket (the stream barrier's marker item, say, never can).
    if (!Id.safeParse(id).success) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tables.tickets, Key: { id }, ConsistentRead: true }));
    return Item ? fromItem(Item) : undefined;
  }

  async history(id: string): Promise<TicketEvent[]> {
    if (!Id.safeParse(id).success) return [];
    const events: TicketEvent[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tables.events,
          KeyConditionExpression: 'ticketId = :id',
          ExpressionAttributeValues: { ':id': id },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) events.push(TicketEvent.parse(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return events;
  }

  async save(ticket: Ticket, events: TicketEvent[], expectedVersion: number, idempotency?: IdempotencyClaim): Promise<void> {
    const claim = idempotency && this.claimPut(idempotency, { ticketId: ticket.id, fromVersion: expectedVersion, toVersion: ticket.version });
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tables.tickets,
                Item: toItem(ticket),
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            ...this.eventPuts(events),
            ...this.markerWrites(ticket),
            ...(claim ? [claim] : []),
          ],
        }),
      );
    } catch (error) {
      throw mapConflict(error, ticket.id);
    }
  }

  /** A whistled ticket's queue postings, put where it stands and deleted where it no longer does, in its own save. */
  private markerWrites(ticket: Ticket) {
    const { standing, possible } = whistlePostings(ticket);
    if (possible.length === 0) return [];
    const table = this.tables.search;
    if (!table) throw new Error('a whistled ticket is saved, but no SearchTokens table');
    const createdKey = `${ticket.createdAt}#${ticket.id}`;
    return [
      ...standing.map((token) => ({ Put: { TableName: table, Item: { token, createdKey, ticketId: ticket.id } } })),
      ...possible.filter((token) => !standing.includes(token)).map((token) => ({ Delete: { TableName: table, Key: { token, createdKey } } })),
    ];
  }

  /** One item per search token: the token's partition lists its tickets newest first. */
  private postingPuts(ticket: Ticket, tokens: readonly string[]) {
    if (tokens.length === 0) return [];
    const table = this.tables.search;
    if (!table) throw new Error('search tokens given, but no SearchTokens table');
    return tokens.map((token) => ({
      Put: { TableName: table, Item: { token, createdKey: `${ticket.createdAt}#${ticket.id}`, ticketId: ticket.id } },
    }));
  }

  private eventPuts(events: TicketEvent[]) {
    return events.map((event) => ({
      Put: {
        TableName: this.tables.events,
        Item: stripUndefined(event),
        ConditionExpression: 'attribute_not_exists(seq)',
      },
    }));
  }
}

/** A cancelled transaction or failed condition means someone else wrote first: a 409, never a lost update. */
function mapConflict(error: unknown, ticketId: string): unknown {
  const name = (error as { name?: string }).name;
  if (error instanceof TransactionCanceledException || name === 'ConditionalCheckFailedException') {
    return new ConflictError('ticket.concurrent-update', {
      zh: `工单 ${ticketId} 刚被他人修改，请刷新后重试`,
      en: `ticket ${ticketId} was changed by someone else; reload and try again`,
    });
  }
  return error;
}
