// Local speed in real Chromium on IndexedDB: the app's repository with N records already in
// the local database. A persistent profile on disk, because a fresh incognito-like context
// would keep IndexedDB in memory and flatter the numbers.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../playwright.config.ts';
import { bundleBrowserBench } from './browser/bundle.ts';
import { serveStatic } from './browser/static-server.ts';
import { percentile, timed } from '../support/harness/stats.ts';

export interface LocalSpeed {
  records: number;
  loadMs: number;
  save: { p50: number; p95: number; runs: number };
  firstPage: { p50: number; p95: number; runs: number };
}

interface BenchApi {
  load(count: number): Promise<number>;
  save(times: number): Promise<number[]>;
  firstPage(times: number): Promise<number[]>;
}

export async function measureLocalSpeed(records: number, runs = 200): Promise<LocalSpeed> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-browser-bench-'));
  const site = await (async () => {
    await bundleBrowserBench(path.join(work, 'site'));
    return serveStatic(path.join(work, 'site'));
  })();
  const context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    timeout: 60_000,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15 * 60_000);
    await page.goto(site.url);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
    const api = 'window.fieldbookBench';
    const call = <K extends keyof BenchApi>(name: K, arg: number) =>
      page.evaluate(`${api}.${name}(${arg})`) as ReturnType<BenchApi[K]>;

    const [count, loadMs] = await timed(() => call('load', records));
    if (count < records) throw new Error(`loaded ${count} of ${records} records`);
    // Warm-up runs are not counted: the first reads open IndexedDB and fill caches.
    await call('firstPage', 5);
    const firstPage = await call('firstPage', runs);
    await call('save', 5);
    const save = await call('save', runs);
    const summary = (v: number[]) => ({
      p50: percentile(v, 50),
      p95: percentile(v, 95),
      runs: v.length,
    });
    return { records, loadMs, save: summary(save), firstPage: summary(firstPage) };
  } finally {
    await context.close();
    await site.close();
    rmSync(work, { recursive: true, force: true });
  }
}
