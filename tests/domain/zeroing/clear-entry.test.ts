import { describe, expect, it } from 'vitest';
import { clearEntry } from '../../../domain/zeroing/clear-entry.js';
import { ZeroingRuleError } from '../../../domain/zeroing/zeroing-errors.js';
import { aClosedTicket, anEntry, aTicket, iso, shanghai } from '../fixtures.js';

const now = shanghai('2025-04-15 11:00');
const reclosed = '2025-04-12 16:00';

describe('clearEntry', () => {
  it('clears an entry once the citizen confirms the re-handled ticket is resolved and is satisfied', () => {
    const ticket = aClosedTicket('2025-04-12 16:00', { resolution: 'resolved', satisfaction: 'satisfied' });

    const entry = clearEntry(anEntry(), { kind: 'confirmed', ticket }, now);

    expect(entry).toEqual({ ...anEntry(), status: 'cleared', clearedAt: now.toISOString() });
  });

  it.each([
    ['the citizen is still unsatisfied', aClosedTicket(reclosed, { resolution: 'resolved', satisfaction: 'unsatisfied' })],
    ['the citizen is satisfied but the problem is not solved', aClosedTicket(reclosed, { resolution: 'unresolved', satisfaction: 'satisfied' })],
    ['the unit replied but the callback is still pending', aTicket({ status: 'resolved', resolvedAt: iso(reclosed) })],
    ['the ticket is being re-handled', aTicket({ status: 'accepted', outcome: { resolution: 'resolved', satisfaction: 'satisfied' } })],
  ])('will not clear while %s', (_, ticket) => {
    const attempt = () => clearEntry(anEntry(), { kind: 'confirmed', ticket }, now);

    expect(attempt).toThrow(ZeroingRuleError);
    expect(attempt).toThrow(expect.objectContaining({ status: 409, rule: 'zeroing.not-yet-resolved' }));
  });

  it('will not clear an entry with another ticket’s confirmation', () => {
    const other = aClosedTicket('2025-04-12 16:00', { resolution: 'resolved', satisfaction: 'satisfied' }, { id: 'T-2' });

    expect(() => clearEntry(anEntry(), { kind: 'confirmed', ticket: other }, now)).toThrow(
      expect.objectContaining({ status: 422, rule: 'zeroing.wrong-ticket' }),
    );
  });

  it('lets the supervision office explain an entry that cannot be resolved, keeping its note', () => {
    const note = '  The building is slated for demolition in June; residents were rehoused.  ';

    const entry = clearEntry(anEntry(), { kind: 'explained', note }, now);

    expect(entry).toMatchObject({
      status: 'explained',
      clearedAt: now.toISOString(),
      note: 'The building is slated for demolition in June; residents were rehoused.',
    });
  });

  it('refuses an explanation shorter than ten characters', () => {
    expect(() => clearEntry(anEntry(), { kind: 'explained', note: '  no way   ' }, now)).toThrow(
      expect.objectContaining({ status: 422, rule: 'zeroing.note-too-short' }),
    );
  });

  it.each(['cleared', 'explained'] as const)('refuses to touch an entry already %s', (status) => {
    const done = anEntry({ status, clearedAt: iso('2025-04-02 09:00'), note: 'Explained at the April meeting.' });

    expect(() => clearEntry(done, { kind: 'explained', note: 'Explained once more, in detail.' }, now)).toThrow(
      expect.objectContaining({ status: 409, rule: 'zeroing.entry-not-open' }),
    );
  });

  it('returns a new entry and leaves the one given unchanged', () => {
    const entry = Object.freeze(anEntry());

    clearEntry(entry, { kind: 'explained', note: 'Outside the city’s jurisdiction.' }, now);

    expect(entry.status).toBe('open');
  });
});
