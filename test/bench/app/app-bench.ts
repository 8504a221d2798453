// The app as a person meets it (see test/bench/README.md): the built app served by the real
// server, driven in Chromium, signed in as the demo officer with sync on, with N records.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { OFFICER } from '../../support/fixtures.ts';
import { withFreshServer, type FreshServer } from '../../support/harness/fresh-server.ts';
import { runLighthouse, type LighthouseResult } from '../lighthouse.ts';
import type { Page } from 'playwright-core';
import { Phone } from './browser.ts';
import { withBenchSite } from './site.ts';
import { APP_DB, call, markPushed, measureFirstSync, type FirstSync } from './first-sync.ts';
import {
  dist,
  logIndexLoadMs,
  openHome,
  openRecord,
  queryLog,
  waitMarks,
  waitSettled,
  type Dist,
  type LogStep,
} from './scenarios.ts';
import { LOG_DB, uploadRecords } from './server-data.ts';
import { print, printCpu, startCpuProfile, timeline } from './timeline.ts';

export interface Scale {
  records: number;
  /** Records beyond the server's were written on the phone itself and sync was cut. */
  offline: boolean;
  /** Plain one-shot replication that brought the phone up to date (not a benchmark). */
  seedMs: number;
  /** The app's first home screen after the records arrived (builds what it keeps). */
  firstOpenMs: number;
  /** After it, how long the app read the arrived records through in the background. */
  settleMs: number;
  homeList: Dist;
  myWork: Dist;
  openRecord: Dist;
  /** Search box, a hamlet's name typed: the whole log searched, first page shown. */
  search: Dist;
  /** Search for the words of one record deep in the log (the whole index walked). */
  searchRare: Dist;
  /** Filter bar: a hamlet and a review state. */
  filter: Dist;
  /** Filter bar and search together: a kind, a year's days of work and a word. */
  filterSearch: Dist;
  /** The log index read at the start of a home screen, in the background (ms). */
  logIndexLoad: Dist | null;
  save: Dist;
}

export interface SignedInSize {
  files: number;
  raw: number;
  gzip: number;
}

export interface AppBench {
  firstSync: FirstSync | string;
  scales: Scale[];
  size: SignedInSize | string;
  lighthouse: LighthouseResult | string;
  lighthouseRecords: number;
}

const env = (name: string, fallback: string) => process.env[name] ?? fallback;

async function guard<T>(label: string, fn: () => Promise<T>): Promise<T | string> {
  try {
    return await fn();
  } catch (err) {
    console.error(`${label} failed:`, err);
    return `failed: ${(err as Error).message.split('\n')[0]}`;
  }
}

/** The phone catches up with the server; the app then starts as a phone that has synced. */
async function seedPhone(phone: Phone, origin: string) {
  const bench = await phone.benchPage(origin);
  const res = (await call(bench, 'seed', APP_DB, LOG_DB, OFFICER)) as { ms: number; seq: number };
  await markPushed(bench, res.seq);
  await bench.close();
  return res.ms;
}

/**
 * The offline way to a large phone (BENCH_APP_LOCAL_FILL=1): the records beyond the server's
 * are written straight into the phone's IndexedDB and the phone's sync is cut (every /db
 * request fails), since putting 40,000 more on the server through /db takes most of an hour on
 * a loaded 2-core machine. Sync memory says everything was sent, as after a push.
 */
async function fillPhone(phone: Phone, origin: string, from: number, to: number, total: number) {
  // Replication cut; signing in (/db/_session) still reaches the server.
  await phone.context.route('**/db/**', (route) =>
    new URL(route.request().url()).pathname === '/db/_session'
      ? route.continue()
      : route.abort('internetdisconnected'),
  );
  const bench = await phone.benchPage(origin);
  const res = (await call(bench, 'fill', APP_DB, from, to, total, 'app')) as {
    ms: number;
    seq: number;
  };
  await markPushed(bench, res.seq);
  await bench.close();
  console.log(`    wrote records ${from}–${to} on the phone in ${(res.ms / 1000).toFixed(1)} s`);
  return res.ms;
}

