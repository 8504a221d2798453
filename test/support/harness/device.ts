// A simulated phone: an in-memory PouchDB (standing in for IndexedDB) synced with the server by
// Fieldbook's own SyncEngine and the app's compressing fetch, with connectivity the test controls.
import { compressingFetch } from '../../../src/lib/data/compressed-fetch.ts';
import { SyncEngine } from '../../../src/lib/data/sync-engine.ts';
import type { Db } from '../../../src/lib/data/pouch-types.ts';
import type { SyncErrorCode } from '../../../src/lib/data/sync-status.ts';
import { httpDb, memoryDb } from '../pouch.ts';
import { nodeEnvironment, type NodeEnvironment } from './node-environment.ts';

export interface Account {
  name: string;
  password: string;
}

export class Device {
  readonly local: Db;
  readonly remote: Db;
  readonly env: NodeEnvironment;
  readonly engine: SyncEngine;
  readonly errors: SyncErrorCode[] = [];
  readonly denied: string[] = [];
  private pausedAt = 0;

  constructor(
    readonly label: string,
    serverUrl: string,
    dbName: string,
    account: Account,
    batchSize?: number,
    /** The fetch of the remote database: by default the app's own, gzipping large bodies. */
    fetch: (url: string | Request, init?: RequestInit) => Promise<Response> = compressingFetch(),
  ) {
    this.local = memoryDb(label);
    this.remote = httpDb(serverUrl, dbName, account, fetch);
    this.env = nodeEnvironment(true);
    this.engine = new SyncEngine(this.local, this.remote, `sync:${label}`, this.env, {
      batchSize,
    });
    this.engine.subscribe((e) => {
      if (e.type === 'paused') this.pausedAt = Date.now();
      if (e.type === 'error') this.errors.push(e.error);
      if (e.type === 'denied') this.denied.push(`${e.id}: ${e.reason}`);
    });
  }

  start(): void {
    this.engine.start();
  }

  stop(): Promise<void> {
    return this.engine.stop();
  }

  /** Resolves once the engine has reported "caught up both ways" and `done` holds. */
  async settled(done: () => Promise<boolean>, timeoutMs: number, pollMs = 50): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let checkedAt = -1;
    let lastCheck = 0;
    while (Date.now() < deadline) {
      // Look when the engine says it caught up, and once a second in case that came earlier.
      if (this.pausedAt > checkedAt || Date.now() - lastCheck > 1_000) {
        checkedAt = this.pausedAt;
        lastCheck = Date.now();
        if (this.pausedAt > 0 && (await done())) return;
      }
      await new Promise((r) => setTimeout(r, pollMs));
    }
    throw new Error(`${this.label}: not settled within ${timeoutMs} ms`);
  }

  async countChecks(): Promise<number> {
    return countChecks(this.local);
  }

  async destroy(): Promise<void> {
    await this.stop();
    await this.local.destroy();
  }
}

export async function countChecks(db: Db): Promise<number> {
  const res = await db.allDocs({ startkey: 'check:', endkey: 'check:\uffff' });
  return res.rows.length;
}
