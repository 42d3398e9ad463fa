// Reference data in the Directory table: units, the service catalogue and notification subscriptions.
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { Category } from '../../schemas/catalogue.js';
import { PanelMember } from '../../schemas/panel.js';
import { Subscriptions, Unit } from '../../schemas/unit.js';
import { queryAll } from './query-all.js';
import { stripUndefined } from './ticket-item.js';

type Kind = 'unit' | 'category' | 'subscriptions' | 'panel-member';

export class DirectoryRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Every unit of the city. */
  async units(): Promise<Unit[]> {
    return (await this.all('unit')).map((item) => Unit.parse(item.value));
  }

  /** Every category of the service catalogue. */
  async categories(): Promise<Category[]> {
    return (await this.all('category')).map((item) => Category.parse(item.value));
  }

  /** The joint-review member pool. */
  async panelMembers(): Promise<PanelMember[]> {
    return (await this.all('panel-member')).map((item) => PanelMember.parse(item.value));
  }

  /** A unit's (or a panel member's) subscriptions; none when it never set any. */
  async subscriptions(unitId: string): Promise<Subscriptions> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { kind: 'subscriptions', id: unitId } }));
    return Subscriptions.parse(Item?.value ?? {});
  }

  /** Replaces a unit's subscriptions. */
  async putSubscriptions(unitId: string, subscriptions: Subscriptions): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { kind: 'subscriptions', id: unitId, value: stripUndefined(subscriptions) } }));
  }

  /** Writes units, categories and panel members (seeding); existing records with the same id are replaced. */
  async putReferenceData(units: readonly Unit[], categories: readonly Category[], panelMembers: readonly PanelMember[] = []): Promise<void> {
    const items = [
      ...units.map((u) => ({ kind: 'unit', id: u.id, value: stripUndefined(u) })),
      ...categories.map((c) => ({ kind: 'category', id: c.code, value: stripUndefined(c) })),
      ...panelMembers.map((m) => ({ kind: 'panel-member', id: m.id, value: stripUndefined(m) })),
    ];
    for (let i = 0; i < items.length; i += 25) {
      let pending: Record<string, unknown>[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (result.UnprocessedItems?.[this.table] ?? []) as Record<string, unknown>[];
      }
    }
  }

  private all(kind: Kind): Promise<Record<string, unknown>[]> {
    return queryAll(this.db, this.table, { KeyConditionExpression: 'kind = :kind', ExpressionAttributeValues: { ':kind': kind } });
  }
}
