// Runs in Chromium on the app's own origin (a page the benchmark serves there, next to the
// app), so it shares the app's IndexedDB: it seeds a phone's database, times plain PouchDB
// replication and the app's SyncEngine without any UI, and saves records through the app's
// repository while the app's home screen is open in another tab.
import { SYNC_BATCH_SIZE, SyncEngine } from '$lib/data/sync-engine';
import { FieldCheckRepository } from '$lib/data/field-checks.repo';
import PouchDBBrowser from 'pouchdb-browser';
import type { Db, PouchStatic } from '$lib/data/pouch-types';
import type { SyncEnvironment } from '$lib/data/sync-environment';
import { emptyInput } from '$lib/domain/field-check-factory';
import { logRecords } from './records';

// The app loads pouchdb-browser lazily (loadPouch); in this library bundle that import comes
// out without its default export, so the page imports it statically and opens the app's
// database the way openLocalDb does.
const loadPouch = async () => PouchDBBrowser as unknown as PouchStatic;
const open = new Map<string, Db>();
async function openLocalDb(name: string): Promise<Db> {
  if (!open.has(name))
    open.set(name, new (await loadPouch())(name, { auto_compaction: true }) as Db);
  return open.get(name)!;
}

interface Account {
  name: string;
  password: string;
}

async function remote(name: string, who: Account): Promise<Db> {
  const PouchDB = await loadPouch();
  return new PouchDB(`${location.origin}/db/${name}`, {
    skip_setup: true,
    auth: { username: who.name, password: who.password },
  }) as Db;
}

async function countChecks(db: Db): Promise<number> {
  const res = await db.allDocs({ startkey: 'check:', endkey: 'check:\uffff' });
  return res.rows.length;
}

function memoryEnvironment(): SyncEnvironment {
  const memory = new Map<string, string>();
  return {
    isOnline: () => true,
    onConnectivity: () => () => undefined,
    storage: {
      getItem: (k) => memory.get(k) ?? null,
      setItem: (k, v) => void memory.set(k, v),
    },
    now: () => new Date().toISOString(),
  };
}

