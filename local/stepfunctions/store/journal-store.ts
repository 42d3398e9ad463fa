// Durable Store: an append-only journal with an in-memory index; executions are read back from disk on demand.
import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutionRecord, HistoryEvent, StateMachineRecord, TaskTokenRecord, TimerRecord } from '../model.js';
import { FileBytes } from './journal-file.js';
import { type ExecutionSummary, type Store, type StepWrite, needsResume, summarize } from './store.js';

/**
 * Journal lines are `<tag>\t<key>\t<header>\t<body>\n`. The header is small JSON read at startup; the body
 * (an execution record and its history) is parsed only when somebody asks for it.
 *   M  a state machine (header = record)        m  a deleted state machine
 *   D  a definition, stored once by hash         S  one engine step (header: summary, timers, tokens)
 */
interface StepHeader {
  s: ExecutionSummary;
  /** The execution had work in hand when this step was written. */
  r: boolean;
  tp: TimerRecord[];
  td: string[];
  kp: TaskTokenRecord[];
  kd: string[];
  /** Number of history events in the body. */
  n: number;
}

interface StepBody {
  x: Omit<ExecutionRecord, 'definition'> & { definitionRef: string };
  e: HistoryEvent[];
}

interface IndexEntry {
  summary: ExecutionSummary;
  resume: boolean;
  /** Offset and length of the latest step line. */
  at: number;
  len: number;
  /** Offset/length pairs of the step lines that carry history events, in order. */
  history: number[];
}

export interface JournalStoreOptions {
  /** fdatasync after every step: survives power loss, not just a killed process. Slower. */
  syncEveryStep?: boolean;
  /** Parsed executions kept in memory. */
  cacheSize?: number;
}

const JOURNAL = 'journal.log';

/** Opens (or creates) the journal in `dir`, replaying it into the index. */
export function openJournalStore(dir: string, options: JournalStoreOptions = {}): JournalStore {
  mkdirSync(dir, { recursive: true });
  return new JournalStore(new FileBytes(join(dir, JOURNAL)), options);
}

export class JournalStore implements Store {
  private bytes: FileBytes;
  private readonly machines = new Map<string, StateMachineRecord>();
  private readonly definitions = new Map<string, string>();
  private readonly refs = new Map<string, string>();
  private readonly index = new Map<string, IndexEntry>();
  private readonly timers = new Map<string, TimerRecord>();
  private readonly tokens = new Map<string, TaskTokenRecord>();
  private readonly cache = new Map<string, ExecutionRecord>();
  private readonly cacheSize: number;
  private stepLines = 0;

  constructor(
    bytes: FileBytes,
    private readonly options: JournalStoreOptions,
  ) {
    this.bytes = bytes;
    this.cacheSize = options.cacheSize ?? 5_000;
    this.replay();
    // Many step lines per execution means most bytes are superseded copies: rewrite once at start.
    if (this.bytes.length > 16 * 1024 * 1024 && this.stepLines > 4 * this.index.size) this.compact();
  }

  private get path(): string {
    return this.bytes.path;
  }

  // ---- state machines ----

  async putStateMachine(record: StateMachineRecord): Promise<void> {
    this.append('M', record.stateMachineArn, JSON.stringify(record), '');
    this.machines.set(record.stateMachineArn, record);
  }
  async getStateMachine(arn: string): Promise<StateMachineRecord | undefined> {
    return this.machines.get(arn);
  }
  async listStateMachines(): Promise<StateMachineRecord[]> {
    return [...this.machines.values()];
  }
  async deleteStateMachine(arn: string): Promise<void> {
    this.append('m', arn, '', '');
    this.machines.delete(arn);
  }

  // ---- executions ----

  async commit(step: StepWrite): Promise<void> {
    const exec = step.execution;
    const ref = this.definitionRef(exec.definition);
    const { definition: _definition, ...rest } = exec;
    const header: StepHeader = {
      s: summarize(exec),
      r: needsResume(exec),
      tp: [...step.timerPuts],
      td: [...step.timerDeletes],
      kp: [...step.tokenPuts],
      kd: [...step.tokenDeletes],
      n: step.events.length,
    };
    const body: StepBody = { x: { ...rest, definitionRef: ref }, e: [...step.events] };
    const { at, len } = this.append('S', exec.executionArn, JSON.stringify(header), JSON.stringify(body));
    this.applyStep(exec.executionArn, header, at, len);
    this.remember(exec);
  }

