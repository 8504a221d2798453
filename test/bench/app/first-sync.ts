// A new phone's first sync of the commune log, three ways, into Chromium's IndexedDB: the app
// itself (sign-in to "up to date", UI running), the app's SyncEngine alone in a page, and plain
// PouchDB.replicate at the engine's batch size and at its own best batch size. The app always
// runs in a browser just started, as on a new phone; so does the plain baseline it is judged
// against (plainNew), while the other ways share one warmed page (their code already compiled
// and optimised by the runs before).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DeviceStore } from '../../../src/lib/data/device-store.ts';
import { FIRST_PULL_BATCH_SIZE } from '../../../src/lib/data/sync-engine.ts';
import type { FreshServer } from '../../support/harness/fresh-server.ts';
import { OFFICER } from '../../support/fixtures.ts';
import { cpuDelta, Phone, type Cpu } from './browser.ts';
import { LOG_DB } from './server-data.ts';
import { dist, type Dist } from './scenarios.ts';

/** What the engine pulls a round trip on a new phone: plain replication gets the same. */
export const ENGINE_BATCH = FIRST_PULL_BATCH_SIZE;
export const APP_DB = `fb-canbo-${LOG_DB}`;

export interface SyncWay {
  label: string;
  batch: number;
  ms: Dist;
  cpuPage: Dist;
  cpuProcess: Dist;
  /** Bytes through the proxy, first run: browser → server, server → browser. */
  up: number;
  down: number;
}

export interface FirstSync {
  records: number;
  app: SyncWay;
  engine: SyncWay;
  plainSync: SyncWay;
  plainSame: SyncWay;
  plainBest: SyncWay;
  /** Plain at its best batch in a browser just started, as the app's: the target's baseline. */
  plainNew: SyncWay;
  /** Each run's app ÷ plainNew of the same round (they run one after the other). */
  pairRatios: number[];
  sweep: { batch: number; ms: number }[];
}

interface Run {
  ms: number;
  cpu: Cpu;
  up: number;
  down: number;
}

const way = (label: string, batch: number, runs: Run[]): SyncWay => ({
  label,
  batch,
  ms: dist(runs.map((r) => r.ms)),
  cpuPage: dist(runs.map((r) => r.cpu.pageMs)),
  cpuProcess: dist(runs.map((r) => r.cpu.processMs)),
  up: runs[0].up,
  down: runs[0].down,
});

type BenchCall = (page: Page, fn: string, ...args: unknown[]) => Promise<unknown>;
export const call: BenchCall = (page, fn, ...args) =>
  page.evaluate(
    ([fn, args]) =>
      (
        window as unknown as { fieldbookBench: Record<string, (...a: unknown[]) => unknown> }
      ).fieldbookBench[fn as string](...(args as unknown[])),
    [fn, args] as const,
  );

/**
 * What the app's sync remembers after a push has caught up (its pending count starts there),
 * in the person's own store (device-store.ts). The key of earlier versions is only adopted when
 * the store has none: written there after the app had run, it was ignored, and the app's
 * pending count read the 40,000 records written since at every start (fixed 2026-11-28).
 */
export const markPushed = (page: Page, seq: number) =>
  page.evaluate(
    ([key, seq]) =>
      localStorage.setItem(
        key,
        JSON.stringify({ pushedSeq: seq, lastSyncedAt: new Date().toISOString(), rejected: {} }),
      ),
    [new DeviceStore(OFFICER.name).keyFor(`sync:${LOG_DB}`), seq] as const,
  );

/**
 * A new phone on the sign-in screen with the officer's name and password typed, and the tab
 * that counts the records at the end. That tab is loaded before the clock starts: loading it
 * during the sync charged the app with the benchmark's own script (fixed 2026-11-28).
 */
export async function signInFilled(phone: Phone, origin: string) {
  const page = await phone.page();
  const counter = await phone.benchPage(origin);
  await page.bringToFront();
  await phone.fillSignIn(page, origin, OFFICER);
  return { page, counter };
}

/** Taps "Đăng nhập"; the page's clock at the tap. */
export const tapSignIn = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const t = performance.now();
    document.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    return t;
  });

