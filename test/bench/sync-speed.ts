// Sync speed and bytes on the wire: N field checks pushed from a fresh client to a fresh server,
// then pulled to a fresh device, once through Fieldbook's SyncEngine and once with a plain
// PouchDB.replicate, each against its own fresh server. Bytes are counted by the TCP proxy.
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import { compressingFetch } from '../../src/lib/data/compressed-fetch.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import type { Db } from '../../src/lib/data/pouch-types.ts';
import { SYNC_BATCH_SIZE } from '../../src/lib/data/sync-engine.ts';
import { OFFICER } from '../support/fixtures.ts';
import { httpDb, memoryDb, PouchDB } from '../support/pouch.ts';
import { countChecks, Device } from '../support/harness/device.ts';
import {
  serverDocCount,
  withFreshServer,
  type FreshServer,
} from '../support/harness/fresh-server.ts';
import { timed } from '../support/harness/stats.ts';

const LOG = dbNames('hong-phong').log;
const TIMEOUT_MS = 10 * 60_000;

export interface Traffic {
  up: number;
  down: number;
}

export interface SyncRun {
  pushMs: number;
  pullMs: number;
  push: Traffic;
  pull: Traffic;
}

function traffic(s: FreshServer): Traffic {
  return { up: s.proxy.bytesUp, down: s.proxy.bytesDown };
}

/** Through SyncEngine: the push ends when the server holds every record and the engine says
 *  it caught up; the pull when the new device holds them all and the engine caught up. */
export function syncThroughEngine(docs: FieldCheck[]): Promise<SyncRun> {
  return withFreshServer(async (s) => {
    const before = await serverDocCount(s.server.url, LOG, OFFICER);
    const phone = new Device('bench-phone', s.proxyUrl, LOG, OFFICER);
    await phone.local.bulkDocs(docs);
    s.proxy.resetCounters();
    const [, pushMs] = await timed(async () => {
      phone.start();
      await phone.settled(
        async () => (await serverDocCount(s.server.url, LOG, OFFICER)) >= before + docs.length,
        TIMEOUT_MS,
      );
    });
    await phone.stop();
    const push = traffic(s);

    const fresh = new Device('bench-fresh', s.proxyUrl, LOG, OFFICER);
    s.proxy.resetCounters();
    const [, pullMs] = await timed(async () => {
      fresh.start();
      await fresh.settled(async () => (await fresh.countChecks()) === docs.length, TIMEOUT_MS);
    });
    await fresh.stop();
    const pull = traffic(s);
    await phone.destroy();
    await fresh.destroy();
    return { pushMs, pullMs, push, pull };
  });
}

/** The yardstick: one-shot PouchDB.replicate each way, same documents, same batch size as
 *  the engine (an earlier version gave it PouchDB's default 100 against the engine's 250). */
export function syncPlain(docs: FieldCheck[], batch = SYNC_BATCH_SIZE): Promise<SyncRun> {
  return plainRun(docs, (from, to) => PouchDB.replicate(from, to, { batch_size: batch }));
}

/** For context: plain PouchDB replication in live mode (as SyncEngine runs it), one way. */
export function syncPlainLive(docs: FieldCheck[]): Promise<SyncRun> {
  return plainRun(docs, (from, to, done) => liveUntil(from, to, done));
}

async function liveUntil(from: Db, to: Db, done: () => Promise<boolean>): Promise<void> {
  const rep = PouchDB.replicate(from, to, {
    live: true,
    retry: true,
    batch_size: SYNC_BATCH_SIZE,
  });
  rep.catch(() => undefined);
  const deadline = Date.now() + TIMEOUT_MS;
  let timer: ReturnType<typeof setInterval> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const check = () =>
        void done().then((ok) => {
          if (ok) resolve();
          else if (Date.now() > deadline) reject(new Error('live replication timed out'));
        }, reject);
      void rep.on('paused', check);
      // In case the last 'paused' came before the condition could be seen.
      timer = setInterval(check, 1_000);
    });
  } finally {
    clearInterval(timer);
    rep.cancel();
  }
}

type Replicate = (from: Db, to: Db, done: () => Promise<boolean>) => Promise<unknown>;

function plainRun(docs: FieldCheck[], replicate: Replicate): Promise<SyncRun> {
  return withFreshServer(async (s) => {
    const before = await serverDocCount(s.server.url, LOG, OFFICER);
    const source = memoryDb('plain-source');
    await source.bulkDocs(docs);
    // The same fetch as the engine's devices: gzipped bodies both ways.
    const remote = httpDb(s.proxyUrl, LOG, OFFICER, compressingFetch());
    s.proxy.resetCounters();
    const [, pushMs] = await timed(() =>
      replicate(
        source,
        remote,
        async () => (await serverDocCount(s.server.url, LOG, OFFICER)) >= before + docs.length,
      ),
    );
    const push = traffic(s);
    const fresh = memoryDb('plain-fresh');
    s.proxy.resetCounters();
    const [, pullMs] = await timed(() =>
      replicate(remote, fresh, async () => (await countChecks(fresh)) === docs.length),
    );
    const pull = traffic(s);
    const got = await countChecks(fresh);
    if (got !== docs.length) throw new Error(`plain pull got ${got} of ${docs.length}`);
    await source.destroy();
    await fresh.destroy();
    return { pushMs, pullMs, push, pull };
  });
}

/** Median push and pull times of several runs; the bytes are those of the first run. */
export function medianRun(runs: SyncRun[]): SyncRun {
  const median = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  return {
    ...runs[0],
    pushMs: median(runs.map((r) => r.pushMs)),
    pullMs: median(runs.map((r) => r.pullMs)),
  };
}
