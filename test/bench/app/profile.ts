// Where the home screen's time goes: `npx tsx test/bench/app/profile.ts` (BENCH_PROFILE_RECORDS,
// 10000; BENCH_PROFILE_RUNS, 3). Brings a phone up to date as the app benchmark does, then opens
// the home screen a few times and prints, per navigation, the page's own timeline: navigation
// timing, the `fb:` spans the app records (src/lib/data/perf.ts) and the benchmark's marks.
// With BENCH_PROFILE_CPU=1 it also takes a CPU profile of the last navigation (self time by
// script and function, the build's names).
import path from 'node:path';
import { OFFICER } from '../../support/fixtures.ts';
import { withFreshServer } from '../../support/harness/fresh-server.ts';
import { Phone } from './browser.ts';
import { withBenchSite } from './site.ts';
import { APP_DB, call, markPushed } from './first-sync.ts';
import { waitMarks, waitSettled } from './scenarios.ts';
import { LOG_DB, uploadRecords } from './server-data.ts';
import { print, printCpu, startCpuProfile, timeline } from './timeline.ts';

const records = Number(process.env.BENCH_PROFILE_RECORDS ?? 10_000);
const runs = Number(process.env.BENCH_PROFILE_RUNS ?? 3);
// BENCH_PROFILE_GAP: ms between a home screen showing and the next navigation (the app
// benchmark navigates again at once: 0).
const gapMs = Number(process.env.BENCH_PROFILE_GAP ?? 3000);
// BENCH_APP_LOCAL_FILL=1: at most 10,000 go through the server, the rest are written on the
// phone itself and its sync is cut (as the app benchmark's offline mode: see README).
const localFill = process.env.BENCH_APP_LOCAL_FILL === '1';
const onServer = localFill ? Math.min(records, 10_000) : records;
const root = path.resolve(import.meta.dirname, '../../..');

await withBenchSite(root, 'fieldbook-profile-', async ({ work, benchJs }) => {
  await withFreshServer(async (s) => {
    const t0 = Date.now();
    console.log(`uploading ${onServer} records`);
    await uploadRecords(s.server.url, 0, onServer, records, 'app');
    console.log(`uploaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const phone = await Phone.launch(path.join(work, 'phone'), benchJs);
    try {
      const bench = await phone.benchPage(s.proxyUrl);
      const seed = (await call(bench, 'seed', APP_DB, LOG_DB, OFFICER)) as { seq: number };
      await markPushed(bench, seed.seq);
      console.log(`seeded ${seed.seq} changes`);
      if (onServer < records) {
        await phone.context.route('**/db/**', (route) =>
          new URL(route.request().url()).pathname === '/db/_session'
            ? route.continue()
            : route.abort('internetdisconnected'),
        );
        const filled = (await call(bench, 'fill', APP_DB, onServer, records, records, 'app')) as {
          ms: number;
          seq: number;
        };
        console.log(
          `wrote ${records - onServer} on the phone in ${(filled.ms / 1000).toFixed(1)} s`,
        );
        await markPushed(bench, filled.seq);
      }
      await bench.close();
      for (let i = 0; i < 3; i++) {
        const fresh = await phone.benchPage(s.proxyUrl);
        console.log('open cost:', JSON.stringify(await call(fresh, 'openCost', APP_DB)));
        await fresh.close();
      }
      const page = await phone.page();
      await phone.signIn(page, s.proxyUrl, OFFICER);
      for (let i = 0; i <= runs; i++) {
        const cpu =
          process.env.BENCH_PROFILE_CPU === '1' && i === runs ? await startCpuProfile(page) : null;
        await page.goto(`${s.proxyUrl}/`);
        await waitMarks(page, ['list', 'myWork']);
        await new Promise((r) => setTimeout(r, i === 0 ? 1000 : gapMs));
        console.log(i === 0 ? 'first open after the records arrived:' : `navigation ${i}:`);
        print(await timeline(page));
        if (i === 0 && process.env.BENCH_PROFILE_SETTLE === '1') {
          console.log(`settled after ${await waitSettled(page)} ms`);
          const probe = await phone.benchPage(s.proxyUrl);
          console.log('index snapshots:', JSON.stringify(await call(probe, 'indexSeqs', APP_DB)));
          await probe.close();
        }
        if (cpu) printCpu(await cpu.stop());
      }
      // Saves from a second tab with the home screen open: what the home tab does meanwhile.
      await page.goto(`${s.proxyUrl}/`);
      await waitMarks(page, ['list', 'myWork']);
      const t0 = await page.evaluate(() => performance.now());
      const tab = await phone.benchPage(s.proxyUrl);
      const saves = (await call(tab, 'save', APP_DB, 20, 300, 30_000)) as number[];
      await tab.close();
      await new Promise((r) => setTimeout(r, 1000));
      const sorted = [...saves].sort((a, b) => a - b);
      console.log(
        `saves with the home screen open: ${saves.map((ms) => ms.toFixed(0)).join(' ')} ms` +
          ` (p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)})`,
      );
      console.log('home tab meanwhile:');
      print((await timeline(page)).filter((e) => e.start >= t0));
    } finally {
      await phone.close();
    }
  });
});
process.exit(0);
