// Rows of the app benchmark for the report (docs/benchmarks.md).
import { bytes, ms, ratio, seconds } from '../../support/harness/stats.ts';
import type { AppBench, Scale } from './app-bench.ts';
import type { Dist } from './scenarios.ts';
import type { SyncWay } from './first-sync.ts';

type Row = [section: string, measure: string, value: string, target?: string];

const pp = (d: Dist) => `p50 ${ms(d.p50)}, p95 ${ms(d.p95)} (${d.runs} runs)`;
const ok = (v: number, max: number, unit = '') => `${v <= max ? '✓' : '✗'} (≤ ${max}${unit})`;

function scaleRows(s: Scale, base: Scale | undefined): Row[] {
  const area = `App, ${s.records.toLocaleString('en')} records (Chromium, IndexedDB${s.offline ? ', offline: see README' : ''})`;
  const growth = (pick: (x: Scale) => Dist) =>
    base && base !== s ? `; ${ratio(pick(s).p95 / pick(base).p95)} the p95 at ${base.records}` : '';
  return [
    [
      area,
      s.offline
        ? 'records beyond the server written on the phone itself, sync cut'
        : 'phone brought up to date (plain replication, not timed as a result)',
      s.offline ? '—' : seconds(s.seedMs),
    ],
    [area, 'first home screen after the records arrived', ms(s.firstOpenMs)],
    [area, '… then the app reads them through in the background, until quiet', ms(s.settleMs)],
    [
      area,
      'navigation → home list visible',
      pp(s.homeList),
      ok(s.homeList.p95, 1000, ' ms p95') + growth((x) => x.homeList),
    ],
    [
      area,
      'navigation → "My work" visible',
      pp(s.myWork),
      ok(s.myWork.p95, 1000, ' ms p95') + growth((x) => x.myWork),
    ],
    [area, 'tap a record → its details', pp(s.openRecord), growth((x) => x.openRecord).slice(2)],
    [
      area,
      'search box, a hamlet typed → first page of the whole log',
      pp(s.search),
      ok(s.search.p95, 100, ' ms p95') + growth((x) => x.search),
    ],
    [
      area,
      "search box, one record's own words → it is found (whole index walked)",
      pp(s.searchRare),
      ok(s.searchRare.p95, 100, ' ms p95') + growth((x) => x.searchRare),
    ],
    [
      area,
      'filter bar, hamlet + review state → first page',
      pp(s.filter),
      ok(s.filter.p95, 100, ' ms p95') + growth((x) => x.filter),
    ],
    [
      area,
      'filter bar + search, kind + a year + a word → first page',
      pp(s.filterSearch),
      ok(s.filterSearch.p95, 100, ' ms p95') + growth((x) => x.filterSearch),
    ],
    [
      area,
      'log index read at a home screen start (background, after the list shows)',
      s.logIndexLoad ? pp(s.logIndexLoad) : 'not seen',
    ],
    [
      area,
      'save a record with the home screen open (sync on)',
      pp(s.save),
      ok(s.save.p95, 30, ' ms p95') + growth((x) => x.save),
    ],
  ];
}

function syncRows(w: SyncWay, base: SyncWay, records: number): Row[] {
  const than = base.label.replace('plain replication, its best batch', 'plain at its best batch');
  const area = `App, first sync of ${records.toLocaleString('en')} records (Chromium, IndexedDB)`;
  return [
    [
      area,
      `${w.label}, ${w.batch} a batch: time`,
      `p50 ${seconds(w.ms.p50)}, p95 ${seconds(w.ms.p95)} (${w.ms.runs} runs)`,
      `${ratio(w.ms.p50 / base.ms.p50)} ${than} (p50)`,
    ],
    [
      area,
      `${w.label}: client CPU, page main thread / all Chromium processes`,
      `${seconds(w.cpuPage.p50)} / ${seconds(w.cpuProcess.p50)} (p50)`,
      `${ratio(w.cpuProcess.p50 / base.cpuProcess.p50)} ${than}`,
    ],
    [
      area,
      `${w.label}: bytes on the wire up / down`,
      `${bytes(w.up)} / ${bytes(w.down)} (${bytes(w.up / records)} / ${bytes(w.down / records)} a record)`,
    ],
  ];
}

export function appRows(r: AppBench): Row[] {
  const rows: Row[] = [];
  if (typeof r.firstSync === 'string') rows.push(['App, first sync', 'not measured', r.firstSync]);
  else {
    const f = r.firstSync;
    const area = `App, first sync of ${f.records.toLocaleString('en')} records (Chromium, IndexedDB)`;
    // The app and its baseline both start in a new browser; the other ways share a warm page.
    rows.push(
      ...syncRows(f.app, f.plainNew, f.records),
      ...syncRows(f.plainNew, f.plainNew, f.records),
    );
    for (const w of [f.engine, f.plainSync, f.plainSame, f.plainBest])
      rows.push(...syncRows(w, f.plainBest, f.records));
    rows.push([
      area,
      'the app ÷ plain at its best batch, both on a new phone (target)',
      `${ratio(f.app.ms.p50 / f.plainNew.ms.p50)} (p50 ÷ p50); each round: ${f.pairRatios.map((x) => x.toFixed(2)).join(', ')}`,
      ok(f.app.ms.p50 / f.plainNew.ms.p50, 1.2, ' ×'),
    ]);
    rows.push([
      area,
      'the app ÷ plain at its best batch in a warmed page (context)',
      ratio(f.app.ms.p50 / f.plainBest.ms.p50),
    ]);
    rows.push([
      area,
      'SyncEngine alone ÷ plain at the same batch: time / CPU (target)',
      `${ratio(f.engine.ms.p50 / f.plainSame.ms.p50)} / ${ratio(f.engine.cpuProcess.p50 / f.plainSame.cpuProcess.p50)}`,
      ok(
        Math.max(
          f.engine.ms.p50 / f.plainSame.ms.p50,
          f.engine.cpuProcess.p50 / f.plainSame.cpuProcess.p50,
        ),
        1.1,
        ' ×',
      ),
    ]);
    rows.push([
      area,
      'plain replication by batch size (one run each)',
      f.sweep.map((x) => `${x.batch}: ${seconds(x.ms)}`).join(', '),
    ]);
  }
  const base = r.scales[0];
  for (const s of r.scales) rows.push(...scaleRows(s, base));
  rows.push(
    typeof r.size === 'string'
      ? ['App size', 'signed-in home screen', r.size]
      : [
          'App size',
          `JS + CSS a signed-in home screen loads (${r.size.files} files), gzip`,
          `${bytes(r.size.gzip)} (raw ${bytes(r.size.raw)})`,
        ],
  );
  const lh = r.lighthouse;
  if (typeof lh === 'string') rows.push(['Lighthouse', 'signed-in home screen', lh]);
  else
    rows.push(
      [
        'Lighthouse',
        `performance, signed-in home screen with ${r.lighthouseRecords.toLocaleString('en')} records (${lh.version}, ${lh.formFactor})`,
        String(lh.categories.performance ?? '—'),
      ],
      [
        'Lighthouse',
        'signed in: FCP / LCP / TBT / CLS / Speed Index',
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
    );
  return rows;
}
