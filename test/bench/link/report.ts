// Rows of the hamlet-link benchmark for the report (test/bench/report.ts).
import { bytes, ratio, seconds } from '../../support/harness/stats.ts';
import type { LinkResults, LinkRun } from './link-bench.ts';
import { DAY_PHOTO_BYTES, type PhotoDayRun } from './photo-day.ts';

type Row = [section: string, measure: string, value: string, target?: string];

const SECTION = 'Sync over a hamlet link (256 kbit/s, 400 ms, 2 % cut) and office Wi-Fi';
const verdict = (v: number, max: number) => `${ratio(v)} ${v <= max ? '✓' : '✗'} (≤ ${max} ×)`;

function wire(run: LinkRun, what: string): Row[] {
  return [
    [
      SECTION,
      `${what}: bytes up ÷ records' JSON (${bytes(run.up)} of ${bytes(run.jsonBytes)})`,
      ratio(run.up / run.jsonBytes),
      verdict(run.up / run.jsonBytes, 0.5),
    ],
    [
      SECTION,
      `${what}: bytes down ÷ records' JSON (${bytes(run.down)})`,
      ratio(run.down / run.jsonBytes),
      verdict(run.down / run.jsonBytes, 0.5),
    ],
  ];
}

function photoDayRows(p: PhotoDayRun | undefined): Row[] {
  if (!p) return [];
  const what = `a day's work with photos: ${p.records} records and ${p.photos} photos of ~${bytes(DAY_PHOTO_BYTES)}`;
  return [
    [
      SECTION,
      `${what}, hamlet link (${p.cuts} cut)`,
      seconds(p.ms),
      `${verdict(p.ms / p.idealMs, 1.3)} of payload ÷ bandwidth (${bytes(p.payloadBytes)}: ${seconds(p.idealMs)})`,
    ],
    [
      SECTION,
      `${what}: last record on the server → first photo on the server`,
      `${seconds(p.lastRecordMs)} → ${seconds(p.firstPhotoMs)}`,
      p.lastRecordMs < p.firstPhotoMs ? 'every record first ✓' : 'a photo before a record ✗',
    ],
    [
      SECTION,
      `${what}: bytes up ÷ payload (${bytes(p.up)}; down ${bytes(p.down)})`,
      ratio(p.up / p.payloadBytes),
    ],
  ];
}

export function linkRows(r: LinkResults | string | undefined): Row[] {
  if (r === undefined) return [];
  if (typeof r === 'string') return [[SECTION, 'not measured', r]];
  const day = r.day;
  return [
    [
      SECTION,
      `first sync of ${r.firstLocal.records} records, local link`,
      seconds(r.firstLocal.ms),
    ],
    [
      SECTION,
      `first sync of ${r.firstHamlet.records} records, hamlet link (${r.firstHamlet.cuts} connections cut)`,
      seconds(r.firstHamlet.ms),
      `payload ÷ bandwidth ${seconds(r.firstHamlet.idealMs ?? 0)}`,
    ],
    ...wire(r.firstLocal, 'first sync, compressed'),
    ...wire(r.firstLocalPlain, 'first sync, uncompressed (before issue 16)'),
    [
      SECTION,
      `a day's work: ${day.records} records, hamlet link (${day.cuts} cut)`,
      seconds(day.ms),
      `${verdict(day.ms / (day.idealMs ?? 1), 1.3)} of payload ÷ bandwidth (${seconds(day.idealMs ?? 0)})`,
    ],
    [SECTION, `the same day uncompressed (before issue 16)`, seconds(r.dayPlain.ms)],
    ...wire(day, "a day's work, compressed"),
    ...photoDayRows(r.photoDay),
    [
      SECTION,
      `office Wi-Fi: ${r.office.records} records from 20 phones at once over 10 Mbit/s`,
      seconds(r.office.ms),
      `payload ÷ bandwidth ${seconds(r.office.idealMs ?? 0)}`,
    ],
  ];
}
