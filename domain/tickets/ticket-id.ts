// Ticket numbers as people read them over the phone: the Beijing date of intake, then six characters of Crockford's
// base 32 (no I, L, O or U to mistake), about a billion a day. A big city still draws the same one now and then
// (Shanghai's 58,000 a day: about one pair a day), so intake draws again when the number is taken.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Every ticket id's length: names built on it (delivery ids, review executions) start with the id. */
export const TICKET_ID_LENGTH = 'T20261123-4K7Q2X'.length;

/** `T20261123-4K7Q2X`: the Beijing date of `at`, then six characters from `random` (30 bits are used). */
export function newTicketId(at: Date, random: Uint8Array): string {
  if (random.length < 4) throw new Error('a ticket id needs 4 random bytes');
  const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  let bits = ((random[0] as number) << 22) | ((random[1] as number) << 14) | ((random[2] as number) << 6) | ((random[3] as number) >> 2);
  let suffix = '';
  for (let i = 0; i < 6; i++, bits >>>= 5) suffix = (ALPHABET[bits & 31] as string) + suffix;
  return `T${day}-${suffix}`;
}
