// JSONPath (the Jayway dialect Step Functions uses): parses a path and selects values from a JSON document.
import { isJsonObject, jsonEquals, type Json } from '../json.js';

type Segment =
  | { kind: 'name'; names: string[] }
  | { kind: 'index'; indexes: number[] }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start?: number; end?: number; step?: number }
  | { kind: 'filter'; expr: FilterExpr }
  | { kind: 'length' }
  | { kind: 'deep'; inner: Segment };

type FilterExpr =
  | { op: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { op: 'not'; inner: FilterExpr }
  | { op: 'cmp'; cmp: string; left: Operand; right: Operand }
  | { op: 'exists'; operand: Operand };

type Operand = { kind: 'path'; segments: Segment[]; root: '@' | '$' } | { kind: 'literal'; value: Json };

export class JsonPathSyntaxError extends Error {}

/** A parsed path: `definite` paths select one value; others select a (possibly empty) list. */
export interface ParsedPath {
  segments: Segment[];
  definite: boolean;
}

const cache = new Map<string, ParsedPath>();

/** Parses the part of a path after its root (`$`, `$$` or `$var`), e.g. `.a[0].b`. */
export function parsePathTail(tail: string): ParsedPath {
  const hit = cache.get(tail);
  if (hit) return hit;
  const parser = new PathParser(tail);
  const segments = parser.parseSegments();
  if (!parser.atEnd()) throw new JsonPathSyntaxError(`Unexpected '${tail.slice(parser.pos)}'`);
  const definite = segments.every(
    (s) => (s.kind === 'name' && s.names.length === 1) || (s.kind === 'index' && s.indexes.length === 1) || s.kind === 'length',
  );
  const parsed = { segments, definite };
  if (cache.size > 5000) cache.clear();
  cache.set(tail, parsed);
  return parsed;
}

/** Result of a selection: `found` false only for a definite path that matched nothing. */
export type Selection = { found: true; value: Json } | { found: false };

/** Selects `tail` from `root`; indefinite paths always succeed with an array of matches. */
export function selectPath(root: Json, tail: string, rootDoc: Json = root): Selection {
  const parsed = parsePathTail(tail);
  if (parsed.definite) {
    // Most paths in real machines name one field after another: walk them without building match lists.
    let node: Json | undefined = root;
    for (const seg of parsed.segments) if (node !== undefined) node = definiteStep(node, seg);
    return node === undefined ? { found: false } : { found: true, value: node };
  }
  return { found: true, value: applySegments([root], parsed.segments, rootDoc) };
}

/** One step of a definite path (a single name, a single index, or length); undefined when it matches nothing. */
function definiteStep(value: Json, seg: Segment): Json | undefined {
  if (seg.kind === 'name') {
    const name = seg.names[0] as string;
    return isJsonObject(value) && Object.prototype.hasOwnProperty.call(value, name) ? value[name] : undefined;
  }
  if (seg.kind === 'index') {
    if (!Array.isArray(value)) return undefined;
    const i = seg.indexes[0] as number;
    return value[i < 0 ? value.length + i : i];
  }
  return applySegment(value, seg, value)[0];
}

function applySegments(values: Json[], segments: Segment[], rootDoc: Json): Json[] {
  let current = values;
  for (const seg of segments) current = current.flatMap((v) => applySegment(v, seg, rootDoc));
  return current;
}

function applySegment(value: Json, seg: Segment, rootDoc: Json): Json[] {
  switch (seg.kind) {
    case 'name':
      if (!isJsonObject(value)) return [];
      return seg.names.flatMap((n) => (Object.prototype.hasOwnProperty.call(value, n) ? [value[n] as Json] : []));
    case 'index':
      if (!Array.isArray(value)) return [];
      return seg.indexes.flatMap((i) => {
        const v = value[i < 0 ? value.length + i : i];
        return v === undefined ? [] : [v];
      });
    case 'wildcard':
      if (Array.isArray(value)) return value;
      return isJsonObject(value) ? Object.values(value) : [];
    case 'slice':
      return Array.isArray(value) ? slice(value, seg) : [];
    case 'filter': {
      const items = Array.isArray(value) ? value : isJsonObject(value) ? [value] : [];
      return items.filter((item) => evalFilter(seg.expr, item, rootDoc));
    }
    case 'length':
      if (Array.isArray(value)) return [value.length];
      if (isJsonObject(value)) return [Object.keys(value).length];
      return typeof value === 'string' ? [value.length] : [];
    case 'deep':
      return descendants(value).flatMap((v) => applySegment(v, seg.inner, rootDoc));
  }
}

function descendants(value: Json): Json[] {
  const out: Json[] = [value];
  if (Array.isArray(value)) for (const v of value) out.push(...descendants(v));
  else if (isJsonObject(value)) for (const v of Object.values(value)) out.push(...descendants(v));
  return out;
}

function slice(arr: Json[], seg: { start?: number; end?: number; step?: number }): Json[] {
  const len = arr.length;
  const norm = (n: number) => (n < 0 ? Math.max(0, len + n) : Math.min(n, len));
  const start = seg.start === undefined ? 0 : norm(seg.start);
  const end = seg.end === undefined ? len : norm(seg.end);
  const step = seg.step && seg.step > 0 ? seg.step : 1;
  const out: Json[] = [];
  for (let i = start; i < end; i += step) out.push(arr[i] as Json);
  return out;
}

function evalOperand(op: Operand, item: Json, rootDoc: Json): Json[] {
  if (op.kind === 'literal') return [op.value];
  return applySegments([op.root === '@' ? item : rootDoc], op.segments, rootDoc);
}

function evalFilter(expr: FilterExpr, item: Json, rootDoc: Json): boolean {
  switch (expr.op) {
    case 'and':
      return evalFilter(expr.left, item, rootDoc) && evalFilter(expr.right, item, rootDoc);
    case 'or':
      return evalFilter(expr.left, item, rootDoc) || evalFilter(expr.right, item, rootDoc);
    case 'not':
      return !evalFilter(expr.inner, item, rootDoc);
    case 'exists':
      return evalOperand(expr.operand, item, rootDoc).length > 0;
    case 'cmp': {
      const l = evalOperand(expr.left, item, rootDoc)[0];
      const r = evalOperand(expr.right, item, rootDoc)[0];
      if (l === undefined || r === undefined) return expr.cmp === '!=' && !(l === undefined && r === undefined);
      return compare(expr.cmp, l, r);
    }
  }
}

function compare(cmp: string, l: Json, r: Json): boolean {
  if (cmp === '==') return jsonEquals(l, r);
  if (cmp === '!=') return !jsonEquals(l, r);
  const bothNumbers = typeof l === 'number' && typeof r === 'number';
  const bothStrings = typeof l === 'string' && typeof r === 'string';
  if (!bothNumbers && !bothStrings) return false;
  const a = l as number | string;
  const b = r as number | string;
  switch (cmp) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

class PathParser {
  pos = 0;
  constructor(private readonly src: string) {}

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  parseSegments(stopAt?: RegExp): Segment[] {
    const segs: Segment[] = [];
    while (!this.atEnd()) {
      if (stopAt && stopAt.test(this.src.slice(this.pos))) break;
      const ch = this.src[this.pos];
      if (ch === '.' && this.src[this.pos + 1] === '.') {
        this.pos += 2;
        const inner = this.src[this.pos] === '[' ? this.parseBracket() : this.parseDotName();
        segs.push({ kind: 'deep', inner });
      } else if (ch === '.') {
        this.pos += 1;
        segs.push(this.parseDotName());
      } else if (ch === '[') {
        segs.push(this.parseBracket());
      } else {
        throw new JsonPathSyntaxError(`Unexpected character '${ch}'`);
      }
    }
    return segs;
  }

  private parseDotName(): Segment {
    if (this.src[this.pos] === '*') {
      this.pos += 1;
      return { kind: 'wildcard' };
    }
    const m = /^[^.[\]\s()=!<>&|,]+/.exec(this.src.slice(this.pos));
    if (!m) throw new JsonPathSyntaxError('Expected a property name');
    this.pos += m[0].length;
    if (m[0] === 'length' && this.src.slice(this.pos, this.pos + 2) === '()') {
      this.pos += 2;
      return { kind: 'length' };
    }
    return { kind: 'name', names: [m[0]] };
  }

  private parseBracket(): Segment {
    this.pos += 1; // [
    this.skipSpaces();
    let seg: Segment;
    const ch = this.src[this.pos];
    if (ch === '*') {
      this.pos += 1;
      seg = { kind: 'wildcard' };
    } else if (ch === '?') {
      this.pos += 1;
      this.expect('(');
      const expr = this.parseOr();
      this.skipSpaces();
      this.expect(')');
      seg = { kind: 'filter', expr };
    } else if (ch === "'" || ch === '"') {
      const names = [this.parseQuoted()];
      this.skipSpaces();
      while (this.src[this.pos] === ',') {
        this.pos += 1;
        this.skipSpaces();
        names.push(this.parseQuoted());
        this.skipSpaces();
      }
      seg = { kind: 'name', names };
    } else {
      const m = /^[-\d\s:,]*/.exec(this.src.slice(this.pos));
      const body = (m?.[0] ?? '').trim();
      this.pos += m?.[0].length ?? 0;
      if (body.includes(':')) {
        const [a, b, c] = body.split(':').map((s) => (s.trim() === '' ? undefined : Number(s.trim())));
        seg = { kind: 'slice', start: a, end: b, step: c };
      } else {
        const indexes = body.split(',').map((s) => Number(s.trim()));
        if (body === '' || indexes.some((n) => !Number.isInteger(n))) throw new JsonPathSyntaxError('Bad index');
        seg = { kind: 'index', indexes };
      }
    }
    this.skipSpaces();
    this.expect(']');
    return seg;
  }

  private parseQuoted(): string {
    const quote = this.src[this.pos];
    this.pos += 1;
    let out = '';
    while (!this.atEnd() && this.src[this.pos] !== quote) {
      if (this.src[this.pos] === '\\') this.pos += 1;
      out += this.src[this.pos] ?? '';
      this.pos += 1;
    }
    this.expect(quote ?? "'");
    return out;
  }

  private parseOr(): FilterExpr {
    let left = this.parseAnd();
    for (;;) {
      this.skipSpaces();
      if (this.src.startsWith('||', this.pos)) {
        this.pos += 2;
        left = { op: 'or', left, right: this.parseAnd() };
      } else return left;
    }
  }

  private parseAnd(): FilterExpr {
    let left = this.parseUnary();
    for (;;) {
      this.skipSpaces();
      if (this.src.startsWith('&&', this.pos)) {
        this.pos += 2;
        left = { op: 'and', left, right: this.parseUnary() };
      } else return left;
    }
  }

  private parseUnary(): FilterExpr {
    this.skipSpaces();
    if (this.src[this.pos] === '!' && this.src[this.pos + 1] !== '=') {
      this.pos += 1;
      return { op: 'not', inner: this.parseUnary() };
    }
    if (this.src[this.pos] === '(') {
      this.pos += 1;
      const inner = this.parseOr();
      this.skipSpaces();
      this.expect(')');
      return inner;
    }
    const left = this.parseOperand();
    this.skipSpaces();
    const m = /^(==|!=|<=|>=|<|>)/.exec(this.src.slice(this.pos));
    if (!m) return { op: 'exists', operand: left };
    this.pos += m[0].length;
    this.skipSpaces();
    return { op: 'cmp', cmp: m[0], left, right: this.parseOperand() };
  }

  private parseOperand(): Operand {
    this.skipSpaces();
    const ch = this.src[this.pos];
    if (ch === '@' || ch === '$') {
      this.pos += 1;
      const segments = this.parseSegments(/^\s*(==|!=|<=|>=|<|>|&&|\|\||\))/);
      return { kind: 'path', root: ch, segments };
    }
    if (ch === "'" || ch === '"') return { kind: 'literal', value: this.parseQuoted() };
    const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)/.exec(this.src.slice(this.pos));
    if (!m) throw new JsonPathSyntaxError('Bad filter operand');
    this.pos += m[0].length;
    return { kind: 'literal', value: JSON.parse(m[0]) as Json };
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ') this.pos += 1;
  }

  private expect(ch: string): void {
    if (this.src[this.pos] !== ch) throw new JsonPathSyntaxError(`Expected '${ch}'`);
    this.pos += 1;
  }
}

