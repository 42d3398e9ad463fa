// RFC 3339 timestamps as Step Functions accepts them (Wait Timestamp, Choice Timestamp* and IsTimestamp).
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a full date-time with offset; undefined when the text is not one or names an impossible time. */
export function parseTimestamp(text: string): Date | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const offset = m[8] as string;
  if (offset !== 'Z') {
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    if (oh > 23 || om > 59) return undefined;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Milliseconds since epoch of a timestamp, keeping sub-millisecond digits out (AWS compares to the ms). */
export function timestampMillis(text: string): number | undefined {
  return parseTimestamp(text)?.getTime();
}
