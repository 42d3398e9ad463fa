// EventBridge Scheduler cron expressions, evaluated in Asia/Shanghai: when does a schedule fire next?

/** A parsed `cron(minutes hours day-of-month month day-of-week year)` expression. */
export interface CronSchedule {
  expression: string;
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number> | 'any';
  months: Set<number>;
  /** 1 = Sunday ... 7 = Saturday, as EventBridge numbers them. */
  daysOfWeek: Set<number> | 'any';
  years: Set<number> | 'any';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991.
const SHANGHAI_MS = 8 * 3600_000;

/** Parses an EventBridge cron expression; the error names the field that is wrong. */
export function parseCron(expression: string): CronSchedule {
  const match = /^cron\((.*)\)$/.exec(expression.trim());
  const fields = match?.[1]?.trim().split(/\s+/);
  if (!fields || fields.length !== 6) {
    throw new Error(`${expression}: expected cron(minutes hours day-of-month month day-of-week year)`);
  }
  const [min, hour, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) {
    throw new Error(`${expression}: exactly one of day-of-month and day-of-week must be "?"`);
  }
  return {
    expression,
    minutes: field(min, 0, 59, 'minutes'),
    hours: field(hour, 0, 23, 'hours'),
    daysOfMonth: dom === '?' ? 'any' : field(dom, 1, 31, 'day-of-month'),
    months: field(month, 1, 12, 'month', MONTHS),
    daysOfWeek: dow === '?' ? 'any' : field(dow, 1, 7, 'day-of-week', DAYS),
    years: year === '*' ? 'any' : field(year, 1970, 2199, 'year'),
  };
}

function field(text: string, min: number, max: number, name: string, names?: string[]): Set<number> {
  const values = new Set<number>();
  const value = (token: string): number => {
    const byName = names?.indexOf(token.toUpperCase()) ?? -1;
    const n = byName >= 0 ? byName + 1 : Number(token);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`${name}: "${token}" is not a value from ${min} to ${max}${names ? ' or a name' : ''}`);
    }
    return n;
  };
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`${name}: "${part}" has a bad step`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      [from, to] = [value(a), value(b)];
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    if (from > to) throw new Error(`${name}: "${part}" runs backwards`);
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return values;
}

/** The first instant strictly after `after` at which the schedule fires (Shanghai wall time). */
export function nextFire(schedule: CronSchedule, after: Date): Date | undefined {
  // Work in Shanghai wall time expressed as UTC fields, then shift back.
  let t = Math.floor((after.getTime() + SHANGHAI_MS) / 60_000) * 60_000 + 60_000;
  const limit = t + 5 * 366 * 24 * 3600_000;
  while (t < limit) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    if (schedule.years !== 'any' && !schedule.years.has(year)) {
      t = Date.UTC(year + 1, 0, 1);
      continue;
    }
    if (!schedule.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(year, d.getUTCMonth() + 1, 1);
      continue;
    }
    const dayOk =
      (schedule.daysOfMonth === 'any' || schedule.daysOfMonth.has(d.getUTCDate())) &&
      (schedule.daysOfWeek === 'any' || schedule.daysOfWeek.has(d.getUTCDay() + 1));
    if (!dayOk) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!schedule.hours.has(d.getUTCHours())) {
      t = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (schedule.minutes.has(d.getUTCMinutes())) return new Date(t - SHANGHAI_MS);
    t += 60_000;
  }
  return undefined;
}
