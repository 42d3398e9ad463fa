// The clock handlers read: real time in AWS; the local runtime points it at its own (possibly virtual) clock.
let current: () => Date = () => new Date();

/** Now, by the process's clock. */
export function now(): Date {
  return current();
}

/** Used by the local runtime only, so handlers share the virtual clock the engine runs on. */
export function useClock(clock: () => Date): void {
  current = clock;
}
