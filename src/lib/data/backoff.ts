// Retry delays for replication: exponential with jitter, capped, reset after success.

export const BACKOFF = { initialMs: 1_000, maxMs: 60_000, factor: 2 } as const;

/** PouchDB's back_off_function contract: given the last delay (0 at first), return the next. */
export function nextDelay(previousMs: number, random: () => number = Math.random): number {
  const base =
    previousMs <= 0 ? BACKOFF.initialMs : Math.min(previousMs * BACKOFF.factor, BACKOFF.maxMs);
  // ±20 % jitter so that many phones coming back online don't retry in lockstep.
  const jitter = 1 + (random() * 0.4 - 0.2);
  return Math.round(Math.min(base * jitter, BACKOFF.maxMs));
}
