// The benchmark report: one table for the console and the same table in docs/benchmarks.md.
import type { LighthouseResult } from './lighthouse.ts';
import type { AppSize } from './app-size.ts';
import type { LocalSpeed } from './local-speed.ts';
import type { SyncRun } from './sync-speed.ts';
import type { LoadResult } from '../load/load.ts';
import type { AppBench } from './app/app-bench.ts';
import { appRows } from './app/report.ts';
import type { LinkResults } from './link/link-bench.ts';
import { linkRows } from './link/report.ts';
import type { PhotoSpeed } from './photo-speed.ts';
import { loadRows } from '../load/report.ts';
import { bytes, ms, ratio, seconds } from '../support/harness/stats.ts';

export interface NodeSync {
  ours: SyncRun;
  plain: SyncRun;
  plainLive: SyncRun;
}

export interface BenchResults {
  records: number;
  /** Sync times are medians of this many runs. */
  syncRuns: number;
  jsonBytesPerRecord: number;
  sync: NodeSync | string;
  app: AppBench | string;
  local: LocalSpeed | string;
  size: AppSize | string;
  lighthouse: LighthouseResult | string;
  load: LoadResult | string;
  /** Absent in a run that predates the link benchmark. */
  link?: LinkResults | string;
  /** Absent in a run that predates the photo benchmark. */
  photos?: PhotoSpeed | string;
}

type Row = [section: string, measure: string, value: string, target?: string];

const NODE = 'Context: Node, in-memory PouchDB (not how a person meets it)';

function syncRows(r: BenchResults): Row[] {
  if (typeof r.sync === 'string') return [[NODE, 'sync not measured', r.sync]];
  const { ours, plain, plainLive } = r.sync;
  const n = r.records;
  const verdict = (v: number, max: number) => `${ratio(v)} ${v <= max ? '✓' : '✗'} (≤ ${max} ×)`;
  const wire = (label: string, run: SyncRun): Row[] => [
    [
      NODE,
      `${label}, push: up / down per record (target: both ways together)`,
      `${bytes(run.push.up / n)} / ${bytes(run.push.down / n)}`,
      verdict((run.push.up + run.push.down) / n / r.jsonBytesPerRecord, 1.5),
    ],
    [
      NODE,
      `${label}, pull: up / down per record (target: both ways together)`,
      `${bytes(run.pull.up / n)} / ${bytes(run.pull.down / n)}`,
      verdict((run.pull.up + run.pull.down) / n / r.jsonBytesPerRecord, 1.5),
    ],
  ];
  return [
    [
      NODE,
      `push ${n} checks, Fieldbook SyncEngine (median of ${r.syncRuns})`,
      seconds(ours.pushMs),
      verdict(ours.pushMs / plain.pushMs, 1.2),
    ],
    [
      NODE,
      `push ${n} checks, plain PouchDB.replicate at the same 250 a batch (median of ${r.syncRuns})`,
      seconds(plain.pushMs),
    ],
    [
      NODE,
      `push ${n} checks, plain replicate, live mode`,
      seconds(plainLive.pushMs),
      `${ratio(plainLive.pushMs / plain.pushMs)} (context)`,
    ],
    [
      NODE,
      `pull ${n} checks to a fresh device, SyncEngine (median of ${r.syncRuns})`,
      seconds(ours.pullMs),
      verdict(ours.pullMs / plain.pullMs, 1.2),
    ],
    [
      NODE,
      `pull ${n} checks, plain PouchDB.replicate at the same 250 a batch (median of ${r.syncRuns})`,
      seconds(plain.pullMs),
    ],
    [
      NODE,
      `pull ${n} checks, plain replicate, live mode`,
      seconds(plainLive.pullMs),
      `${ratio(plainLive.pullMs / plain.pullMs)} (context)`,
    ],
    [NODE, 'record JSON (the yardstick for bytes)', bytes(r.jsonBytesPerRecord)],
    ...wire('SyncEngine', ours),
    ...wire('plain', plain),
  ];
}

function localRows(l: LocalSpeed | string): Row[] {
  if (typeof l === 'string')
    return [['Context: repository alone in Chromium (no UI, no sync)', 'not measured', l]];
  const pp = (x: { p50: number; p95: number }) => `p50 ${ms(x.p50)}, p95 ${ms(x.p95)}`;
  return [
    [
      'Context: repository alone in Chromium (no UI, no sync)',
      `records in the local database`,
      `${l.records} (bulk-loaded in ${seconds(l.loadMs)})`,
    ],
    [
      'Context: repository alone in Chromium (no UI, no sync)',
      `save one check (${l.save.runs} runs)`,
      pp(l.save),
    ],
    [
      'Context: repository alone in Chromium (no UI, no sync)',
      `first page of 50, newest first (${l.firstPage.runs} runs)`,
      pp(l.firstPage),
    ],
    [
      'Context: repository alone in Chromium (no UI, no sync)',
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
            'App size (context)',
            `signed-out first route JS, gzip (${s.files} files incl. CSS)`,
            `${bytes(s.gzipJs)} (raw ${bytes(s.js)})`,
          ],
          [
            'App size (context)',
            'signed-out first route CSS, gzip',
            `${bytes(s.gzipCss)} (raw ${bytes(s.css)})`,
          ],
          [
            'App size (context)',
            'signed-out first route JS + CSS, gzip',
            bytes(s.gzipJs + s.gzipCss),
          ],
          [
            'App size',
            'all client JS + CSS, gzip (the service worker precaches it)',
            bytes(s.allGzip),
          ],
        ];
  if (typeof lh === 'string') return [...rows, ['Lighthouse', 'not measured', lh]];
  return [
    ...rows,
    [
      'Lighthouse (context)',
      `performance, signed-out empty start page (${lh.version}, ${lh.formFactor} emulation)`,
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

const PHOTOS = "Photos (Chromium, the app's compressPhoto)";

function photoRows(p: PhotoSpeed | string | undefined): Row[] {
  if (p === undefined) return [];
  if (typeof p === 'string') return [[PHOTOS, 'not measured', p]];
  const limit = 300 * 1024;
  return [
    [
      PHOTOS,
      `compress a 12-megapixel JPEG (4000 × 3000, ${bytes(p.inputBytes)}, EXIF upright), ${p.runs} runs`,
      `p50 ${ms(p.ms.p50)}, p95 ${ms(p.ms.p95)}`,
    ],
    [
      PHOTOS,
      'what is stored: largest photo, its size and type; largest thumbnail',
      `${bytes(p.bytes)}, ${p.width} × ${p.height} ${p.type}; ${bytes(p.thumbBytes)}`,
      `${p.bytes <= limit && Math.max(p.width, p.height) <= 1600 ? '✓' : '✗'} (≤ 300 KB, long edge ≤ 1600 px)`,
    ],
  ];
}

export function rows(r: BenchResults): Row[] {
  const load: Row[] =
    typeof r.load === 'string'
      ? [['Load', 'not measured', r.load]]
      : loadRows(r.load).map(([k, v]) => ['Load', k, v] as Row);
  const app: Row[] =
    typeof r.app === 'string' ? [['App (Chromium)', 'not measured', r.app]] : appRows(r.app);
  return [
    ...app,
    ...syncRows(r),
    ...linkRows(r.link),
    ...localRows(r.local),
    ...sizeRows(r.size, r.lighthouse),
    ...photoRows(r.photos),
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
