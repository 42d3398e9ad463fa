import { describe, expect, it } from 'vitest';
import { isInMonth, monthBounds, monthOf } from '../../../domain/zeroing/months.js';
import { shanghai } from '../fixtures.js';

describe('Shanghai months', () => {
  it('just after midnight on 1 April in Shanghai is already April, though it is still March in UTC', () => {
    const at = shanghai('2025-04-01 00:00');

    expect(at.toISOString()).toBe('2025-03-31T16:00:00.000Z');
    expect(monthOf(at)).toBe('2025-04');
  });

  it('the last minute of March in Shanghai is March', () => {
    expect(monthOf(shanghai('2025-03-31 23:59'))).toBe('2025-03');
  });

  it('a month runs from its first Shanghai midnight to the next one', () => {
    const { start, end } = monthBounds('2024-12');

    expect(start.toISOString()).toBe('2024-11-30T16:00:00.000Z');
    expect(end.toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it('February of a leap year has 29 days', () => {
    const { start, end } = monthBounds('2024-02');

    expect((end.getTime() - start.getTime()) / 86_400_000).toBe(29);
  });

  it('the end instant belongs to the next month', () => {
    const { end } = monthBounds('2025-03');

    expect(isInMonth(end, '2025-03')).toBe(false);
    expect(isInMonth(end, '2025-04')).toBe(true);
  });

  it('refuses a malformed month', () => {
    expect(() => monthBounds('2025-13')).toThrow(RangeError);
  });
});
