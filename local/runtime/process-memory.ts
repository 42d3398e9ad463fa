// A process's memory as Linux reports it in /proc: what the benches and the simulator's report show per process.
import { readFileSync } from 'node:fs';

/** A process's resident memory now (VmRSS) or at its peak (VmHWM), in bytes; undefined where /proc cannot tell. */
export function vm(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}
