// The phone's storage (issue 15.4): ask the browser to keep Fieldbook's data when space runs
// short (`persist`), know how much is used and left, and tell a quota error on save from any
// other failure, so the form can say the phone is full and keep what was typed.

import { NEAR_FULL } from './quota';

export { isQuotaError, NEAR_FULL } from './quota';

export interface StorageUse {
  usage: number;
  quota: number;
  /** The browser promised not to evict this site's data (null: cannot tell). */
  persisted: boolean | null;
}

class StorageState {
  use = $state<StorageUse | null>(null);

  get nearFull(): boolean {
    return !!this.use && this.use.quota > 0 && this.use.usage / this.use.quota >= NEAR_FULL;
  }

  /** Reads the figures again (after sign-in, on the device page, after a quota error). */
  async refresh(): Promise<void> {
    const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!s?.estimate) return;
    try {
      const { usage = 0, quota = 0 } = await s.estimate();
      const persisted = s.persisted ? await s.persisted() : null;
      this.use = { usage, quota, persisted };
    } catch {
      // not told: show nothing rather than a wrong figure
    }
  }

  /** Asks once per sign-in that the data survive storage pressure (Chrome decides quietly). */
  async askPersistence(): Promise<void> {
    const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
    try {
      if (s?.persist && !(await s.persisted?.())) await s.persist();
    } catch {
      // some browsers refuse outright; the data is still stored, only not promised
    }
    await this.refresh();
  }
}

export const storage = new StorageState();
