// The benchmark report: one table for the console and the same table in docs/benchmarks.md.
import type { LighthouseResult } from './lighthouse.ts';
import type { AppSize } from './app-size.ts';
import type { LocalSpeed } from './local-speed.ts';
import type { SyncRun } from './sync-speed.ts';
import type { LoadResult } from '../load/load.ts';
import { loadRows } from '../load/report.ts';
import { bytes, ms, ratio, seconds } from '../support/harness/stats.ts';

export interface BenchResults {
  records: number;
  /** Sync times are medians of this many runs. */
  syncRuns: number;
  jsonBytesPerRecord: number;
  ours: SyncRun;
  plain: SyncRun;
  plainLive: SyncRun;
  local: LocalSpeed | string;
  size: AppSize | string;
  lighthouse: LighthouseResult | string;
  load: LoadResult | string;
}

type Row = [section: string, measure: string, value: string, target?: string];

function syncRows(r: BenchResults): Row[] {
  const n = r.records;
  const verdict = (v: number, max: number) => `${ratio(v)} ${v <= max ? '✓' : '✗'} (≤ ${max} ×)`;
  const wire = (label: string, run: SyncRun): Row[] => [
    [
      'Bytes on the wire',
      `${label}, push: up / down per record`,
      `${bytes(run.push.up / n)} / ${bytes(run.push.down / n)}`,
      verdict(run.push.up / n / r.jsonBytesPerRecord, 1.5),
    ],
    [
      'Bytes on the wire',
      `${label}, pull: up / down per record`,
      `${bytes(run.pull.up / n)} / ${bytes(run.pull.down / n)}`,
      verdict(run.pull.down / n / r.jsonBytesPerRecord, 1.5),
    ],
  ];
  return [
    [
      'Sync',
      `push ${n} checks, Fieldbook SyncEngine (median of ${r.syncRuns})`,
      seconds(r.ours.pushMs),
      verdict(r.ours.pushMs / r.plain.pushMs, 1.2),
    ],
    [
      'Sync',
      `push ${n} checks, plain PouchDB.replicate (median of ${r.syncRuns})`,
      seconds(r.plain.pushMs),
    ],
    [
      'Sync',
      `push ${n} checks, plain replicate, live mode`,
      seconds(r.plainLive.pushMs),
      `${ratio(r.plainLive.pushMs / r.plain.pushMs)} (context)`,
    ],
    [
      'Sync',
      `pull ${n} checks to a fresh device, SyncEngine (median of ${r.syncRuns})`,
      seconds(r.ours.pullMs),
      verdict(r.ours.pullMs / r.plain.pullMs, 1.2),
    ],
    [
      'Sync',
      `pull ${n} checks, plain PouchDB.replicate (median of ${r.syncRuns})`,
      seconds(r.plain.pullMs),
    ],
    [
      'Sync',
      `pull ${n} checks, plain replicate, live mode`,
      seconds(r.plainLive.pullMs),
      `${ratio(r.plainLive.pullMs / r.plain.pullMs)} (context)`,
    ],
    ['Bytes on the wire', 'record JSON (the yardstick)', bytes(r.jsonBytesPerRecord)],
    ...wire('SyncEngine', r.ours),
    ...wire('plain', r.plain),
  ];
}

function localRows(l: LocalSpeed | string): Row[] {
  if (typeof l === 'string') return [['Local (Chromium, IndexedDB)', 'not measured', l]];
  const pp = (x: { p50: number; p95: number }) => `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}`;
  return [
    [
      'Local (Chromium, IndexedDB)',
      `records in the local database`,
      `${l.records} (bulk-loaded in ${seconds(l.loadMs)})`,
    ],
    ['Local (Chromium, IndexedDB)', `save one check (${l.save.runs} runs)`, pp(l.save)],
    [
      'Local (Chromium, IndexedDB)',
      `first page of 50, newest first (${l.firstPage.runs} runs)`,
      pp(l.firstPage),
    ],
    [
      'Local (Chromium, IndexedDB)',
      'first page with a filter',
      'no filters exist yet: not measured',
    ],
  ];
}

function sizeRows(s: AppSize | string, lh: LighthouseResult | string): Row[] {
  const rows: Row[] =
    typeof s === 'string'
      ? [['App size', 'not measured', s]]
      : [
          [
            'App size',
            `first route JS, gzip (${s.files} files incl. CSS)`,
            `${bytes(s.gzipJs)} (raw ${bytes(s.js)})`,
          ],
          ['App size', 'first route CSS, gzip', `${bytes(s.gzipCss)} (raw ${bytes(s.css)})`],
          ['App size', 'first route JS + CSS, gzip', bytes(s.gzipJs + s.gzipCss)],
          ['App size', 'all client JS + CSS, gzip (precached)', bytes(s.allGzip)],
        ];
  if (typeof lh === 'string') return [...rows, ['Lighthouse', 'not measured', lh]];
  return [
    ...rows,
    [
      'Lighthouse',
      `performance (${lh.version}, ${lh.formFactor} emulation)`,
      String(lh.categories.performance ?? '—'),
    ],
    [
      'Lighthouse',
      'PWA category',
      lh.categories.pwa === undefined
        ? `not in Lighthouse ${lh.version} (removed in 12.0)`
        : String(lh.categories.pwa),
    ],
    [
      'Lighthouse',
      'FCP / LCP / TBT / CLS / Speed Index',
      [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ]
        .map((m) => lh.metrics[m])
        .join(' / '),
    ],
  ];
}

export function rows(r: BenchResults): Row[] {
  const load: Row[] =
    typeof r.load === 'string'
      ? [['Load', 'not measured', r.load]]
      : loadRows(r.load).map(([k, v]) => ['Load', k, v] as Row);
  return [
    ...syncRows(r),
    ...localRows(r.local),
    ...sizeRows(r.size, r.lighthouse),
    ['Photos', 'compression of a 12-megapixel image', 'no photos exist yet: not measured'],
    ...load,
  ];
}

export function markdownTable(list: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| area | measure | value | target / ratio |',
    '| --- | --- | --- | --- |',
    ...list.map(([a, b, c, d]) => `| ${esc(a)} | ${esc(b)} | ${esc(c)} | ${esc(d ?? '')} |`),
  ].join('\n');
}

export function consoleTable(list: Row[]): string {
  const w = [0, 1, 2].map((i) => Math.max(...list.map((r) => (r[i] ?? '').length)));
  return list
    .map((r) =>
      r
        .map((c, i) => (c ?? '').padEnd(w[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
