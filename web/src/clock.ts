// The server's clock as the browser sees it: the local runtime's clock may be virtual, and countdowns follow it.
import { monthOf } from '../../domain/zeroing/months.js';
import { appConfig } from './config.js';

let offsetMs = 0;
// Screens that load at once share one question to the clock rather than each asking it.
let asking: Promise<void> | undefined;

/** Learns how far the server's clock is from this browser's (locally, from /_local/clock; in AWS they agree). */
export function syncClock(): Promise<void> {
  asking ??= (async () => {
    if ((await appConfig()).mode !== 'local') return;
    const response = await fetch('/_local/clock');
    if (!response.ok) return;
    const { now } = (await response.json()) as { now: string };
    offsetMs = Date.parse(now) - Date.now();
  })().finally(() => {
    asking = undefined;
  });
  return asking;
}

/** Now, by the server's clock. */
export const serverNow = (): Date => new Date(Date.now() + offsetMs);

/** The running month in Beijing time (`YYYY-MM`) by the server's clock, asked of the server first. */
export async function runningMonth(): Promise<string> {
  await syncClock();
  return monthOf(serverNow());
}
