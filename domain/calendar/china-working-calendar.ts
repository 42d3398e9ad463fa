// Working-time calendar for mainland China: statutory holidays and make-up workdays (调休) from published data.
import { createRequire } from 'node:module';
import type { CalendarInstant, WorkingCalendar, WorkingSpan } from './working-calendar.js';

/** Published holiday data keyed by Shanghai date (YYYY-MM-DD), as in chinese-days' JSON file. */
export interface HolidaySchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Office hours of one working day as "HH:MM" pairs in order; the gaps between them (lunch) are not working time. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** Loads the published statutory holiday schedule (2004-2026) shipped with the chinese-days package. */
export function chinaHolidaySchedule(): HolidaySchedule {
  const data: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
  if (!isRecordOfRecords(data, 'holidays') || !isRecordOfRecords(data, 'workdays')) {
    throw new Error('chinese-days data has no holidays/workdays tables');
  }
  return { holidays: data.holidays, workdays: data.workdays };
}

// Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for any ticket date.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DATE_KEY = /^(\d{4})-\d{2}-\d{2}$/;

interface PeriodMs {
  start: number;
  end: number;
}

/** Builds a WorkingCalendar for the given office hours; the schedule defaults to the published Chinese one. */
export function createChinaWorkingCalendar(options: {
  workingPeriods: WorkingPeriod[];
  schedule?: HolidaySchedule;
}): WorkingCalendar {
  const periods = parsePeriods(options.workingPeriods);
  const schedule = options.schedule ?? chinaHolidaySchedule();
  // Snapshot the schedule so later mutation of the caller's object cannot shift deadlines already promised.
  const holidays = new Set(Object.keys(schedule.holidays));
  const workdays = new Set(Object.keys(schedule.workdays));
  const published = new Set([...holidays].map(yearOfKey));
  // A malformed make-up workday key would silently never match, turning a working Saturday into a day off.
  for (const key of workdays) yearOfKey(key);
  const publishedYears = Object.freeze([...published].sort((a, b) => a - b));
  const workingDayCache = new Map<number, boolean>();

  function isWorkingDayIndex(day: number): boolean {
    const cached = workingDayCache.get(day);
    if (cached !== undefined) return cached;
    const date = new Date(day * DAY_MS);
    const key = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    const working = workdays.has(key) || (weekday !== 0 && weekday !== 6 && !holidays.has(key));
    workingDayCache.set(day, working);
    return working;
  }

  // Collects the unpublished years of the days a computation consulted, so callers can flag guessed deadlines.
  function yearTracker(): { touch(day: number): void; years(): number[] } {
    const years = new Set<number>();
    return {
      touch(day) {
        const year = new Date(day * DAY_MS).getUTCFullYear();
        if (!published.has(year)) years.add(year);
      },
      years: () => [...years].sort((a, b) => a - b),
    };
  }

  function addWorkingMs(from: Date, amountMs: number): CalendarInstant {
    const tracker = yearTracker();
    let remaining = amountMs;
    let t = instantMs(from);
    for (let day = dayIndexOf(t); ; day++) {
      tracker.touch(day);
      if (isWorkingDayIndex(day)) {
        const dayStart = dayStartMs(day);
        for (const period of periods) {
          const periodEnd = dayStart + period.end;
          if (t > periodEnd) continue;
          const begin = Math.max(t, dayStart + period.start);
          const available = periodEnd - begin;
          // `<=` rather than `<`: a deadline exactly at closing time stays there instead of rolling to the next morning.
          if (remaining <= available) {
            return { at: new Date(begin + remaining), unpublishedYears: tracker.years() };
          }
          remaining -= available;
        }
      }
      t = dayStartMs(day + 1);
    }
  }

  function workingMsForward(fromMs: number, toMs: number, tracker: ReturnType<typeof yearTracker>): number {
    let total = 0;
    // The last day consulted is the one holding the final millisecond of [from, to), not the day `to` starts.
    const lastDay = dayIndexOf(toMs - 1);
    for (let day = dayIndexOf(fromMs); day <= lastDay; day++) {
      tracker.touch(day);
      if (!isWorkingDayIndex(day)) continue;
      const dayStart = dayStartMs(day);
      for (const period of periods) {
        const overlap = Math.min(toMs, dayStart + period.end) - Math.max(fromMs, dayStart + period.start);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  const calendar: WorkingCalendar = {
    publishedYears,

    isWorkingDay(at) {
      return isWorkingDayIndex(dayIndexOf(instantMs(at)));
    },

    isWorkingTime(at) {
      const t = instantMs(at);
      const day = dayIndexOf(t);
      if (!isWorkingDayIndex(day)) return false;
      const sinceMidnight = t - dayStartMs(day);
      return periods.some((p) => sinceMidnight >= p.start && sinceMidnight < p.end);
    },

    addWorkingMinutes(from, minutes) {
      requireNonNegative(minutes, 'minutes');
      // Millisecond resolution keeps fractional hours (e.g. 0.1 h) from drifting by float noise.
      return addWorkingMs(from, Math.round(minutes * MINUTE_MS));
    },

    addWorkingHours(from, hours) {
      requireNonNegative(hours, 'hours');
      return calendar.addWorkingMinutes(from, hours * 60);
    },

    addWorkingDays(from, days) {
      if (!Number.isInteger(days) || days < 0) {
        throw new RangeError(`working days must be a non-negative integer, got ${days}`);
      }
      return calendar.addWorkingMinutes(from, days * minutesPerWorkingDay(periods));
    },

    workingTimeBetween(from, to): WorkingSpan {
      const fromMs = instantMs(from);
      const toMs = instantMs(to);
      if (toMs < fromMs) {
        const reverse = calendar.workingTimeBetween(to, from);
        // `0 -` instead of unary minus so an empty span is 0, not -0.
        return { minutes: 0 - reverse.minutes, unpublishedYears: reverse.unpublishedYears };
      }
      const tracker = yearTracker();
      const ms = fromMs === toMs ? 0 : workingMsForward(fromMs, toMs, tracker);
      return { minutes: ms / MINUTE_MS, unpublishedYears: tracker.years() };
    },

    addCalendarMinutes(from, minutes) {
      if (!Number.isFinite(minutes)) throw new RangeError(`minutes must be finite, got ${minutes}`);
      return { at: new Date(instantMs(from) + Math.round(minutes * MINUTE_MS)), unpublishedYears: [] };
    },
  };
  return calendar;
}

function parsePeriods(raw: WorkingPeriod[]): PeriodMs[] {
  if (raw.length === 0) throw new RangeError('at least one working period is required');
  const periods = raw.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) }));
  let previousEnd = 0;
  for (const [i, p] of periods.entries()) {
    if (p.start >= p.end || p.start < previousEnd) {
      throw new RangeError(`working period ${i} (${raw[i]?.start}-${raw[i]?.end}) is empty, reversed or out of order`);
    }
    previousEnd = p.end;
  }
  return periods;
}

function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  // 24:00 is allowed so a period can run to midnight.
  if (!match || minutes > 59 || hours * 60 + minutes > 24 * 60) {
    throw new RangeError(`"${clock}" is not an HH:MM time of day`);
  }
  return (hours * 60 + minutes) * MINUTE_MS;
}

function minutesPerWorkingDay(periods: PeriodMs[]): number {
  return periods.reduce((sum, p) => sum + (p.end - p.start), 0) / MINUTE_MS;
}

function instantMs(at: Date): number {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t;
}

function dayIndexOf(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function dayStartMs(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

function requireNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite non-negative number, got ${value}`);
  }
}

function yearOfKey(key: string): number {
  const match = DATE_KEY.exec(key);
  if (!match) throw new RangeError(`holiday schedule key "${key}" is not YYYY-MM-DD`);
  return Number(match[1]);
}

function isRecordOfRecords<K extends string>(
  value: unknown,
  key: K,
): value is Record<K, Record<string, string>> {
  if (typeof value !== 'object' || value === null) return false;
  const table: unknown = (value as Record<string, unknown>)[key];
  return typeof table === 'object' && table !== null;
}
