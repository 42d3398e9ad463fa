// What each function did to which table while the local runtime ran it: the function being invoked is carried through
// its async work, and every DynamoDB call and table-name lookup made under it is noted against it.
import { AsyncLocalStorage } from 'node:async_hooks';

/** One DynamoDB action as IAM authorises it: per item in a transaction, per table in a batch. */
export interface TableAccess {
  table: string;
  action: string;
  index?: string;
}

export const invoking = new AsyncLocalStorage<string>();
export const accesses = new Map<string, TableAccess[]>();
export const namesRead = new Map<string, Set<string>>();
export const invoked = new Set<string>();

export function noteNameRead(logical: string): void {
  const fn = invoking.getStore();
  if (fn) namesRead.set(fn, (namesRead.get(fn) ?? new Set()).add(logical));
}

// Document client commands are named after the item actions they stand for.
const ITEM_ACTIONS: Record<string, string> = {
  Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem',
  BatchGet: 'BatchGetItem', BatchWrite: 'BatchWriteItem', TransactGet: 'TransactGetItems', TransactWrite: 'TransactWriteItems',
};

/** The IAM-level actions one command needs (a transaction is authorised item by item). */
export function actionsOf(commandName: string, input: Record<string, unknown>): TableAccess[] {
  const name = commandName.replace(/Command$/, '').replace(/(Item|Items)$/, '');
  const action = ITEM_ACTIONS[name] ?? name;
  if (action === 'TransactWriteItems' || action === 'TransactGetItems') {
    return (input.TransactItems as Record<string, { TableName: string }>[]).flatMap((item) =>
      Object.entries(item).map(([kind, op]) => ({ table: op.TableName, action: ITEM_ACTIONS[kind] ?? kind })),
    );
  }
  if (action === 'BatchGetItem' || action === 'BatchWriteItem') {
    return Object.keys(input.RequestItems as object).map((table) => ({ table, action }));
  }
  return [{ table: String(input.TableName), action, ...(input.IndexName ? { index: String(input.IndexName) } : {}) }];
}

export function noteCommand(commandName: string, input: Record<string, unknown>): void {
  const fn = invoking.getStore();
  if (fn) accesses.set(fn, [...(accesses.get(fn) ?? []), ...actionsOf(commandName, input)]);
}
