// Open long-poll `_changes` feeds per signed-in person: a phone holds one per database it
// syncs; a client that opens hundreds would hold as many connections to the database.
import { LIMITS } from './limits.ts';

export function createFeedCounter(max = LIMITS.maxFeedsPerUser) {
  const open = new Map<string, number>();
  return {
    /** Takes a slot for `name`; returns its release, or null when the cap is reached. */
    take(name: string): (() => void) | null {
      const n = open.get(name) ?? 0;
      if (n >= max) return null;
      open.set(name, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(name) ?? 1) - 1;
        if (left <= 0) open.delete(name);
        else open.set(name, left);
      };
    },
    count: (name: string) => open.get(name) ?? 0,
  };
}
