// Pending timers ordered by due time: a binary heap, so 300,000 waiting executions cost O(log n) per timer.
import type { TimerRecord } from '../model.js';

interface Entry {
  due: number;
  id: string;
}

export class TimerQueue {
  private readonly heap: Entry[] = [];
  private readonly byId = new Map<string, TimerRecord>();

  get size(): number {
    return this.byId.size;
  }

  /** Adds or replaces a timer. */
  put(timer: TimerRecord): void {
    this.byId.set(timer.id, timer);
    this.push({ due: Date.parse(timer.dueAt), id: timer.id });
  }

  /** Forgets a timer; its heap entry is skipped when it surfaces. */
  delete(id: string): void {
    this.byId.delete(id);
  }

  /** Due time of the earliest live timer. */
  nextDue(): number | undefined {
    this.dropStale();
    return this.heap[0]?.due;
  }

  /** Removes and returns every timer due at or before `now`, earliest first. */
  takeDue(now: number): TimerRecord[] {
    const due: TimerRecord[] = [];
    for (;;) {
      this.dropStale();
      const top = this.heap[0];
      if (!top || top.due > now) return due;
      this.pop();
      const timer = this.byId.get(top.id);
      if (timer) {
        this.byId.delete(top.id);
        due.push(timer);
      }
    }
  }

  private dropStale(): void {
    for (;;) {
      const top = this.heap[0];
      const live = top && this.byId.get(top.id);
      if (!top || (live && Date.parse(live.dueAt) === top.due)) return;
      this.pop();
    }
  }

  private push(entry: Entry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (less(h[parent] as Entry, entry)) break;
      h[i] = h[parent] as Entry;
      i = parent;
    }
    h[i] = entry;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && less(h[r] as Entry, h[l] as Entry) ? r : l;
      if (less(last, h[c] as Entry)) break;
      h[i] = h[c] as Entry;
      i = c;
    }
    h[i] = last;
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.due < b.due || (a.due === b.due && a.id < b.id);
}
