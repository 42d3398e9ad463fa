// The stream barrier's marker: one reserved item per streamed table, rewritten with a fresh token by every barrier.
import type { AttributeDefinition, AttributeValue, KeySchemaElement } from '@aws-sdk/client-dynamodb';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

// No ticket, unit or event id looks like this, and the marker carries none of the attributes the tables' sparse
// indexes are keyed on, so no query path ever returns it (and no user path scans).
const RESERVED = '~casework-stream-barrier';
const RESERVED_NUMBER = '-9007199254740991';
/** The attribute holding the token of the barrier that wrote the marker last. */
export const TOKEN_ATTRIBUTE = 'streamBarrierToken';

export type MarkerKey = Record<string, AttributeValue>;

/** The marker item's key in the table's own key types: the reserved value for the partition key, a fixed one for the sort key. */
export function markerKey(keySchema: KeySchemaElement[], definitions: AttributeDefinition[]): MarkerKey {
  const key: MarkerKey = {};
  for (const element of keySchema) {
    const name = element.AttributeName ?? '';
    const type = definitions.find((d) => d.AttributeName === name)?.AttributeType;
    const partition = element.KeyType === 'HASH';
    if (type === 'S') key[name] = { S: RESERVED };
    else if (type === 'N') key[name] = { N: partition ? RESERVED_NUMBER : '0' };
    else if (type === 'B') key[name] = { B: new TextEncoder().encode(RESERVED) };
    else throw new Error(`key attribute ${name} has no type in the table description`);
  }
  return key;
}

/** The marker item a barrier writes: its key and its token. */
export function markerItem(key: MarkerKey, token: string): MarkerKey {
  return { ...key, [TOKEN_ATTRIBUTE]: { S: token } };
}

/** Whether a stream record is about the marker item (whatever its token), and not about a real item. */
export function isMarker(record: StreamRecord, key: MarkerKey): boolean {
  const keys = record.dynamodb?.Keys;
  if (!keys) return false;
  return Object.entries(key).every(([name, value]) => sameValue(keys[name], value));
}

/** The token a marker record carries in its new image (undefined for a removal). */
export function markerToken(record: StreamRecord): string | undefined {
  return record.dynamodb?.NewImage?.[TOKEN_ATTRIBUTE]?.S;
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue): boolean {
  if (!a) return false;
  if (b.S !== undefined) return a.S === b.S;
  // DynamoDB may write a number back in another form ("0" and "0.0" are one number).
  if (b.N !== undefined) return a.N !== undefined && Number(a.N) === Number(b.N);
  if (b.B !== undefined) return a.B !== undefined && Buffer.from(a.B).equals(Buffer.from(b.B));
  return false;
}
