// Durable Store: an append-only journal with an in-memory index; executions are read back from disk on demand.
import { createHash } from 'node:crypto';
import { closeSync, fdatasyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:zlib';
import type { ExecutionRecord, HistoryEvent, StateMachineRecord, TaskTokenRecord, TimerRecord } from '../model.js';
import { decodeBody, encodeBody } from './journal-body.js';
import { FileBytes } from './journal-file.js';
import { type ExecutionSummary, type Store, type StepWrite, needsResume, summarize } from './store.js';

/**
 * Journal lines are `<tag>\t<key>\t<header>\t<body>\n`. The header is small JSON read at startup; the body
 * (an execution record and its history) is parsed only when somebody asks for it.
 *   M  a state machine (header = record)        m  a deleted state machine
 *   D  a definition, stored once by hash         S  one engine step (header: summary, timers, tokens)
 * A step's body is deflated (journal-body.ts): a waiting ticket's record and history repeat the ticket several times.
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
  /** Step lines of this execution in the journal: one means it is already as compact as it gets. */
  lines: number;
}

export interface JournalStoreOptions {
  /** fdatasync after every step: survives power loss, not just a killed process. Slower. */
  syncEveryStep?: boolean;
  /** Parsed executions kept in memory. */
  cacheSize?: number;
  /**
   * Compact in the background once the journal is this big (bytes) and holds a quarter more step lines than
   * executions. 64 MB unless given.
   */
  compactAfterBytes?: number;
}

// Step lines per execution past which a journal over `compactAfterBytes` is compacted. Executions already on one line
// are copied byte for byte, so a compaction costs about a read and a write of the journal: often is affordable, and
// keeps a waiting execution near its compacted size (its line, and a quarter of a step line on average at most).
const COMPACT_AT_LINES_PER_EXECUTION = 1.25;

/** A compaction under way: executions copied a batch at a time into the next journal, between steps. */
interface Compaction {
  fd: number;
  path: string;
  size: number;
  /** The executions there were when it began, and how far the copying is. */
  queue: string[];
  next: number;
  queued: Set<string>;
  copied: Set<string>;
  /** Step lines written to the old journal since their execution was copied (or of executions begun since). */
  tail: { at: number; len: number }[];
}