/** Renders a definite path the way Jayway names it in errors: `$['a']['b'][0]`. */
export function bracketNotation(tail: string): string {
  try {
    const parsed = parsePathTail(tail);
    return (
      '$' +
      parsed.segments
        .map((s) => (s.kind === 'name' ? s.names.map((n) => `['${n}']`).join('') : s.kind === 'index' ? `[${s.indexes.join(',')}]` : ''))
        .join('')
    );
  } catch {
    return `$${tail}`;
  }
}

/** Writes `value` at the definite path `tail` inside `target`, creating objects on the way. */
export function writePath(target: Json, tail: string, value: Json): Json {
  const { segments } = parsePathTail(tail);
  if (segments.length === 0) return value;
  return writeAt(target, segments, 0, value);
}

// Values are never mutated once made, so only the containers along the path are copied; the rest is shared.
function writeAt(node: Json, segments: Segment[], i: number, value: Json): Json {
  const seg = segments[i] as Segment;
  const last = i === segments.length - 1;
  if (seg.kind === 'name' && seg.names.length === 1 && isJsonObject(node)) {
    const key = seg.names[0] as string;
    const child = node[key];
    const next = last ? value : writeAt(isJsonObject(child) || Array.isArray(child) ? child : {}, segments, i + 1, value);
    return { ...node, [key]: next };
  }
  if (seg.kind === 'index' && seg.indexes.length === 1 && Array.isArray(node)) {
    const idx = seg.indexes[0] as number;
    if (idx < 0 || idx >= node.length) throw new JsonPathSyntaxError('Index out of range');
    const copy = [...node];
    copy[idx] = last ? value : writeAt(node[idx] as Json, segments, i + 1, value);
    return copy;
  }
  throw new JsonPathSyntaxError('Cannot write to this path');
}
