import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chinaHolidaySchedule,
  createChinaWorkingCalendar,
  type HolidaySchedule,
} from '../../../domain/calendar/china-working-calendar.js';

// The default office-hours policy: 09:00-12:00 and 13:30-17:30, i.e. 7 working hours a day.
const officeHours = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
const calendar = createChinaWorkingCalendar({ workingPeriods: officeHours });

// Renders an instant as Shanghai wall-clock time so a failing assertion reads like the deadline a caseworker sees.
function shanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
}

describe('the published holiday data', () => {
  it('lists the 2026 Spring Festival and National Day holidays and their make-up workdays', () => {
    const schedule = chinaHolidaySchedule();

    const days = (prefix: string, table: Record<string, string>) =>
      Object.keys(table).filter((day) => day.startsWith(prefix)).sort();

    expect(days('2026-02', schedule.holidays)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect(days('2026-02', schedule.workdays)).toEqual(['2026-02-14', '2026-02-28']);
    expect(days('2026-10', schedule.holidays)).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect([...days('2026-09-20', schedule.workdays), ...days('2026-10', schedule.workdays)]).toEqual([
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('is published for 2004 through 2026 and not for 2027', () => {
    const years = calendar.publishedYears;

    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(years).not.toContain(2027);
  });
});

describe('Spring Festival 2026', () => {
  it('treats the make-up Saturdays as working days and the festival week as days off', () => {
    expect(calendar.isWorkingDay(new Date('2026-02-14T10:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingDay(new Date('2026-02-28T10:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingDay(new Date('2026-02-15T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-02-18T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-02-23T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-02-24T10:00:00+08:00'))).toBe(true);
  });

  it('a ticket received on the Friday before the festival is due on the make-up Saturday', () => {
    const received = new Date('2026-02-13T10:00:00+08:00');

    const due = calendar.addWorkingDays(received, 1);

    expect(shanghai(due.at)).toBe('2026-02-14T10:00:00+08:00');
    expect(due.unpublishedYears).toEqual([]);
  });

  it('a complaint received the day before Spring Festival is due after the holiday', () => {
    const received = new Date('2026-02-14T10:00:00+08:00');

    const due = calendar.addWorkingDays(received, 1);

    expect(shanghai(due.at)).toBe('2026-02-24T10:00:00+08:00');
  });

  it('three working days from the last afternoon before the festival skip the whole festival week', () => {
    const received = new Date('2026-02-14T16:00:00+08:00');

    const due = calendar.addWorkingDays(received, 3);

    expect(shanghai(due.at)).toBe('2026-02-26T16:00:00+08:00');
  });

  it('a ticket received on the Friday after the festival is due on the second make-up Saturday', () => {
    const received = new Date('2026-02-27T10:00:00+08:00');

    const due = calendar.addWorkingDays(received, 1);

    expect(shanghai(due.at)).toBe('2026-02-28T10:00:00+08:00');
  });

  it('counts only the make-up Saturday as working time across the festival', () => {
    const from = new Date('2026-02-13T09:00:00+08:00');
    const to = new Date('2026-02-24T09:00:00+08:00');

    const span = calendar.workingTimeBetween(from, to);

    expect(span).toEqual({ minutes: 2 * 420, unpublishedYears: [] });
  });
});

describe('National Day 2026', () => {
  it('treats the make-up Sunday and Saturday as working days and the golden week as days off', () => {
    expect(calendar.isWorkingDay(new Date('2026-09-20T10:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingDay(new Date('2026-10-10T10:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingDay(new Date('2026-10-01T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-10-05T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-10-07T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-10-08T10:00:00+08:00'))).toBe(true);
  });

  it('a ticket received the afternoon before the golden week is due two working days after it', () => {
    const received = new Date('2026-09-30T15:00:00+08:00');

    const due = calendar.addWorkingDays(received, 2);

    expect(shanghai(due.at)).toBe('2026-10-09T15:00:00+08:00');
  });

  it('a ticket received on the Friday after the golden week is due on the make-up Saturday', () => {
    const received = new Date('2026-10-09T10:00:00+08:00');

    const due = calendar.addWorkingDays(received, 1);

    expect(shanghai(due.at)).toBe('2026-10-10T10:00:00+08:00');
  });

  it('a ticket received late on Friday 18 September is due on the make-up Sunday', () => {
    const received = new Date('2026-09-18T17:00:00+08:00');

    const due = calendar.addWorkingDays(received, 1);

    expect(shanghai(due.at)).toBe('2026-09-20T17:00:00+08:00');
  });

  it('counts the working days around the golden week but not the holiday itself', () => {
    const from = new Date('2026-09-30T09:00:00+08:00');

    const beforeReturn = calendar.workingTimeBetween(from, new Date('2026-10-08T09:00:00+08:00'));
    const throughMakeUpSaturday = calendar.workingTimeBetween(from, new Date('2026-10-11T09:00:00+08:00'));

    expect(beforeReturn.minutes).toBe(420);
    expect(throughMakeUpSaturday.minutes).toBe(4 * 420);
  });

  it('reports working time backwards as a negative span', () => {
    const later = new Date('2026-10-11T09:00:00+08:00');
    const earlier = new Date('2026-09-30T09:00:00+08:00');

    const span = calendar.workingTimeBetween(later, earlier);

    expect(span).toEqual({ minutes: -4 * 420, unpublishedYears: [] });
  });

  it('reports no working time inside the golden week as zero, not negative zero', () => {
    const span = calendar.workingTimeBetween(
      new Date('2026-10-05T10:00:00+08:00'),
      new Date('2026-10-02T10:00:00+08:00'),
    );

    expect(span.minutes).toBe(0);
  });

  it('an emergency reported on National Day morning gets a wall-clock deadline regardless of the holiday', () => {
    const reported = new Date('2026-10-01T03:00:00+08:00');

    const due = calendar.addCalendarMinutes(reported, 15);

    expect(shanghai(due.at)).toBe('2026-10-01T03:15:00+08:00');
    expect(due.unpublishedYears).toEqual([]);
  });
});

describe('office hours within an ordinary week (9-13 March 2026)', () => {
  it('resumes counting after the lunch break', () => {
    const received = new Date('2026-03-10T11:00:00+08:00');

    const due = calendar.addWorkingHours(received, 2);

    expect(shanghai(due.at)).toBe('2026-03-10T14:30:00+08:00');
  });

  it('a deadline that ends exactly at noon stays at noon instead of jumping to 13:30', () => {
    const due = calendar.addWorkingHours(new Date('2026-03-10T11:00:00+08:00'), 1);

    expect(shanghai(due.at)).toBe('2026-03-10T12:00:00+08:00');
  });

  it('a deadline that ends exactly at closing time stays at 17:30 instead of rolling to the next morning', () => {
    const due = calendar.addWorkingHours(new Date('2026-03-10T16:30:00+08:00'), 1);

    expect(shanghai(due.at)).toBe('2026-03-10T17:30:00+08:00');
  });

  it('carries the remainder of the day over to the next morning', () => {
    const due = calendar.addWorkingHours(new Date('2026-03-10T17:00:00+08:00'), 1);

    expect(shanghai(due.at)).toBe('2026-03-11T09:30:00+08:00');
  });

  it('starts counting at 13:30 for a ticket received over lunch', () => {
    const due = calendar.addWorkingMinutes(new Date('2026-03-10T12:30:00+08:00'), 30);

    expect(shanghai(due.at)).toBe('2026-03-10T14:00:00+08:00');
  });

  it('starts counting the next morning for a ticket received in the evening', () => {
    const due = calendar.addWorkingHours(new Date('2026-03-10T20:00:00+08:00'), 1);

    expect(shanghai(due.at)).toBe('2026-03-11T10:00:00+08:00');
  });

  it('accepts fractional hours', () => {
    const due = calendar.addWorkingHours(new Date('2026-03-09T09:00:00+08:00'), 1.5);

    expect(shanghai(due.at)).toBe('2026-03-09T10:30:00+08:00');
  });

  it('a ticket received on Friday morning with two working days is due on Tuesday morning', () => {
    const due = calendar.addWorkingDays(new Date('2026-03-13T10:00:00+08:00'), 2);

    expect(shanghai(due.at)).toBe('2026-03-17T10:00:00+08:00');
  });

  it('a ticket received on Saturday with two working days is due at Tuesday closing time', () => {
    const due = calendar.addWorkingDays(new Date('2026-03-14T11:00:00+08:00'), 2);

    expect(shanghai(due.at)).toBe('2026-03-17T17:30:00+08:00');
  });

  it('adding nothing during office hours or at a period end leaves the instant unchanged', () => {
    expect(shanghai(calendar.addWorkingMinutes(new Date('2026-03-10T10:15:00+08:00'), 0).at)).toBe(
      '2026-03-10T10:15:00+08:00',
    );
    expect(shanghai(calendar.addWorkingMinutes(new Date('2026-03-10T12:00:00+08:00'), 0).at)).toBe(
      '2026-03-10T12:00:00+08:00',
    );
    expect(shanghai(calendar.addWorkingMinutes(new Date('2026-03-10T17:30:00+08:00'), 0).at)).toBe(
      '2026-03-10T17:30:00+08:00',
    );
  });

  it('adding nothing outside office hours moves to the next opening', () => {
    expect(shanghai(calendar.addWorkingMinutes(new Date('2026-03-10T07:00:00+08:00'), 0).at)).toBe(
      '2026-03-10T09:00:00+08:00',
    );
    expect(shanghai(calendar.addWorkingMinutes(new Date('2026-03-10T12:45:00+08:00'), 0).at)).toBe(
      '2026-03-10T13:30:00+08:00',
    );
    expect(shanghai(calendar.addWorkingDays(new Date('2026-03-14T10:00:00+08:00'), 0).at)).toBe(
      '2026-03-16T09:00:00+08:00',
    );
  });

  it('knows office time is half-open: opening counts, closing and lunch do not', () => {
    expect(calendar.isWorkingTime(new Date('2026-03-10T09:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingTime(new Date('2026-03-10T11:59:59+08:00'))).toBe(true);
    expect(calendar.isWorkingTime(new Date('2026-03-10T12:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingTime(new Date('2026-03-10T13:30:00+08:00'))).toBe(true);
    expect(calendar.isWorkingTime(new Date('2026-03-10T17:30:00+08:00'))).toBe(false);
    expect(calendar.isWorkingTime(new Date('2026-03-14T10:00:00+08:00'))).toBe(false);
  });

  it('judges the day by Shanghai time, not by UTC', () => {
    // 16:30 UTC on Friday is already 00:30 on Saturday in Shanghai.
    expect(calendar.isWorkingDay(new Date('2026-03-13T16:30:00Z'))).toBe(false);
    // 01:00 UTC on Monday is 09:00 in Shanghai, the moment the office opens.
    expect(calendar.isWorkingTime(new Date('2026-03-09T01:00:00Z'))).toBe(true);
  });

  it('measures working time across lunch and in fractions of a minute', () => {
    const acrossLunch = calendar.workingTimeBetween(
      new Date('2026-03-10T11:00:00+08:00'),
      new Date('2026-03-10T14:00:00+08:00'),
    );
    const thirtySeconds = calendar.workingTimeBetween(
      new Date('2026-03-10T10:00:00+08:00'),
      new Date('2026-03-10T10:00:30+08:00'),
    );

    expect(acrossLunch.minutes).toBe(90);
    expect(thirtySeconds.minutes).toBe(0.5);
  });

  it('refuses negative or fractional amounts of working time', () => {
    const from = new Date('2026-03-10T10:00:00+08:00');

    expect(() => calendar.addWorkingMinutes(from, -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(from, -0.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(from, -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(from, 1.5)).toThrow(RangeError);
  });
});

describe('years without a published schedule', () => {
  it('a ticket in 2027 falls back to weekends only and says so', () => {
    // 1 January 2027 is a Friday; without published data it counts as an ordinary working day.
    const received = new Date('2027-01-01T10:00:00+08:00');

    const due = calendar.addWorkingDays(received, 1);

    expect(calendar.isWorkingDay(received)).toBe(true);
    expect(shanghai(due.at)).toBe('2027-01-04T10:00:00+08:00');
    expect(due.unpublishedYears).toEqual([2027]);
  });

  it('a deadline that runs from 2026 into 2027 reports 2027 as guessed', () => {
    const due = calendar.addWorkingDays(new Date('2026-12-31T10:00:00+08:00'), 1);

    expect(shanghai(due.at)).toBe('2027-01-01T10:00:00+08:00');
    expect(due.unpublishedYears).toEqual([2027]);
  });

  it('a deadline that stays within 2026 reports nothing guessed', () => {
    const due = calendar.addWorkingHours(new Date('2026-12-31T10:00:00+08:00'), 1);

    expect(shanghai(due.at)).toBe('2026-12-31T11:00:00+08:00');
    expect(due.unpublishedYears).toEqual([]);
  });

  it('a span ending exactly at midnight into 2027 does not touch 2027', () => {
    const from = new Date('2026-12-31T09:00:00+08:00');

    const untilMidnight = calendar.workingTimeBetween(from, new Date('2027-01-01T00:00:00+08:00'));
    const intoNewYear = calendar.workingTimeBetween(from, new Date('2027-01-01T10:00:00+08:00'));

    expect(untilMidnight).toEqual({ minutes: 420, unpublishedYears: [] });
    expect(intoNewYear).toEqual({ minutes: 480, unpublishedYears: [2027] });
  });

  it('uses an injected schedule instead of the published one', () => {
    const schedule: HolidaySchedule = { holidays: { '2027-01-01': "New Year's Day" }, workdays: {} };
    const with2027 = createChinaWorkingCalendar({ workingPeriods: officeHours, schedule });

    const due = with2027.addWorkingDays(new Date('2026-12-31T10:00:00+08:00'), 1);

    expect(with2027.publishedYears).toEqual([2027]);
    expect(with2027.isWorkingDay(new Date('2027-01-01T10:00:00+08:00'))).toBe(false);
    expect(shanghai(due.at)).toBe('2027-01-04T10:00:00+08:00');
    expect(due.unpublishedYears).toEqual([2026]);
  });
});

describe('deadline properties over 2025-2027', () => {
  const instant = fc.date({
    min: new Date('2025-01-01T00:00:00+08:00'),
    max: new Date('2027-12-31T23:59:59+08:00'),
    noInvalidDate: true,
  });
  const workingDays = fc.integer({ min: 0, max: 20 });
  const numRuns = 300;

  it('more working days never give an earlier deadline', () => {
    fc.assert(
      fc.property(instant, workingDays, workingDays, (from, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];

        const early = calendar.addWorkingDays(from, fewer).at;
        const late = calendar.addWorkingDays(from, more).at;

        expect(late.getTime()).toBeGreaterThanOrEqual(early.getTime());
      }),
      { numRuns },
    );
  });

  it('a later receipt never gives an earlier deadline', () => {
    fc.assert(
      fc.property(instant, instant, workingDays, (x, y, days) => {
        const [earlier, later] = x <= y ? [x, y] : [y, x];

        const first = calendar.addWorkingDays(earlier, days).at;
        const second = calendar.addWorkingDays(later, days).at;

        expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime());
      }),
      { numRuns },
    );
  });

  it('no deadline lands on a day off', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), (from, days) => {
        const due = calendar.addWorkingDays(from, days);

        expect(calendar.isWorkingDay(due.at)).toBe(true);
      }),
      { numRuns },
    );
  });

  it('the working time from receipt to deadline is exactly the time granted', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 * 420 }), (from, minutes) => {
        fc.pre(calendar.isWorkingTime(from));

        const due = calendar.addWorkingMinutes(from, minutes);

        expect(calendar.workingTimeBetween(from, due.at).minutes).toBe(minutes);
      }),
      { numRuns },
    );
  });
});
