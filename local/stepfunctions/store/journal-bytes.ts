// Where a journal's bytes live: a file (durable) or memory (tests and the in-memory engine).
import { closeSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

export interface JournalBytes {
  readonly length: number;
  /** Appends text as UTF-8; returns where it starts and its byte length. Once it returns, the OS has it (survives kill -9). */
  append(text: string): { at: number; len: number };
  /** Copies `len` bytes at `at` into `into`. */
  read(into: Buffer, len: number, at: number): void;
  truncate(length: number): void;
  /** Forces written bytes to stable storage (power loss). */
  sync(): void;
  close(): void;
}

/** A journal file, opened for appending at its end. */
export class FileBytes implements JournalBytes {
  private readonly fd: number;
  length: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    this.length = fstatSync(this.fd).size;
  }

  append(text: string): { at: number; len: number } {
    const data = Buffer.from(text);
    const at = this.length;
    let written = 0;
    while (written < data.length) written += writeSync(this.fd, data, written, data.length - written, at + written);
    this.length += data.length;
    return { at, len: data.length };
  }

  read(into: Buffer, len: number, at: number): void {
    let read = 0;
    while (read < len) {
      const n = readSync(this.fd, into, read, len - read, at + read);
      if (n === 0) throw new Error(`${this.path}: short read at byte ${at}`);
      read += n;
    }
  }

  truncate(length: number): void {
    ftruncateSync(this.fd, length);
    this.length = length;
  }

  sync(): void {
    fdatasyncSync(this.fd);
  }

  close(): void {
    fdatasyncSync(this.fd);
    closeSync(this.fd);
  }
}

/**
 * A journal in memory for engines that need not survive a restart: each line stays the string it was
 * written as (no encoding, nothing for the garbage collector to trace inside), addressed by its index.
 */
export class MemoryLines implements JournalBytes {
  private readonly lines: string[] = [];

  get length(): number {
    return this.lines.length;
  }

  append(text: string): { at: number; len: number } {
    this.lines.push(text);
    return { at: this.lines.length - 1, len: text.length };
  }

  readText(at: number): string {
    const line = this.lines[at];
    if (line === undefined) throw new Error(`memory journal: no line ${at}`);
    return line;
  }

  read(): void {
    throw new Error('a memory journal is read by line, not by byte');
  }

  truncate(length: number): void {
    this.lines.length = length;
  }

  sync(): void {}
  close(): void {}
}
