import { describe, expect, it } from 'vitest';
import { nextFire, parseCron } from '../../../local/scheduler/cron.js';

const next = (expression: string, after: string) => nextFire(parseCron(expression), new Date(after))?.toISOString();

describe('EventBridge cron in Asia/Shanghai', () => {
  it('fires the monthly zeroing at the first minute of the month, Shanghai time', () => {
    expect(next('cron(0 0 1 * ? *)', '2026-11-23T10:00:00+08:00')).toBe('2026-11-30T16:00:00.000Z');
    expect(next('cron(0 0 1 * ? *)', '2026-12-31T23:59:59+08:00')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('fires strictly after the given instant', () => {
    expect(next('cron(0 0 1 * ? *)', '2026-12-01T00:00:00+08:00')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('understands day names, ranges, lists and steps', () => {
    // Weekdays at 09:30: from Saturday 28 Nov 2026 the next is Monday 30 Nov.
    expect(next('cron(30 9 ? * MON-FRI *)', '2026-11-28T12:00:00+08:00')).toBe('2026-11-30T01:30:00.000Z');
    expect(next('cron(0/15 8,20 * * ? *)', '2026-11-23T08:50:00+08:00')).toBe('2026-11-23T12:00:00.000Z');
  });

  it('skips months without the day', () => {
    expect(next('cron(0 12 31 * ? *)', '2026-11-01T00:00:00+08:00')).toBe('2026-12-31T04:00:00.000Z');
  });

  it('names the field that is wrong', () => {
    expect(() => parseCron('cron(0 25 * * ? *)')).toThrow('hours: "25" is not a value from 0 to 23');
    expect(() => parseCron('cron(0 0 1 * MON *)')).toThrow('exactly one of day-of-month and day-of-week must be "?"');
    expect(() => parseCron('rate(5 minutes)')).toThrow('expected cron(');
  });
});