// Executions copied per turn of the event loop: small enough that steps in between wait a few milliseconds only
// (rebuilding an execution's line takes about half a millisecond; copying one already compact, far less).
const COMPACTION_BATCH = 50;

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
  /** Each execution's live timer ids and task tokens, for its line in a compacted journal. */
  private readonly execTimers = new Map<string, Set<string>>();
  private readonly execTokens = new Map<string, Set<string>>();
  private compaction: Compaction | undefined;
  /** After a compaction failed, the step line count before which none is tried again. */
  private compactionPausedUntil = 0;

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

  private get compactAfterBytes(): number {
    return this.options.compactAfterBytes ?? 64 * 1024 * 1024;
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
    const { at, len } = this.append('S', exec.executionArn, JSON.stringify(header), encodeBody(JSON.stringify(body)));
    this.applyStep(exec.executionArn, header, at, len);
    this.remember(exec);
    const compaction = this.compaction;
    if (compaction && (compaction.copied.has(exec.executionArn) || !compaction.queued.has(exec.executionArn))) compaction.tail.push({ at, len });
    else if (!compaction && this.wantsCompaction()) {
      // The step is written and stands whatever becomes of the compaction.
      try {
        this.startCompaction(true);
      } catch (error) {
        console.error(`journal ${this.path}: compaction not started: ${(error as Error).message}`);
        this.pauseCompaction();
      }
    }
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
    // A compaction cut short leaves the journal as it was: its half-written copy is dropped.
    if (this.compaction) this.abandonCompaction(this.compaction);
    this.bytes.close();
  }

  /** Journal size and contents, for operators and benchmarks. */
  stats(): { bytes: number; stepLines: number; executions: number; timers: number; compacting: boolean } {
    return { bytes: this.bytes.length, stepLines: this.stepLines, executions: this.index.size, timers: this.timers.size, compacting: this.compaction !== undefined };
  }

  /** Resolves when no compaction is under way (for tests and benchmarks). */
  async compacted(): Promise<void> {
    while (this.compaction) await new Promise((resolve) => setImmediate(resolve));
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
    this.index.set(arn, { summary: header.s, resume: header.r, at, len, history, lines: (previous?.lines ?? 0) + 1 });
    for (const id of header.td) {
      this.timers.delete(id);
      this.execTimers.get(arn)?.delete(id);
    }
    for (const t of header.tp) {
      this.timers.set(t.id, t);
      owned(this.execTimers, arn).add(t.id);
    }
    for (const token of header.kd) {
      this.tokens.delete(token);
      this.execTokens.get(arn)?.delete(token);
    }
    for (const r of header.kp) {
      this.tokens.set(r.token, r);
      owned(this.execTokens, arn).add(r.token);
    }
  }

  /** Writes one line; returns where it starts and how long it is. A killed process keeps what write() returned. */
  private append(tag: string, key: string, header: string, body: string | Buffer): { at: number; len: number } {
    const written = this.bytes.append(line(tag, key, header, body));
    if (this.options.syncEveryStep) this.bytes.sync();
    return written;
  }

  private readLine(at: number, len: number): Buffer {
    const buffer = Buffer.allocUnsafe(len);
    this.bytes.read(buffer, len, at);
    return buffer;
  }

  private readBody(at: number, len: number): StepBody {
    const bytes = this.readLine(at, len);
    const start = nthTab(bytes, 3) + 1;
    return JSON.parse(decodeBody(bytes.subarray(start, bytes.length - 1))) as StepBody;
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

  /** Rewrites the journal at once with only what is live: one line per execution carrying its whole history. */
  compact(): void {
    const compaction = this.compaction ?? this.startCompaction(false);
    while (!this.copySome(compaction, Infinity));
    this.writeRest(compaction);
    this.swapIn(compaction);
  }

  /**
   * Begins a compaction into `journal.log.compact`. In the background, the executions are copied a batch at a time
   * between steps; steps meanwhile go on being written to the journal, and those of executions already copied are
   * copied again at the end, as they were written. Only then does the copy replace the journal, by a rename: a crash
   * at any moment before leaves the journal whole.
   */
  private startCompaction(background: boolean): Compaction {
    const path = `${this.path}.compact`;
    const queue = [...this.index.keys()];
    const compaction: Compaction = { fd: openSync(path, 'w'), path, size: 0, queue, next: 0, queued: new Set(queue), copied: new Set(), tail: [] };
    this.compaction = compaction;
    if (background) {
      const turn = () => {
        if (this.compaction !== compaction) return;
        let done: boolean;
        try {
          done = this.copySome(compaction, COMPACTION_BATCH);
          if (done) this.writeRest(compaction);
        } catch (error) {
          // A full disk, say: the journal is untouched, so the engine goes on with it; the next step may try again.
          console.error(`journal ${this.path}: compaction abandoned: ${(error as Error).message}`);
          this.abandonCompaction(compaction);
          this.pauseCompaction();
          return;
        }
        if (done) this.swapIn(compaction);
        else setImmediate(turn);
      };
      setImmediate(turn);
    }
    return compaction;
  }

  private wantsCompaction(): boolean {
    return this.bytes.length > this.compactAfterBytes && this.stepLines > COMPACT_AT_LINES_PER_EXECUTION * this.index.size && this.stepLines >= this.compactionPausedUntil;
  }

  /** After a failure, waits for as many new step lines as there are executions (at least 1,000) before trying again. */
  private pauseCompaction(): void {
    this.compactionPausedUntil = this.stepLines + Math.max(1000, this.index.size);
  }

  /** Drops a compaction under way and its half-written copy; the journal is as it was. */
  private abandonCompaction(compaction: Compaction): void {
    this.compaction = undefined;
    try {
      closeSync(compaction.fd);
    } finally {
      rmSync(compaction.path, { force: true });
    }
  }

  /** Copies up to `count` executions as one line each; true when every execution of the queue is copied. */
  private copySome(compaction: Compaction, count: number): boolean {
    const end = Math.min(compaction.queue.length, compaction.next + count);
    for (; compaction.next < end; compaction.next++) {
      const arn = compaction.queue[compaction.next] as string;
      const entry = this.index.get(arn);
      if (!entry) continue;
      compaction.copied.add(arn);
      // One line already holds the execution whole (its record, history, timers and tokens): copied as it is.
      if (entry.lines === 1) {
        this.writeCompacted(compaction, this.readLine(entry.at, entry.len));
        continue;
      }
      const latest = this.readBody(entry.at, entry.len);
      const events: HistoryEvent[] = [];
      for (let i = 0; i < entry.history.length; i += 2) events.push(...this.readBody(entry.history[i] as number, entry.history[i + 1] as number).e);
      const header: StepHeader = {
        s: entry.summary,
        r: entry.resume,
        tp: [...(this.execTimers.get(arn) ?? [])].map((id) => this.timers.get(id) as TimerRecord),
        td: [],
        kp: [...(this.execTokens.get(arn) ?? [])].map((token) => this.tokens.get(token) as TaskTokenRecord),
        kd: [],
        n: events.length,
      };
      // Written once and read rarely: worth the better compression.
      const body = encodeBody(JSON.stringify({ x: latest.x, e: events } satisfies StepBody), constants.Z_DEFAULT_COMPRESSION);
      this.writeCompacted(compaction, line('S', arn, JSON.stringify(header), body));
    }
    return compaction.next >= compaction.queue.length;
  }

  /** The steps written meanwhile, and the definitions and machines as they are now, to the copy, on disk. */
  private writeRest(compaction: Compaction): void {
    for (const { at, len } of compaction.tail) this.writeCompacted(compaction, this.readLine(at, len));
    for (const [ref, text] of this.definitions) this.writeCompacted(compaction, line('D', ref, '', JSON.stringify(text)));
    for (const m of this.machines.values()) this.writeCompacted(compaction, line('M', m.stateMachineArn, JSON.stringify(m), ''));
    fdatasyncSync(compaction.fd);
  }

  /** The copy becomes the journal (a rename: all or nothing), and its headers are read as a restart would. */
  private swapIn(compaction: Compaction): void {
    closeSync(compaction.fd);
    this.compaction = undefined;
    this.bytes.close();
    renameSync(compaction.path, this.path);
    this.bytes = new FileBytes(this.path);
    // The index, timers and tokens read again from the new journal, as a restart would (headers only).
    this.index.clear();
    this.timers.clear();
    this.tokens.clear();
    this.execTimers.clear();
    this.execTokens.clear();
    this.stepLines = 0;
    this.replay();
  }

  private writeCompacted(compaction: Compaction, bytes: Buffer): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(compaction.fd, bytes, written, bytes.length - written, compaction.size + written);
    compaction.size += bytes.length;
  }
}

/** One journal line: tag, key, header and body separated by tabs, ended by a newline. */
function line(tag: string, key: string, header: string, body: string | Buffer): Buffer {
  const head = Buffer.from(`${tag}\t${key}\t${header}\t`, 'utf8');
  const tail = typeof body === 'string' ? Buffer.from(`${body}\n`, 'utf8') : Buffer.concat([body, NEWLINE]);
  return Buffer.concat([head, tail]);
}

const NEWLINE = Buffer.from('\n');

function owned(map: Map<string, Set<string>>, arn: string): Set<string> {
  let set = map.get(arn);
  if (!set) map.set(arn, (set = new Set()));
  return set;
}

function nthTab(bytes: Buffer, n: number): number {
  let i = -1;
  for (let k = 0; k < n; k++) i = bytes.indexOf(9, i + 1);
  return i;
}
