// How people read an instant: Beijing time (UTC+8, no daylight saving), to the minute. Stored instants stay UTC.

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Beijing's wall clock at an instant, in ISO form (`2026-11-24T10:00:00.000`, the `Z` no longer true): sliced by each reader. */
function wallClock(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + BEIJING_OFFSET_MS).toISOString();
}

/** `2026-11-24 10:00` for an ISO instant, in Asia/Shanghai. */
export function beijingTime(iso: string): string {
  return wallClock(iso).slice(0, 16).replace('T', ' ');
}

/** The Beijing calendar day (`2026-11-24`) of an instant. */
export function beijingDate(at: Date | string): string {
  return wallClock(at).slice(0, 10);
}

/** The last `count` Beijing days up to and including the one holding `now`, oldest first. */
export function lastBeijingDays(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => beijingDate(new Date(now.getTime() - (count - 1 - i) * DAY_MS)));
}

/** `2026-11-24T10:00:00+08:00`: an instant in W3C form with Beijing's offset, to the second (Open311's datetimes). */
export function beijingIso(iso: string): string {
  return `${wallClock(iso).slice(0, 19)}+08:00`;
}
