// Receipts: where one of this person's records is on its way to the server. The sync engine
// knows what is still pending (kept incrementally, no scan) and what the server refused; this
// book remembers when this phone saw each record reach the server (the newest RECEIPT_LIMIT,
// in the person's DeviceStore), so a record can say "on the server since 10:42".
import type { DeviceStore } from './device-store';

export const RECEIPT_LIMIT = 500;

export type DeliveryState =
  | 'unknown' // not counted yet (the app just opened)
  | 'waiting' // on this phone only: sync sends it when it can
  | 'onServer'
  | 'refused'; // the server refused this version: see the reason

export interface Delivery {
  state: DeliveryState;
  /** When this phone saw it reach the server, if it did. */
  at: string | null;
  reason: string | null;
}

export class ReceiptBook {
  private times: Record<string, string>;

  constructor(
    private readonly store: DeviceStore | null,
    private readonly key: string,
  ) {
    this.times = store?.get<Record<string, string>>(key) ?? {};
  }

  at(id: string): string | null {
    return this.times[id] ?? null;
  }

  note(ids: readonly string[], at: string): void {
    for (const id of ids) {
      delete this.times[id]; // re-inserted last: the newest stay when trimming
      this.times[id] = at;
    }
    const keys = Object.keys(this.times);
    for (const id of keys.slice(0, Math.max(0, keys.length - RECEIPT_LIMIT))) delete this.times[id];
    try {
      this.store?.set(this.key, this.times);
    } catch {
      // a full storage only costs the times of receipts, never a record
    }
  }
}