/** The app on a new phone: from the sign-in tap to "up to date" with every record local. */
async function appRun(s: FreshServer, work: string, benchJs: string, n: number, i: number) {
  const phone = await Phone.launch(path.join(work, `first-sync-${i}`), benchJs);
  try {
    const { page, counter } = await signInFilled(phone, s.proxyUrl);
    const cpu0 = await phone.cpu(page);
    s.proxy.resetCounters();
    const t0 = await tapSignIn(page);
    let seen = -1;
    for (const deadline = Date.now() + 20 * 60_000; Date.now() < deadline;) {
      const at = await page.evaluate(
        () => (window as unknown as { __marks: Record<string, number> }).__marks['phase:upToDate'],
      );
      if (typeof at === 'number' && at !== seen) {
        seen = at;
        // Taken before counting, so the count's own reads are not charged to the sync.
        const cpu = cpuDelta(cpu0, await phone.cpu(page));
        const wire = { up: s.proxy.bytesUp, down: s.proxy.bytesDown };
        if (((await call(counter, 'count', APP_DB)) as number) >= n)
          return { ms: at - t0, cpu, ...wire };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the app never reported "up to date" with every record');
  } finally {
    await phone.close();
  }
}

async function pageRun(
  phone: Phone,
  page: Page,
  s: FreshServer,
  fn: 'plainPull' | 'enginePull' | 'plainSync',
  n: number,
  batch: number,
  i: number,
): Promise<Run> {
  const cpu0 = await phone.cpu(page);
  s.proxy.resetCounters();
  const name = `bench-${fn}-${batch}-${i}`;
  const res = (await (fn === 'plainPull'
    ? call(page, fn, name, LOG_DB, OFFICER, batch)
    : call(page, fn, name, LOG_DB, OFFICER, n))) as { ms: number; checks: number };
  if (res.checks < n) throw new Error(`${fn} got ${res.checks} of ${n}`);
  const up = s.proxy.bytesUp;
  const down = s.proxy.bytesDown;
  return { ms: res.ms, cpu: cpuDelta(cpu0, await phone.cpu(page)), up, down };
}

/** Plain replication on a new phone: a browser just started, its page loaded, then timed. */
async function newPhoneRun(
  s: FreshServer,
  work: string,
  benchJs: string,
  n: number,
  batch: number,
  i: number,
) {
  const phone = await Phone.launch(path.join(work, `plain-new-phone-${i}`), benchJs);
  try {
    return await pageRun(phone, await phone.benchPage(s.proxyUrl), s, 'plainPull', n, batch, i);
  } finally {
    await phone.close();
  }
}

export async function measureFirstSync(
  s: FreshServer,
  work: string,
  benchJs: string,
  n: number,
  runs: number,
  // The /db gate refuses more than 500 documents a request (server/gate/limits.ts).
  sweepSizes = [100, 250, 500],
): Promise<FirstSync> {
  const phone = await Phone.launch(path.join(work, 'replication'), benchJs);
  try {
    const page = await phone.benchPage(s.proxyUrl);
    const sweep: { batch: number; ms: number }[] = [];
    for (const batch of sweepSizes) {
      const r = await pageRun(phone, page, s, 'plainPull', n, batch, 0);
      sweep.push({ batch, ms: r.ms });
      console.log(`    plain pull at ${batch} a batch: ${(r.ms / 1000).toFixed(1)} s`);
    }
    const best = [...sweep].sort((a, b) => a.ms - b.ms)[0].batch;
    const runsOf = {
      app: [] as Run[],
      engine: [] as Run[],
      sync: [] as Run[],
      same: [] as Run[],
      best: [] as Run[],
      fresh: [] as Run[],
    };
    // Interleaved, so that a slow spell of the shared machine hits every way alike.
    for (let i = 1; i <= runs; i++) {
      runsOf.app.push(await appRun(s, work, benchJs, n, i));
      runsOf.engine.push(await pageRun(phone, page, s, 'enginePull', n, ENGINE_BATCH, i));
      runsOf.sync.push(await pageRun(phone, page, s, 'plainSync', n, ENGINE_BATCH, i));
      runsOf.same.push(await pageRun(phone, page, s, 'plainPull', n, ENGINE_BATCH, i));
      runsOf.best.push(await pageRun(phone, page, s, 'plainPull', n, best, i));
      runsOf.fresh.push(await newPhoneRun(s, work, benchJs, n, best, i));
      const last = (r: Run[]) => `${(r[r.length - 1].ms / 1000).toFixed(1)} s`;
      console.log(
        `    run ${i}: app ${last(runsOf.app)}, engine ${last(runsOf.engine)}, plain sync ${last(runsOf.sync)}, plain@${ENGINE_BATCH} ${last(runsOf.same)}, plain@${best} ${last(runsOf.best)}, plain@${best} new phone ${last(runsOf.fresh)}`,
      );
    }
    return {
      records: n,
      app: way('the app, sign-in to "up to date"', ENGINE_BATCH, runsOf.app),
      engine: way('SyncEngine alone, no UI', ENGINE_BATCH, runsOf.engine),
      plainSync: way('plain PouchDB.sync both ways, live (context)', ENGINE_BATCH, runsOf.sync),
      plainSame: way('plain replication, same batch', ENGINE_BATCH, runsOf.same),
      plainBest: way('plain replication, its best batch, warmed page', best, runsOf.best),
      plainNew: way('plain replication, its best batch, new phone', best, runsOf.fresh),
      pairRatios: runsOf.app.map((r, i) => r.ms / runsOf.fresh[i].ms),
      sweep,
    };
  } finally {
    await phone.close();
  }
}
