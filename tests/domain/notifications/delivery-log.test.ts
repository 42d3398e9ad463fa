// A ticket's notification log as each reader sees it: the city's staff all of it, a unit its own deliveries, reduced.
import { describe, expect, it } from 'vitest';
import { deliveryLogFor } from '../../../domain/notifications/delivery-log.js';
import { failureCategory } from '../../../domain/notifications/failure-reason.js';
import type { UserActor } from '../../../schemas/actor.js';

const person = (role: UserActor['role'], unitId?: string): UserActor => ({ kind: 'user', userId: `${role}-x`, role, ...(unitId ? { unitId } : {}) });

const dongmenHook = 'https://hooks.dongmen.example/casework?token=abc';
const log = [
  { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook0', attempt: 1, channel: 'webhook', unitId: 's-haibin-dongmen', event: 'ticket.dispatched', at: '2026-11-23T02:00:01.000Z', target: dongmenHook, ok: false, status: 503, error: 'HTTP 503' },
  { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook0', attempt: 2, channel: 'webhook', unitId: 's-haibin-dongmen', event: 'ticket.dispatched', at: '2026-11-23T02:00:31.000Z', target: dongmenHook, ok: true, status: 204 },
  { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook1', attempt: 1, channel: 'webhook', unitId: 's-haibin-dongmen', event: 'ticket.dispatched', at: '2026-11-23T02:00:01.000Z', target: 'http://10.0.0.5/hook', ok: false, error: 'target refused: must not point to a private address (10.0.0.5): only public addresses are allowed' },
  { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook1', unitId: 's-haibin-dongmen', at: '2026-11-23T02:00:02.000Z', error: 'target refused: must not point to a private address (10.0.0.5): only public addresses are allowed' },
  { ticketId: 'T1', deliveryId: 'T1-5-dept-housing-email0', attempt: 1, channel: 'email', unitId: 'dept-housing', event: 'ticket.whistled', at: '2026-11-23T03:00:00.000Z', target: 'housing@haiqiao.example', ok: false, error: 'connect ECONNREFUSED 10.1.2.3:25' },
];

describe('the notification log of a ticket', () => {
  it('is whole for the city-wide roles', () => {
    for (const role of ['operator', 'supervisor', 'admin'] as const) expect(deliveryLogFor(person(role, role === 'supervisor' ? 'supervision' : undefined), log)).toEqual(log);
  });

  it("shows a clerk only its own unit's deliveries, without where they went and with the failure as a category", () => {
    expect(deliveryLogFor(person('clerk', 's-haibin-dongmen'), log)).toEqual([
      { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook0', attempt: 1, channel: 'webhook', unitId: 's-haibin-dongmen', event: 'ticket.dispatched', at: '2026-11-23T02:00:01.000Z', ok: false, status: 503, error: 'http-5xx' },
      { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook0', attempt: 2, channel: 'webhook', unitId: 's-haibin-dongmen', event: 'ticket.dispatched', at: '2026-11-23T02:00:31.000Z', ok: true, status: 204 },
      { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook1', attempt: 1, channel: 'webhook', unitId: 's-haibin-dongmen', event: 'ticket.dispatched', at: '2026-11-23T02:00:01.000Z', ok: false, error: 'refused' },
      { ticketId: 'T1', deliveryId: 'T1-2-s-haibin-dongmen-webhook1', unitId: 's-haibin-dongmen', at: '2026-11-23T02:00:02.000Z', error: 'refused' },
    ]);
  });

  it("shows a unit called in its own deliveries and none of the street's", () => {
    expect(deliveryLogFor(person('clerk', 'dept-housing'), log)).toEqual([
      { ticketId: 'T1', deliveryId: 'T1-5-dept-housing-email0', attempt: 1, channel: 'email', unitId: 'dept-housing', event: 'ticket.whistled', at: '2026-11-23T03:00:00.000Z', ok: false, error: 'network' },
    ]);
  });

  it("shows a district's coordinator its own deliveries only, not its streets'", () => {
    expect(deliveryLogFor(person('coordinator', 'd-haibin'), log)).toEqual([]);
  });

  it('shows nothing to someone without a unit, or to a panel member', () => {
    expect(deliveryLogFor(person('clerk'), log)).toEqual([]);
    expect(deliveryLogFor(person('panelist'), log)).toEqual([]);
  });
});

describe('what a failure comes to', () => {
  it.each([
    [{ status: 503, error: 'HTTP 503' }, 'http-5xx'],
    [{ status: 404, error: 'HTTP 404' }, 'http-4xx'],
    [{ status: 302, error: 'HTTP 302' }, 'http-3xx'],
    [{ error: 'https://hooks.example/casework: HTTP 502' }, 'http-5xx'],
    [{ error: 'target refused: must not point to a loopback address (127.0.0.1): only public addresses are allowed' }, 'refused'],
    [{ error: 'timeout: no answer in 10 s' }, 'timeout'],
    [{ error: 'The operation was aborted due to timeout' }, 'timeout'],
    [{ error: 'States.Timeout' }, 'timeout'],
    [{ error: 'network: ECONNREFUSED' }, 'network'],
    [{ error: 'fetch failed' }, 'network'],
    [{ error: 'getaddrinfo ENOTFOUND hooks.example' }, 'network'],
    [{ error: 'Message rejected: Email address is not verified' }, 'failed'],
    [{ status: 204 }, undefined],
    [{}, undefined],
  ])('%j is %s', (attempt, category) => {
    expect(failureCategory(attempt)).toBe(category);
  });
});
