// What the sync engine needs from its surroundings: connectivity, a little storage, a clock.
// The browser's is here; benchmarks and fault runs give it a Node one they control.

/** Where the engine learns about connectivity and keeps its small memory. */
export interface SyncEnvironment {
  isOnline(): boolean;
  /** Subscribe to connectivity changes; returns an unsubscribe function. */
  onConnectivity(listener: (online: boolean) => void): () => void;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now(): string;
}

/** The browser's connectivity and storage. */
export function browserEnvironment(): SyncEnvironment {
  return {
    isOnline: () => navigator.onLine,
    onConnectivity(listener) {
      const on = () => listener(true);
      const off = () => listener(false);
      window.addEventListener('online', on);
      window.addEventListener('offline', off);
      return () => {
        window.removeEventListener('online', on);
        window.removeEventListener('offline', off);
      };
    },
    storage: localStorage,
    now: () => new Date().toISOString(),
  };
}