const bench = {
  /**
   * Brings the phone's database up to date with the server the fastest plain way (one-shot
   * replication both ways, 500 a batch: the most the /db gate takes); the app's own
   * replications share these checkpoints
   * (same databases, same options), so the app starts caught up, as a phone that has synced.
   */
  async seed(dbName: string, remoteName: string, who: Account) {
    const local = await openLocalDb(dbName);
    const server = await remote(remoteName, who);
    const PouchDB = await loadPouch();
    const t0 = performance.now();
    await PouchDB.replicate(server, local, { batch_size: 500 });
    await PouchDB.replicate(local, server, { batch_size: 500 });
    const info = await local.info();
    return { ms: performance.now() - t0, seq: info.update_seq, checks: await countChecks(local) };
  },

  /** One-shot pull into a fresh database, plain PouchDB.replicate at `batch`. */
  async plainPull(dbName: string, remoteName: string, who: Account, batch: number) {
    const PouchDB = await loadPouch();
    const local = new PouchDB(dbName) as Db;
    const server = await remote(remoteName, who);
    const t0 = performance.now();
    await PouchDB.replicate(server, local, { batch_size: batch });
    const ms = performance.now() - t0;
    const checks = await countChecks(local);
    await local.destroy();
    return { ms, checks };
  },

  /**
   * Plain PouchDB.sync, both ways and live as the engine runs, into a fresh database until
   * the pull has caught up with every record: what two-way replication costs by itself.
   */
  async plainSync(dbName: string, remoteName: string, who: Account, expected: number) {
    const PouchDB = await loadPouch();
    const local = new PouchDB(dbName, { auto_compaction: true }) as Db;
    const server = await remote(remoteName, who);
    const t0 = performance.now();
    const sync = PouchDB.sync(local, server, {
      live: true,
      retry: true,
      batch_size: SYNC_BATCH_SIZE,
    });
    sync.catch(() => undefined);
    const ms = await new Promise<number>((resolve, reject) => {
      const idle = { push: false, pull: false };
      const check = () => {
        if (!idle.push || !idle.pull) return;
        countChecks(local).then((n) => {
          if (n >= expected) resolve(performance.now() - t0);
        }, reject);
      };
      void sync.on('paused', (err) => {
        if (err) return;
        // PouchDB.sync reports one 'paused' when both directions are idle.
        idle.push = idle.pull = true;
        check();
      });
      void sync.on('active', () => (idle.push = idle.pull = false));
    });
    sync.cancel();
    const checks = await countChecks(local);
    await new Promise((r) => setTimeout(r, 500));
    await local.destroy();
    return { ms, checks };
  },

  /** The app's SyncEngine alone (no UI), pulling into a fresh database until caught up. */
  async enginePull(dbName: string, remoteName: string, who: Account, expected: number) {
    const PouchDB = await loadPouch();
    const local = new PouchDB(dbName, { auto_compaction: true }) as Db;
    const server = await remote(remoteName, who);
    const engine = new SyncEngine(local, server, `bench:${dbName}`, memoryEnvironment(), {
      isOwnChange: (id) => id.includes(`:${who.name}:`),
    });
    const t0 = performance.now();
    const ms = await new Promise<number>((resolve, reject) => {
      engine.subscribe((e) => {
        if (e.type !== 'paused') return;
        countChecks(local).then((n) => {
          if (n >= expected) resolve(performance.now() - t0);
        }, reject);
      });
      engine.start();
    });
    await engine.stop();
    const checks = await countChecks(local);
    await new Promise((r) => setTimeout(r, 500));
    await local.destroy();
    return { ms, checks };
  },

  /** Saves new drafts through the app's repository, `gapMs` apart; each save timed. */
  async save(dbName: string, times: number, gapMs: number, budgetMs: number) {
    const repo = new FieldCheckRepository(await openLocalDb(dbName));
    const author = { name: 'canbo', role: 'officer', commune: 'hong-phong' };
    const out: number[] = [];
    const until = performance.now() + budgetMs;
    for (let i = 0; i < times && (i < 5 || performance.now() < until); i++) {
      const input = emptyInput('environment', new Date());
      input.hamlet = 'Thôn Khòn Pát';
      input.findings = `Ghi nhận ${i}: điểm tập kết rác đã được dọn sạch.`;
      input.planItems = ['2.3.7'];
      const t0 = performance.now();
      await repo.createDraft(input, author);
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, gapMs));
    }
    return out;
  },

  /**
   * Writes records [from, to) of a log of `total` straight into the phone's database (the
   * offline part of the 50,000-record run: see README); returns the database's sequence.
   */
  async fill(dbName: string, from: number, to: number, total: number, salt: string) {
    const db = await openLocalDb(dbName);
    const t0 = performance.now();
    for (let start = from; start < to; start += 1000)
      await db.bulkDocs(logRecords(start, Math.min(to, start + 1000), total, salt));
    const info = await db.info();
    return { ms: performance.now() - t0, seq: info.update_seq };
  },

  /**
   * What opening the phone's database costs in a fresh page (PouchDB's IndexedDB adapter counts
   * every document at each open), beside a plain IndexedDB count of the same documents.
   */
  async openCost(dbName: string) {
    const t0 = performance.now();
    const db = new PouchDBBrowser(dbName, { auto_compaction: true }) as unknown as Db;
    await db.get('_local/fieldbook-none').catch(() => undefined);
    const openMs = performance.now() - t0;
    const t1 = performance.now();
    const count = await new Promise<number>((resolve, reject) => {
      const req = indexedDB.open(`_pouch_${dbName}`);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const idb = req.result;
        const c = idb
          .transaction('document-store')
          .objectStore('document-store')
          .index('deletedOrLocal')
          .count(IDBKeyRange.only('0'));
        c.onerror = () => reject(c.error);
        c.onsuccess = () => {
          resolve(c.result);
          idb.close();
        };
      };
    });
    return { openMs, countMs: performance.now() - t1, count };
  },

  /** Where each index's snapshot stands against the database's sequence (profile.ts). */
  async indexSeqs(dbName: string) {
    const db = await openLocalDb(dbName);
    const out: Record<string, unknown> = { db: (await db.info()).update_seq };
    for (const name of ['check-status', 'review-verdicts', 'evidence', 'log']) {
      const doc = await db.get(`_local/fieldbook-index-${name}`).catch(() => null);
      out[name] = doc ? (doc as unknown as { seq: unknown }).seq : null;
    }
    return out;
  },

  async count(dbName: string) {
    return countChecks(await openLocalDb(dbName));
  },
};

(window as unknown as { fieldbookBench: typeof bench }).fieldbookBench = bench;
document.title = 'ready';
