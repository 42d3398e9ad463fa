// The local EventBridge Scheduler: fires the manifest's cron schedules on the runtime's clock.
import type { ScheduleSpec } from '../../infra/manifest-types.js';
import { type CronSchedule, nextFire, parseCron } from '../scheduler/cron.js';

interface Entry {
  spec: ScheduleSpec;
  cron: CronSchedule;
  next: Date | undefined;
}

/** Keeps the next fire time of every schedule; `fireDue` runs the targets whose time has come, in order. */
export class Scheduler {
  private readonly entries: Entry[];
  private realTimer: NodeJS.Timeout | undefined;
  fired = 0;

  constructor(
    specs: readonly ScheduleSpec[],
    now: Date,
    private readonly fire: (spec: ScheduleSpec, at: Date) => Promise<void>,
  ) {
    this.entries = specs.map((spec) => {
      const cron = parseCron(spec.cron);
      return { spec, cron, next: nextFire(cron, now) };
    });
  }

  /** The earliest upcoming fire time. */
  nextDueAt(): Date | undefined {
    let best: Date | undefined;
    for (const e of this.entries) if (e.next && (!best || e.next < best)) best = e.next;
    return best;
  }

  /** Fires every schedule due at or before `now` (each at most once per due time). */
  async fireDue(now: Date): Promise<void> {
    for (;;) {
      const due = this.entries.filter((e) => e.next && e.next <= now).sort((a, b) => (a.next as Date).getTime() - (b.next as Date).getTime())[0];
      if (!due || !due.next) return;
      const at = due.next;
      due.next = nextFire(due.cron, at);
      this.fired += 1;
      await this.fire(due.spec, at);
    }
  }

  /** With the real clock: one timer for the earliest fire time, re-armed after each fire. */
  runOnRealClock(now: () => Date): void {
    const arm = () => {
      const next = this.nextDueAt();
      if (!next) return;
      const delay = Math.min(Math.max(0, next.getTime() - now().getTime()), 2 ** 31 - 1);
      this.realTimer = setTimeout(() => void this.fireDue(now()).finally(arm), delay);
      this.realTimer.unref();
    };
    arm();
  }

  stop(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
  }
}
