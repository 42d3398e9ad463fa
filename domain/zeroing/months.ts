// Calendar months in Asia/Shanghai (UTC+8 all year, no daylight saving): the unit of zeroing campaigns and metrics.

const offsetMs = 8 * 60 * 60 * 1000;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The Shanghai month (`YYYY-MM`) that contains the instant `at`. */
export function monthOf(at: Date): string {
  const local = new Date(at.getTime() + offsetMs);
  return `${String(local.getUTCFullYear()).padStart(4, '0')}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The first instant of the Shanghai month and the first instant of the next one (`end` is exclusive). */
export function monthBounds(month: string): { start: Date; end: Date } {
  const match = monthPattern.exec(month);
  if (!match) throw new RangeError(`${month} is not a month as YYYY-MM`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    start: new Date(Date.UTC(year, index, 1) - offsetMs),
    end: new Date(Date.UTC(year, index + 1, 1) - offsetMs),
  };
}

/** True when the instant falls inside the Shanghai month. */
export function isInMonth(at: Date | string, month: string): boolean {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const { start, end } = monthBounds(month);
  return t >= start.getTime() && t < end.getTime();
}

/** The month before a `YYYY-MM` month. */
export function previousMonth(month: string): string {
  const { start } = monthBounds(month);
  return monthOf(new Date(start.getTime() - 1));
}
