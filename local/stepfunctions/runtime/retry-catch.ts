// Retry and Catch matching: which retrier or catcher handles an error, and the back-off delay.
import { isJsonObject, type Json, type JsonObject } from '../json.js';
import type { StateDefinition } from '../model.js';

/** AWS wildcard rules: States.ALL matches everything, States.TaskFailed everything but States.Timeout. */
export function errorMatches(errorEquals: Json | undefined, error: string): boolean {
  if (!Array.isArray(errorEquals)) return false;
  return errorEquals.some((e) => e === error || e === 'States.ALL' || (e === 'States.TaskFailed' && error !== 'States.Timeout'));
}

export interface RetryDecision {
  retrierIndex: number;
  delayMs: number;
}

/**
 * The first retrier whose ErrorEquals matches decides: it retries while it has attempts left; once spent,
 * the error goes to Catch (later retriers are not consulted).
 */
export function decideRetry(state: StateDefinition, error: string, attempts: number[], random: () => number): RetryDecision | undefined {
  const retriers = Array.isArray(state.Retry) ? state.Retry : [];
  for (let i = 0; i < retriers.length; i += 1) {
    const r = retriers[i];
    if (!isJsonObject(r) || !errorMatches(r.ErrorEquals, error)) continue;
    const maxAttempts = typeof r.MaxAttempts === 'number' ? r.MaxAttempts : 3;
    const used = attempts[i] ?? 0;
    if (used >= maxAttempts) return undefined;
    return { retrierIndex: i, delayMs: retryDelayMs(r, used, random) };
  }
  return undefined;
}

/** IntervalSeconds × BackoffRate^attempt, capped by MaxDelaySeconds, optionally with FULL jitter. */
export function retryDelayMs(retrier: JsonObject, attempt: number, random: () => number): number {
  const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
  const rate = typeof retrier.BackoffRate === 'number' ? retrier.BackoffRate : 2;
  let seconds = interval * Math.pow(rate, attempt);
  if (typeof retrier.MaxDelaySeconds === 'number') seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = seconds * random();
  return Math.round(seconds * 1000);
}

/** The first catcher whose ErrorEquals matches. */
export function findCatcher(state: StateDefinition, error: string): JsonObject | undefined {
  const catchers = Array.isArray(state.Catch) ? state.Catch : [];
  for (const c of catchers) if (isJsonObject(c) && errorMatches(c.ErrorEquals, error)) return c;
  return undefined;
}
