// GET requests.json's window: the spec's 90 days by default and at most, by requested_datetime.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../domain/errors.js';
import { requestMatches, requestWindow } from '../../../domain/open311/request-window.js';
import { aTicket } from '../fixtures.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('requestWindow', () => {
  it('is the last 90 days when no date is given', () => {
    expect(requestWindow({}, now)).toEqual({ from: '2026-08-28T12:00:00.000Z', to: '2026-11-26T12:00:00.000Z' });
  });

  it('runs 90 days from a start (not past now), or 90 days up to an end, in UTC whatever the offset given', () => {
    expect(requestWindow({ start_date: '2026-11-01T00:00:00+08:00' }, now)).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-26T12:00:00.000Z' });
    expect(requestWindow({ start_date: '2026-01-01T00:00:00Z' }, now)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(requestWindow({ end_date: '2026-03-31T00:00:00Z' }, now)).toEqual({ from: '2025-12-31T00:00:00.000Z', to: '2026-03-31T00:00:00.000Z' });
  });

  it('refuses a window over 90 days, or one that ends before it starts, naming end_date', () => {
    expect(() => requestWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' }, now)).toThrow(ValidationError);
    expect(() => requestWindow({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }, now)).toThrow(/end_date: is before start_date/);
    expect(requestWindow({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-01T00:00:00Z' }, now).to).toBe('2026-04-01T00:00:00.000Z');
  });
});

describe('requestMatches', () => {
  it('keeps a ticket by its Open311 status and its service code', () => {
    const resolved = aTicket({ status: 'resolved', category: 'NBR-001' });
    expect(requestMatches(resolved, { status: ['closed'] })).toBe(true);
    expect(requestMatches(resolved, { status: ['open'] })).toBe(false);
    expect(requestMatches(resolved, { service_code: ['WAT-001', 'NBR-001'] })).toBe(true);
    expect(requestMatches(resolved, { status: ['open', 'closed'], service_code: ['WAT-001'] })).toBe(false);
  });
});