  async getExecution(arn: string): Promise<ExecutionRecord | undefined> {
    const cached = this.cache.get(arn);
    if (cached) return cached;
    const entry = this.index.get(arn);
    if (!entry) return undefined;
    const exec = this.toRecord(this.readBody(entry.at, entry.len).x);
    this.remember(exec);
    return exec;
  }

  async listExecutions(stateMachineArn: string): Promise<ExecutionSummary[]> {
    const out: ExecutionSummary[] = [];
    for (const entry of this.index.values()) if (entry.summary.stateMachineArn === stateMachineArn) out.push(entry.summary);
    return out;
  }

  async listExecutionsToResume(): Promise<ExecutionRecord[]> {
    const out: ExecutionRecord[] = [];
    for (const [arn, entry] of this.index) {
      if (!entry.resume) continue;
      const exec = await this.getExecution(arn);
      if (exec) out.push(exec);
    }
    return out;
  }

  async getHistory(executionArn: string): Promise<HistoryEvent[]> {
    const entry = this.index.get(executionArn);
    if (!entry) return [];
    const events: HistoryEvent[] = [];
    for (let i = 0; i < entry.history.length; i += 2) {
      events.push(...this.readBody(entry.history[i] as number, entry.history[i + 1] as number).e);
    }
    return events;
  }

  async listTimers(): Promise<TimerRecord[]> {
    return [...this.timers.values()];
  }

  async getTaskToken(token: string): Promise<TaskTokenRecord | undefined> {
    return this.tokens.get(token);
  }

  async close(): Promise<void> {
    this.bytes.close();
  }

  /** Journal size and contents, for operators and benchmarks. */
  stats(): { bytes: number; stepLines: number; executions: number; timers: number } {
    return { bytes: this.bytes.length, stepLines: this.stepLines, executions: this.index.size, timers: this.timers.size };
  }

  // ---- internals ----

  private definitionRef(definition: string): string {
    let ref = this.refs.get(definition);
    if (ref === undefined) {
      ref = createHash('sha256').update(definition).digest('base64url').slice(0, 22);
      if (!this.definitions.has(ref)) {
        this.append('D', ref, '', JSON.stringify(definition));
        this.definitions.set(ref, definition);
      }
      this.refs.set(definition, ref);
    }
    return ref;
  }

  private toRecord(x: StepBody['x']): ExecutionRecord {
    const { definitionRef, ...rest } = x;
    const definition = this.definitions.get(definitionRef);
    if (definition === undefined) throw new Error(`journal ${this.path}: definition ${definitionRef} is missing`);
    return { ...rest, definition };
  }

