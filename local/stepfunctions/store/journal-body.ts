// A journal line's body on disk: JSON deflated, with the two bytes a line cannot hold escaped, so the journal stays
// one line per record, read back by offset. A body that starts with `{` is plain JSON (journals written before).
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';

const MARK = 0x7e; // ~
const ESCAPE = 0x5c; // \
const NEWLINE = 0x0a;
const ESCAPED_NEWLINE = 0x6e; // n

/** A body as stored: `~` and the deflated JSON, `\n` written as `\` `n` and `\` as `\` `\`. */
export function encodeBody(json: string, level: number = constants.Z_BEST_SPEED): Buffer {
  const packed = deflateRawSync(Buffer.from(json, 'utf8'), { level });
  let extra = 0;
  for (const byte of packed) if (byte === NEWLINE || byte === ESCAPE) extra += 1;
  const out = Buffer.allocUnsafe(1 + packed.length + extra);
  out[0] = MARK;
  let o = 1;
  for (const byte of packed) {
    if (byte === NEWLINE || byte === ESCAPE) {
      out[o++] = ESCAPE;
      out[o++] = byte === NEWLINE ? ESCAPED_NEWLINE : ESCAPE;
    } else out[o++] = byte;
  }
  return out;
}

/** The JSON text of a stored body, deflated or plain. */
export function decodeBody(stored: Buffer): string {
  if (stored[0] !== MARK) return stored.toString('utf8');
  const packed = Buffer.allocUnsafe(stored.length - 1);
  let o = 0;
  for (let i = 1; i < stored.length; i++) {
    const byte = stored[i] as number;
    if (byte === ESCAPE) {
      i += 1;
      packed[o++] = stored[i] === ESCAPED_NEWLINE ? NEWLINE : ESCAPE;
    } else packed[o++] = byte;
  }
  return inflateRawSync(packed.subarray(0, o)).toString('utf8');
}
