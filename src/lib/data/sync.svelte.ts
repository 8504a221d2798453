// The sync status the UI subscribes to: SyncEngine's events folded into a reactive SyncStatus.
import type { Db } from './pouch-types';
import { SyncEngine, type SyncOptions } from './sync-engine';
import { browserEnvironment, type SyncEnvironment } from './sync-environment';
import { initialSyncStatus, reduceSync, type SyncStatus } from './sync-status';

export class SyncController {
  status = $state<SyncStatus>(initialSyncStatus(true));
  private readonly engine: SyncEngine;

  constructor(
    local: Db,
    remote: Db,
    memoryKey: string,
    options: SyncOptions = {},
    env: SyncEnvironment = browserEnvironment(),
  ) {
    this.engine = new SyncEngine(local, remote, memoryKey, env, options);
    this.status = initialSyncStatus(env.isOnline(), this.engine.lastSyncedAt, this.engine.rejected);
    this.engine.subscribe((e) => (this.status = reduceSync(this.status, e)));
  }

  start(): void {
    this.engine.start();
  }

  /** Resolves once replication has really stopped. */
  stop(): Promise<void> {
    return this.engine.stop();
  }

  /** Counts this person's changes the server does not have, now (not after a delay). */
  async countUnsent(): Promise<number> {
    const count = await this.engine.countPending();
    this.status = reduceSync(this.status, { type: 'pendingCounted', count });
    return count;
  }

  retryNow(): void {
    this.engine.retryNow();
  }

  refreshPending(): void {
    this.engine.refreshPending();
  }
}
