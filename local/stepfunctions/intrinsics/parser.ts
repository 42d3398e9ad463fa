// Intrinsic-function syntax: parses `States.Fn(arg, ...)` into a call tree the JSONPath evaluator runs.
import type { Json } from '../json.js';

export type IntrinsicArg =
  | { kind: 'literal'; value: Json }
  | { kind: 'path'; path: string }
  | { kind: 'call'; call: IntrinsicCall };

export interface IntrinsicCall {
  name: string;
  args: IntrinsicArg[];
}

export class IntrinsicSyntaxError extends Error {}

/** True when a `.$` string is an intrinsic call rather than a path. */
export function looksLikeIntrinsic(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(text);
}

/** Parses a full intrinsic expression; throws IntrinsicSyntaxError on malformed text. */
export function parseIntrinsic(text: string): IntrinsicCall {
  const p = new Parser(text);
  p.skip();
  const call = p.call();
  p.skip();
  if (!p.done()) throw new IntrinsicSyntaxError(`Unexpected text after call: '${text.slice(p.pos)}'`);
  return call;
}

class Parser {
  pos = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.pos >= this.s.length;
  }

  skip(): void {
    while (this.s[this.pos] === ' ' || this.s[this.pos] === '\t' || this.s[this.pos] === '\n') this.pos += 1;
  }

  call(): IntrinsicCall {
    const m = /^States\.[A-Za-z0-9]+/.exec(this.s.slice(this.pos));
    if (!m) throw new IntrinsicSyntaxError('Expected a States.* function');
    this.pos += m[0].length;
    this.skip();
    if (this.s[this.pos] !== '(') throw new IntrinsicSyntaxError("Expected '('");
    this.pos += 1;
    const args: IntrinsicArg[] = [];
    this.skip();
    if (this.s[this.pos] === ')') {
      this.pos += 1;
      return { name: m[0], args };
    }
    for (;;) {
      this.skip();
      args.push(this.arg());
      this.skip();
      const ch = this.s[this.pos];
      this.pos += 1;
      if (ch === ')') return { name: m[0], args };
      if (ch !== ',') throw new IntrinsicSyntaxError("Expected ',' or ')'");
    }
  }

  private arg(): IntrinsicArg {
    const rest = this.s.slice(this.pos);
    if (rest.startsWith("'")) return { kind: 'literal', value: this.stringLiteral() };
    if (rest.startsWith('States.')) return { kind: 'call', call: this.call() };
    if (rest.startsWith('$')) return { kind: 'path', path: this.pathText() };
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(rest);
    if (!m) throw new IntrinsicSyntaxError(`Unexpected argument '${rest}'`);
    this.pos += m[0].length;
    return { kind: 'literal', value: JSON.parse(m[0]) as Json };
  }

  private stringLiteral(): string {
    this.pos += 1;
    let out = '';
    while (!this.done()) {
      const ch = this.s[this.pos] as string;
      if (ch === '\\') {
        const next = this.s[this.pos + 1] ?? '';
        // `\{` and `\}` stay escaped so States.Format can tell literal braces from placeholders.
        out += next === '{' || next === '}' ? `\\${next}` : next;
        this.pos += 2;
        continue;
      }
      if (ch === "'") {
        this.pos += 1;
        return out;
      }
      out += ch;
      this.pos += 1;
    }
    throw new IntrinsicSyntaxError('Unterminated string literal');
  }

  private pathText(): string {
    // A path ends at the next top-level ',' or ')' (brackets and quotes may contain either).
    const start = this.pos;
    let depth = 0;
    let quote: string | undefined;
    while (!this.done()) {
      const ch = this.s[this.pos] as string;
      if (quote) {
        if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '[' || ch === '(') depth += 1;
      else if (ch === ']' || (ch === ')' && depth > 0)) depth -= 1;
      else if ((ch === ',' || ch === ')') && depth === 0) break;
      this.pos += 1;
    }
    return this.s.slice(start, this.pos).trim();
  }
}
