// Time source of the engine: the real clock in production, a virtual clock that tests advance by hand.

/** Anything that can tell the current time. */
export interface Clock {
  now(): Date;
}

/** What a virtual clock drives: the engine exposes its earliest timer and lets the clock fire due ones. */
export interface TimerTarget {
  /** Due time of the earliest pending timer, if any. */
  nextDueAt(): Date | undefined;
  /** Fires every timer due at or before `now`, then runs until idle. */
  fireDue(now: Date): Promise<void>;
  /** Resolves once no runnable work is left. */
  idle(): Promise<void>;
}

/** Wall-clock time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to; advancing fires the engine's due timers in time order. */
export class VirtualClock implements Clock {
  private current: number;
  private readonly targets: TimerTarget[] = [];

  constructor(start: Date | string | number = '2024-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Called by the engine so the clock can fire its timers. */
  attach(target: TimerTarget): void {
    this.targets.push(target);
  }

  /** Moves time forward by `ms`, firing due timers in order; resolves when the engine is idle. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(new Date(this.current + ms));
  }

  /** Moves time to `date` (never backwards), firing due timers in order; resolves when idle. */
  async advanceTo(date: Date): Promise<void> {
    const target = date.getTime();
    await this.idle();
    for (;;) {
      const due = this.earliestDue();
      if (due === undefined || due > target) break;
      this.current = Math.max(this.current, due);
      for (const t of this.targets) await t.fireDue(new Date(this.current));
      await this.idle();
    }
    // Idle already after the last thing fired, and nothing falls due before the target: moving there runs nothing.
    this.current = Math.max(this.current, target);
  }

  /** Advances to the earliest pending timer, if any; returns false when none is pending. */
  async advanceToNextTimer(): Promise<boolean> {
    await this.idle();
    const due = this.earliestDue();
    if (due === undefined) return false;
    await this.advanceTo(new Date(Math.max(due, this.current)));
    return true;
  }

  /** Resolves once every attached engine has no runnable work left. */
  async idle(): Promise<void> {
    for (const t of this.targets) await t.idle();
  }

  private earliestDue(): number | undefined {
    let best: number | undefined;
    for (const t of this.targets) {
      const d = t.nextDueAt()?.getTime();
      if (d !== undefined && (best === undefined || d < best)) best = d;
    }
    return best;
  }
}

/** Narrowing helper: engines attach themselves to clocks that accept timer targets. */
export function isAttachableClock(clock: Clock): clock is Clock & { attach(target: TimerTarget): void } {
  return typeof (clock as { attach?: unknown }).attach === 'function';
}