  private remember(exec: ExecutionRecord): void {
    this.cache.delete(exec.executionArn);
    this.cache.set(exec.executionArn, exec);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  private applyStep(key: string, header: StepHeader, at: number, len: number): void {
    const previous = this.index.get(key);
    // One string instance per execution ARN, however many records mention it.
    const arn = previous?.summary.executionArn ?? key;
    header.s.executionArn = arn;
    header.s.stateMachineArn = this.machines.get(header.s.stateMachineArn)?.stateMachineArn ?? header.s.stateMachineArn;
    for (const t of header.tp) t.executionArn = arn;
    for (const r of header.kp) r.executionArn = arn;
    const history = previous?.history ?? [];
    if (header.n > 0) history.push(at, len);
    this.stepLines += 1;
    this.index.set(arn, { summary: header.s, resume: header.r, at, len, history });
    for (const id of header.td) this.timers.delete(id);
    for (const t of header.tp) this.timers.set(t.id, t);
    for (const token of header.kd) this.tokens.delete(token);
    for (const r of header.kp) this.tokens.set(r.token, r);
  }

  /** Writes one line; returns where it starts and how long it is. A killed process keeps what write() returned. */
  private append(tag: string, key: string, header: string, body: string): { at: number; len: number } {
    const written = this.bytes.append(`${tag}\t${key}\t${header}\t${body}\n`);
    if (this.options.syncEveryStep) this.bytes.sync();
    return written;
  }

  private readLine(at: number, len: number): string {
    const buffer = Buffer.allocUnsafe(len);
    this.bytes.read(buffer, len, at);
    return buffer.toString('utf8');
  }

  private readBody(at: number, len: number): StepBody {
    const line = this.readLine(at, len);
    const start = nthTab(line, 3) + 1;
    return JSON.parse(line.slice(start, line.length - 1)) as StepBody;
  }

  /** Rebuilds the index from the journal; a torn last line (a write cut off by a crash) is cut away. */
  private replay(): void {
    const total = this.bytes.length;
    const chunk = Buffer.allocUnsafe(8 * 1024 * 1024);
    let pending: Buffer = Buffer.alloc(0);
    let offset = 0;
    let good = 0;
    while (offset < total) {
      const n = Math.min(chunk.length, total - offset);
      this.bytes.read(chunk, n, offset);
      offset += n;
      const data = pending.length > 0 ? Buffer.concat([pending, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        const len = nl - start + 1;
        // A complete line that does not parse is damage, not a torn write: refuse rather than drop data.
        if (!this.replayLine(data, start, nl, good, len)) {
          throw new Error(`journal ${this.path} is damaged at byte ${good}; move it aside to start empty`);
        }
        good += len;
        start = nl + 1;
      }
      pending = Buffer.from(data.subarray(start));
    }
    if (good < total) this.bytes.truncate(good);
  }

  /**
   * Applies one journal line, decoding only its tag, key and header: the body stays on disk. Decoding
   * from the buffer (not slicing a decoded line) keeps every retained string its own small copy.
   */
  private replayLine(data: Buffer, start: number, end: number, at: number, len: number): boolean {
    const t1 = data.indexOf(9, start);
    const t2 = t1 < 0 ? -1 : data.indexOf(9, t1 + 1);
    const t3 = t2 < 0 ? -1 : data.indexOf(9, t2 + 1);
    if (t1 < 0 || t2 < 0 || t3 < 0 || t3 > end) return false;
    const tag = data.toString('latin1', start, t1);
    const key = data.toString('utf8', t1 + 1, t2);
    try {
      if (tag === 'S') this.applyStep(key, JSON.parse(data.toString('utf8', t2 + 1, t3)) as StepHeader, at, len);
      else if (tag === 'M') this.machines.set(key, JSON.parse(data.toString('utf8', t2 + 1, t3)) as StateMachineRecord);
      else if (tag === 'm') this.machines.delete(key);
      else if (tag === 'D') {
        const text = JSON.parse(data.toString('utf8', t3 + 1, end)) as string;
        this.definitions.set(key, text);
        this.refs.set(text, key);
      } else return false;
    } catch {
      return false;
    }
    return true;
  }

  /** Rewrites the journal with only what is live: one line per execution carrying its whole history. */
  compact(): void {
    const next = `${this.path}.compact`;
    const fd = openSync(next, 'w');
    let size = 0;
    const write = (text: string) => {
      const buffer = Buffer.from(text);
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, size + written);
      const at = size;
      size += buffer.length;
      return { at, len: buffer.length };
    };
    for (const [ref, text] of this.definitions) write(`D\t${ref}\t\t${JSON.stringify(text)}\n`);
    for (const m of this.machines.values()) write(`M\t${m.stateMachineArn}\t${JSON.stringify(m)}\t\n`);
    const timersByExec = groupBy(this.timers.values(), (t) => t.executionArn);
    const tokensByExec = groupBy(this.tokens.values(), (t) => t.executionArn);
    const entries = new Map<string, IndexEntry>();
    for (const [arn, entry] of this.index) {
      const latest = this.readBody(entry.at, entry.len);
      const events = (() => {
        const all: HistoryEvent[] = [];
        for (let i = 0; i < entry.history.length; i += 2) all.push(...this.readBody(entry.history[i] as number, entry.history[i + 1] as number).e);
        return all;
      })();
      const header: StepHeader = {
        s: entry.summary,
        r: entry.resume,
        tp: timersByExec.get(arn) ?? [],
        td: [],
        kp: tokensByExec.get(arn) ?? [],
        kd: [],
        n: events.length,
      };
      const body: StepBody = { x: latest.x, e: events };
      const { at, len } = write(`S\t${arn}\t${JSON.stringify(header)}\t${JSON.stringify(body)}\n`);
      entries.set(arn, { summary: entry.summary, resume: entry.resume, at, len, history: events.length > 0 ? [at, len] : [] });
    }
    fdatasyncSync(fd);
    closeSync(fd);
    this.bytes.close();
    renameSync(next, this.path);
    this.bytes = new FileBytes(this.path);
    this.stepLines = entries.size;
    this.index.clear();
    for (const [arn, e] of entries) this.index.set(arn, e);
  }
}

function nthTab(line: string, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) i = line.indexOf('\t', i + 1);
  return i;
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
