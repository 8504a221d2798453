// The sync status the UI subscribes to: SyncEngine's events folded into a reactive SyncStatus.
import type { Db } from './pouch-types';
import { SyncEngine, type SyncOptions } from './sync-engine';
import { browserEnvironment, type SyncEnvironment } from './sync-environment';
import { ReceiptBook, type Delivery } from './receipts';
import { initialSyncStatus, reduceSync, type SyncEvent, type SyncStatus } from './sync-status';

export class SyncController {
  status = $state<SyncStatus>(initialSyncStatus(true));
  /** Bumped whenever a record's delivery may have changed: receipts re-read it. */
  deliveries = $state(0);
  private counted = false;
  private readonly engine: SyncEngine;

  constructor(
    local: Db,
    remote: Db,
    memoryKey: string,
    options: SyncOptions = {},
    env: SyncEnvironment = browserEnvironment(),
    private readonly receipts: ReceiptBook = new ReceiptBook(null, ''),
  ) {
    this.engine = new SyncEngine(local, remote, memoryKey, env, options);
    this.status = initialSyncStatus(env.isOnline(), this.engine.lastSyncedAt, this.engine.rejected);
    this.engine.subscribe((e) => {
      this.status = this.fold(this.status, e);
      if (e.type === 'pushed') this.receipts.note(e.ids, e.at);
      if (e.type === 'pendingCounted') this.counted = true;
      if (['pushed', 'pendingCounted', 'denied', 'accepted'].includes(e.type)) this.deliveries += 1;
    });
  }

  /** The status after one of the engine's events (a photo sync says less: ./photo-sync.svelte.ts). */
  protected fold(status: SyncStatus, e: SyncEvent): SyncStatus {
    return reduceSync(status, e);
  }

  /** Where record `id` stands on its way to the server (read `deliveries` to follow it). */
  delivery(id: string): Delivery {
    void this.deliveries;
    const reason = this.status.rejected[id];
    if (reason !== undefined) return { state: 'refused', at: null, reason };
    if (!this.counted) return { state: 'unknown', at: null, reason: null };
    if (this.engine.isPending(id)) return { state: 'waiting', at: null, reason: null };
    return { state: 'onServer', at: this.receipts.at(id), reason: null };
  }

  start(): void {
    this.engine.start();
  }

  /** Not started: shown as "sign in to send" (the browser's cookie is someone else's). */
  hold(): void {
    this.status = reduceSync(this.status, { type: 'error', error: 'unauthorized' });
  }

  /** The engine's events as they happen (photo sync follows the records': ./photo-sync.ts). */
  subscribe(listener: (e: SyncEvent) => void): () => void {
    return this.engine.subscribe(listener);
  }

  /** Resolves once replication has really stopped. */
  stop(): Promise<void> {
    return this.engine.stop();
  }

  /** Counts this person's changes the server does not have, now (not after a delay). */
  async countUnsent(): Promise<number> {
    const count = await this.engine.countPending();
    this.counted = true;
    this.deliveries += 1;
    const photos = this.engine.pendingPhotos();
    this.status = reduceSync(this.status, { type: 'pendingCounted', count, photos });
    return count;
  }

  retryNow(): void {
    this.engine.retryNow();
  }

  refreshPending(): void {
    this.engine.refreshPending();
  }
}
