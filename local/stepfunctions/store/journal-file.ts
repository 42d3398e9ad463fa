// The bytes of a journal file: appends that survive kill -9 once they return, reads by offset.
import { closeSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

/** A journal file, opened for appending at its end. */
export class FileBytes {
  private readonly fd: number;
  length: number;

  constructor(readonly path: string) {
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    this.length = fstatSync(this.fd).size;
  }

  /** Appends bytes (text as UTF-8); returns where they start and their length. Once it returns, the OS has them. */
  append(text: string | Buffer): { at: number; len: number } {
    const data = typeof text === 'string' ? Buffer.from(text) : text;
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