async function measureScale(
  phone: Phone,
  origin: string,
  records: number,
  runs: number,
  offline = false,
): Promise<Scale> {
  const page = await phone.page();
  await page.goto('about:blank'); // the app must not sync while the phone is brought up to date
  const seedMs = offline ? 0 : await seedPhone(phone, origin);
  const signedIn = await page
    .context()
    .cookies(origin)
    .then((c) => c.length > 0);
  if (!signedIn) await phone.signIn(page, origin, OFFICER);
  const first = await openHome(page, origin);
  if (!offline) await waitMarks(page, ['phase:upToDate']);
  // The later screens are measured as a person meets them on later openings: once the app has
  // read through what arrived (reported as its own row, with the first home screen).
  const settleMs = await waitSettled(page);
  const home = [];
  for (let i = 0; i < runs; i++) {
    // BENCH_APP_CPU=1: a CPU profile of the last home screen (where its time went).
    const cpu =
      env('BENCH_APP_CPU', '') === '1' && i === runs - 1 ? await startCpuProfile(page) : null;
    home.push(await openHome(page, origin));
    if (cpu) {
      const profile = await cpu.stop();
      console.log(`    CPU of navigation ${i + 1} at ${records}:`);
      printCpu(profile);
    }
    // BENCH_APP_TRACE=1: what each home screen waited on (the app's spans, see profile.ts).
    if (env('BENCH_APP_TRACE', '') === '1') {
      console.log(`    navigation ${i + 1} at ${records}:`);
      print(await timeline(page));
    }
  }
  const opens = [];
  for (let i = 0; i < runs; i++) opens.push(await openRecord(page, i));
  const hamlets = ['Nà Cạn', 'Khòn Pát', 'Bản Thẩu', 'Phai Luông', 'Còn Quan'];
  const states = ['approved', 'submitted', 'draft'];
  const steps: Record<
    'search' | 'searchRare' | 'filter' | 'filterSearch',
    (i: number) => LogStep[]
  > = {
    search: (i) => [{ control: '#search', value: hamlets[i % hamlets.length] }],
    // The note and findings of record n carry "#n" / "Lần n": one record, anywhere in the log.
    searchRare: (i) => [
      { control: '#search', value: `app#${Math.floor((records * (i + 1)) / (runs + 2))}` },
    ],
    filter: (i) => [
      { control: '#f-hamlet', value: `Thôn ${hamlets[i % hamlets.length]}` },
      { control: '#f-status', value: states[i % states.length] },
    ],
    filterSearch: (i) => [
      { control: '#f-kind', value: i % 2 ? 'hamletMeeting' : 'environment' },
      { control: '#f-from', value: `${2023 + (i % 3)}-01-01` },
      { control: '#f-to', value: `${2023 + (i % 3)}-12-31` },
      { control: '#search', value: i % 2 ? 've sinh' : 'rac' },
    ],
  };
  const logs = {
    search: [] as number[],
    searchRare: [] as number[],
    filter: [] as number[],
    filterSearch: [] as number[],
  };
  // The index is read in the background once the list shows: measured warm, as a person
  // who opened the app and then starts to type.
  await new Promise((r) => setTimeout(r, 3_000));
  for (const key of Object.keys(steps) as (keyof typeof steps)[])
    for (let i = 0; i < runs; i++) logs[key].push(await queryLog(page, steps[key](i)));
  const indexLoads = await collectIndexLoads(page, origin, runs);
  // Saves from a second tab while this one shows the home screen (it hears of each save).
  await openHome(page, origin);
  const tab = await phone.benchPage(origin);
  const saves = (await call(tab, 'save', APP_DB, 40, 300, 90_000)) as number[];
  await tab.close();
  const out = {
    records,
    offline,
    seedMs,
    firstOpenMs: first.both,
    settleMs,
    homeList: dist(home.map((h) => h.list)),
    myWork: dist(home.map((h) => h.myWork)),
    openRecord: dist(opens),
    search: dist(logs.search),
    searchRare: dist(logs.searchRare),
    filter: dist(logs.filter),
    filterSearch: dist(logs.filterSearch),
    logIndexLoad: indexLoads.length ? dist(indexLoads) : null,
    save: dist(saves),
  };
  console.log(`    ${records}: ${JSON.stringify(out)}`);
  return out;
}

