// A SyncEnvironment for Node: connectivity the test switches by hand and an in-memory storage,
// so SyncEngine runs unchanged outside the browser.
import type { SyncEnvironment } from '../../../src/lib/data/sync-engine.ts';

export interface NodeEnvironment extends SyncEnvironment {
  setOnline(online: boolean): void;
}

export function nodeEnvironment(online = true): NodeEnvironment {
  const listeners = new Set<(online: boolean) => void>();
  const memory = new Map<string, string>();
  let current = online;
  return {
    isOnline: () => current,
    onConnectivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOnline(next) {
      current = next;
      for (const l of listeners) l(next);
    },
    storage: {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
    },
    now: () => new Date().toISOString(),
  };
}
