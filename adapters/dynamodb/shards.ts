// The one sharding scheme of the counter tables (BoardCounts, UnitMetrics): a set of members too big for one item, or
// billed by the whole item at each update, is spread over SHARDS items by a hash of the member.

// An item holds at most 400 KB: a big city's day of intake (Shanghai's record day, 58,000 tickets) or one district's open
// tickets would not fit one set, and an update costs a write unit per KB of its item.
export const SHARDS = 8;

/** A member's shard: FNV-1a of its text, so the same member always lands in the same item. */
export function shardOf(member: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < member.length; i++) hash = Math.imul(hash ^ member.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}