/** The log index's background read at the start of a home screen, `runs` navigations. */
async function collectIndexLoads(page: Page, origin: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await openHome(page, origin);
    for (let wait = 0; wait < 100; wait++) {
      const ms = await logIndexLoadMs(page);
      if (ms !== null) {
        out.push(ms);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return out;
}

/** JS and CSS a signed-in home screen loads (every file over the network: no service worker). */
async function signedInSize(phone: Phone, origin: string): Promise<SignedInSize> {
  const page = await phone.page();
  const bodies: Buffer[] = [];
  const onResponse = (res: import('playwright-core').Response) => {
    const type = res.request().resourceType();
    if (type === 'script' || type === 'stylesheet')
      void res.body().then(
        (b) => bodies.push(b),
        () => undefined,
      );
  };
  page.on('response', onResponse);
  await openHome(page, origin);
  await new Promise((r) => setTimeout(r, 1_000));
  page.off('response', onResponse);
  const gz = (b: Buffer) => gzipSync(new Uint8Array(b), { level: 9 }).length;
  return {
    files: bodies.length,
    raw: bodies.reduce((n, b) => n + b.length, 0),
    gzip: bodies.reduce((n, b) => n + gz(b), 0),
  };
}

export async function measureApp(root: string): Promise<AppBench> {
  // BENCH_APP_RECORDS=0: the first sync alone.
  const sizes = env('BENCH_APP_RECORDS', '10000,50000').split(',').map(Number).filter(Boolean);
  const syncRecords = Number(env('BENCH_APP_SYNC_RECORDS', '10000'));
  const runs = Number(env('BENCH_APP_RUNS', '7'));
  const syncRuns = Number(env('BENCH_APP_SYNC_RUNS', '3'));
  const skip = new Set(env('BENCH_APP_SKIP', '').split(',').filter(Boolean));
  return await withBenchSite(root, 'fieldbook-app-bench-', async ({ work, benchJs }) => {
    const firstSyncOn = (s: FreshServer) =>
      guard('first sync', () => measureFirstSync(s, work, benchJs, syncRecords, syncRuns));
    const screens = await withFreshServer(async (s) => {
      const total = Math.max(...sizes, syncRecords);
      let onServer = 0;
      const fill = async (n: number) => {
        console.log(`    uploading records ${onServer}–${n}`);
        onServer += await uploadRecords(s.server.url, onServer, n, total, 'app');
      };
      await fill(syncRecords);
      const profile = path.join(work, 'phone');
      const phone = await Phone.launch(profile, benchJs);
      const scales: Scale[] = [];
      let size: SignedInSize | string = 'not measured';
      try {
        const localFill = env('BENCH_APP_LOCAL_FILL', '') === '1';
        let onPhone = 0;
        for (const n of sizes) {
          let offline = false;
          if (n > onServer && localFill) {
            if (onPhone === 0) {
              const blank = await phone.page();
              await blank.goto('about:blank');
              await seedPhone(phone, s.proxyUrl);
              onPhone = onServer;
            }
            await fillPhone(phone, s.proxyUrl, onPhone, n, total);
            offline = true;
          } else if (n > onServer) await fill(n);
          scales.push(await measureScale(phone, s.proxyUrl, n, runs, offline));
          onPhone = n;
          if (typeof size === 'string')
            size = await guard('size', () => signedInSize(phone, s.proxyUrl));
        }
      } finally {
        await phone.close();
      }
      const lighthouse = skip.has('lighthouse')
        ? 'skipped (BENCH_APP_SKIP)'
        : await guard('lighthouse', () =>
            runLighthouse(`${s.proxyUrl}/`, { profile, keepStorage: true }),
          );
      // After the screens, so that their figures are in the log even if a slow sync runs long;
      // on a server that holds the sync's records and no more (it held the screens' 50,000,
      // which a new phone then pulled, until 2026-11-29).
      const firstSync = skip.has('sync') || onServer !== syncRecords ? null : await firstSyncOn(s);
      return { firstSync, scales, size, lighthouse, lighthouseRecords: onServer };
    });
    const firstSync = skip.has('sync')
      ? 'skipped (BENCH_APP_SKIP)'
      : (screens.firstSync ??
        (await withFreshServer(async (s) => {
          await uploadRecords(s.server.url, 0, syncRecords, syncRecords, 'app');
          return await firstSyncOn(s);
        })));
    return { ...screens, firstSync };
  });
}
