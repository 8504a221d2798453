// Where a new phone's first sync spends its time in the app: `npx tsx
// test/bench/app/profile-sync.ts` (BENCH_PROFILE_RECORDS, 10000). Puts the records on the server,
// signs a new phone in, waits for "up to date" with every record local, and prints the app's
// `fb:` spans summed by name (how often, how long in all) and the page's CPU self time by
// function; then a plain one-shot pull at 500 a batch in a page of its own, as the baseline,
// with its CPU self time likewise.
import path from 'node:path';
import { OFFICER } from '../../support/fixtures.ts';
import { withFreshServer } from '../../support/harness/fresh-server.ts';
import { Phone } from './browser.ts';
import { withBenchSite } from './site.ts';
import { APP_DB, call, signInFilled, tapSignIn } from './first-sync.ts';
import { LOG_DB, uploadRecords } from './server-data.ts';
import { printCpu, startCpuProfile } from './timeline.ts';

const records = Number(process.env.BENCH_PROFILE_RECORDS ?? 10_000);
const root = path.resolve(import.meta.dirname, '../../..');

await withBenchSite(root, 'fieldbook-profile-sync-', async ({ work, benchJs }) => {
  await withFreshServer(async (s) => {
    await uploadRecords(s.server.url, 0, records, records, 'app');
    console.log(`${records} records on the server`);
    const phone = await Phone.launch(path.join(work, 'phone'), benchJs);
    try {
      const { page, counter } = await signInFilled(phone, s.proxyUrl);
      const cpu = await startCpuProfile(page, 1000);
      const t0 = await tapSignIn(page);
      // BENCH_SYNC_SCREEN=/device: the sync with a screen that follows no index (a lower bound).
      const screen = process.env.BENCH_SYNC_SCREEN;
      if (screen) {
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await page.goto(`${s.proxyUrl}${screen}`);
      }
      let at = 0;
      for (;;) {
        const mark = await page.evaluate(
          () =>
            (window as unknown as { __marks: Record<string, number> }).__marks['phase:upToDate'],
        );
        if (typeof mark === 'number' && mark !== at) {
          at = mark;
          if (((await call(counter, 'count', APP_DB)) as number) >= records) break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      const profile = await cpu.stop();
      console.log(`the app: sign-in → up to date ${((at - t0) / 1000).toFixed(1)} s`);
      const spans = await page.evaluate((t0) => {
        const sums = new Map<string, { n: number; ms: number }>();
        for (const m of performance.getEntriesByType('measure')) {
          if (!m.name.startsWith('fb:') || m.startTime < t0) continue;
          const s = sums.get(m.name) ?? { n: 0, ms: 0 };
          s.n += 1;
          s.ms += m.duration;
          sums.set(m.name, s);
        }
        return [...sums].sort((a, b) => b[1].ms - a[1].ms);
      }, t0);
      const syncSpans = await page.evaluate(
        (t0) =>
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('fb:sync:') && m.startTime >= t0)
            .map((m) => [m.name, m.startTime - t0, m.duration] as const),
        t0,
      );
      // What happens between the sign-in tap and the first pull, and in the last 2.5 s before
      // "up to date": spans and requests, in order.
      const entriesBetween = (from: number, until: number) =>
        page.evaluate(
          ([t0, from, until]) =>
            [
              ...performance.getEntriesByType('measure'),
              ...performance.getEntriesByType('resource'),
            ]
              .filter((e) => e.startTime >= from && e.startTime < until)
              .sort((a, b) => a.startTime - b.startTime)
              .map(
                (e) => [e.name.replace(location.origin, ''), e.startTime - t0, e.duration] as const,
              ),
          [t0, from, until] as const,
        );
      for (const [title, from, until] of [
        ['the first 2 s after the tap', t0, t0 + 2_000],
        ['the last 2.5 s before "up to date"', at - 2_500, at],
      ] as const) {
        console.log(`${title} (start, duration ms):`);
        for (const [name, start, ms] of await entriesBetween(from, until))
          console.log(
            `  ${start.toFixed(0).padStart(6)} ${ms.toFixed(0).padStart(6)}  ${name.slice(0, 90)}`,
          );
      }
      for (const [name, start, ms] of syncSpans)
        console.log(`${name}: from ${(start / 1000).toFixed(1)} s for ${(ms / 1000).toFixed(1)} s`);
      console.log('fb: spans after sign-in (count, total ms):');
      for (const [name, s] of spans)
        console.log(`  ${String(s.n).padStart(5)} ${s.ms.toFixed(0).padStart(8)}  ${name}`);
      printCpu(profile);
      // The baseline's CPU too, to set beside the app's function by function.
      const plainCpu = await startCpuProfile(counter, 1000);
      const plain = (await call(counter, 'plainPull', 'baseline', LOG_DB, OFFICER, 500)) as {
        ms: number;
      };
      const plainProfile = await plainCpu.stop();
      console.log(`plain one-shot pull at 500 a batch: ${(plain.ms / 1000).toFixed(1)} s`);
      printCpu(plainProfile);
    } finally {
      await phone.close();
    }
  });
});
process.exit(0);
