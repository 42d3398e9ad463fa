// The working-time calendar port: every deadline in Casework is computed through it.

/** An instant computed on the calendar, with the years it had to guess (weekends-only). */
export interface CalendarInstant {
  at: Date;
  /** Years touched by the computation for which no holiday schedule was published. */
  unpublishedYears: number[];
}

/** A span of working time, with the years it had to guess (weekends-only). */
export interface WorkingSpan {
  minutes: number;
  unpublishedYears: number[];
}

/** Working days and office hours in Asia/Shanghai, with statutory holidays and make-up workdays. */
export interface WorkingCalendar {
  /** True when the Shanghai calendar date of `at` is a working day (make-up workdays included). */
  isWorkingDay(at: Date): boolean;
  /** True when `at` falls inside office hours of a working day. */
  isWorkingTime(at: Date): boolean;
  /** Adds whole working days of office time; the result is always inside or at the end of office hours. */
  addWorkingDays(from: Date, days: number): CalendarInstant;
  /** Adds working hours (fractions allowed) of office time. */
  addWorkingHours(from: Date, hours: number): CalendarInstant;
  /** Adds working minutes of office time. */
  addWorkingMinutes(from: Date, minutes: number): CalendarInstant;
  /** Working minutes between two instants; negative when `to` is before `from`. */
  workingTimeBetween(from: Date, to: Date): WorkingSpan;
  /** Adds wall-clock minutes: the deadline kind used for emergencies. */
  addCalendarMinutes(from: Date, minutes: number): CalendarInstant;
  /** Years for which a published holiday schedule is known. */
  readonly publishedYears: readonly number[];
}
