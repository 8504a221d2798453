// Lighthouse 12.2.3 (its CLI, default config: mobile emulation with simulated throttling)
// against `npm start`'s server on loopback, in Debian's Chromium with the test flags.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromiumArgs } from '../../playwright.config.ts';

const run = promisify(execFile);

export interface LighthouseResult {
  version: string;
  formFactor: string;
  categories: Record<string, number | null>;
  metrics: Record<string, string>;
}

interface Lhr {
  lighthouseVersion: string;
  configSettings: { formFactor: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { displayValue?: string }>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'total-byte-weight',
];

export interface LighthouseOptions {
  /** A browser profile to run in (a signed-in phone with data), instead of an empty one. */
  profile?: string;
  /** Keep the profile's storage (IndexedDB, localStorage, cookies): Lighthouse clears it. */
  keepStorage?: boolean;
  timeoutMs?: number;
}

export async function runLighthouse(
  url: string,
  opts: LighthouseOptions = {},
): Promise<LighthouseResult> {
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-lighthouse-'));
  const out = path.join(dir, 'report.json');
  try {
    await run(
      'npx',
      [
        'lighthouse',
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance',
        '--max-wait-for-load=60000',
        `--chrome-flags=${chromiumArgs.join(' ')} --user-data-dir=${opts.profile ?? path.join(dir, 'profile')}`,
        ...(opts.keepStorage ? ['--disable-storage-reset'] : []),
      ],
      {
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      },
    );
    const lhr = JSON.parse(readFileSync(out, 'utf8')) as Lhr;
    return {
      version: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      categories: Object.fromEntries(
        Object.entries(lhr.categories).map(([k, c]) => [
          k,
          c.score === null ? null : Math.round(c.score * 100),
        ]),
      ),
      metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.displayValue ?? '—'])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
