// How people read an instant: Beijing time (UTC+8, no daylight saving), to the minute. Stored instants stay UTC.

/** `2026-11-24 10:00` for an ISO instant, in Asia/Shanghai. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
