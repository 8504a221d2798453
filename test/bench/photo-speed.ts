// Photo compression in real Chromium: a 12-megapixel JPEG as a phone camera writes it (4000 ×
// 3000, several MB, EXIF orientation 6 because the phone was held upright) through the app's
// own compressPhoto, as the form runs it before anything is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../../playwright.config.ts';
import { bundleBrowserBench } from './browser/bundle.ts';
import { serveStatic } from './browser/static-server.ts';
import { makePhotoInPage, withOrientation } from '../support/photo-fixture.ts';
import { percentile } from '../support/harness/stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface PhotoSpeed {
  inputBytes: number;
  runs: number;
  ms: { p50: number; p95: number };
  /** The largest stored photo and thumbnail of all runs, and the photo's size and type. */
  bytes: number;
  thumbBytes: number;
  width: number;
  height: number;
  type: string;
}

interface Run {
  ms: number;
  bytes: number;
  thumbBytes: number;
  width: number;
  height: number;
  type: string;
}

export async function measurePhotoSpeed(runs = 10): Promise<PhotoSpeed> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-photo-bench-'));
  await bundleBrowserBench(path.join(work, 'site'), path.join(here, 'browser/photo-entry.ts'));
  const site = await serveStatic(path.join(work, 'site'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
    timeout: 60_000,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(10 * 60_000);
    await page.goto(site.url);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const made = await page.evaluate(makePhotoInPage, { width: 4000, height: 3000, seed: 5 });
    const jpeg = withOrientation(new Uint8Array(Buffer.from(made, 'base64')), 6);
    const input = Buffer.from(jpeg).toString('base64');
    const call = (times: number) =>
      page.evaluate(
        ([b64, n]) =>
          (
            window as unknown as {
              fieldbookPhotoBench: { compress(b: string, n: number): Promise<Run[]> };
            }
          ).fieldbookPhotoBench.compress(b64, n),
        [input, times] as const,
      );
    await call(2); // warm-up: the first decode and encode load Chromium's codecs
    const measured = await call(runs);
    const times = measured.map((r) => r.ms);
    const last = measured[measured.length - 1];
    return {
      inputBytes: jpeg.length,
      runs,
      ms: { p50: percentile(times, 50), p95: percentile(times, 95) },
      bytes: Math.max(...measured.map((r) => r.bytes)),
      thumbBytes: Math.max(...measured.map((r) => r.thumbBytes)),
      width: last.width,
      height: last.height,
      type: last.type,
    };
  } finally {
    await browser.close();
    await site.close();
    rmSync(work, { recursive: true, force: true });
  }
}
