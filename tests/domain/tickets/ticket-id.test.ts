import { describe, expect, it } from 'vitest';
import { newTicketId } from '../../../domain/tickets/ticket-id.js';

describe('newTicketId', () => {
  it('reads as the Beijing date of intake and six unmistakable characters', () => {
    // 23:59 on the 23rd in UTC is the 24th in Beijing.
    expect(newTicketId(new Date('2026-11-23T23:59:00Z'), Uint8Array.of(0, 0, 0, 0))).toBe('T20261124-000000');
    expect(newTicketId(new Date('2026-11-23T15:59:00Z'), Uint8Array.of(255, 255, 255, 255))).toBe('T20261123-ZZZZZZ');
    for (let i = 0; i < 2000; i++) {
      const id = newTicketId(new Date('2026-11-23T02:00:00Z'), crypto.getRandomValues(new Uint8Array(4)));
      expect(id).toMatch(/^T20261123-[0-9A-HJKMNP-TV-Z]{6}$/);
    }
  });

  it('draws from about a billion numbers a day, so a city of 58,000 tickets rarely draws one twice', () => {
    const seen = new Set<string>();
    // Every 4th byte value in each position: 64^4 inputs would take long; this walks each of the 30 bits used.
    for (let bit = 0; bit < 32; bit++) {
      const bytes = new Uint8Array(4);
      bytes[bit >> 3] = 0x80 >> (bit & 7);
      seen.add(newTicketId(new Date('2026-11-23T02:00:00Z'), bytes));
    }
    // The last two bits of the fourth byte are not used: 30 distinct single-bit numbers, and all zeros is another.
    expect(seen.size).toBe(31);
    expect(() => newTicketId(new Date(), new Uint8Array(3))).toThrow(/4 random bytes/);
  });
});
