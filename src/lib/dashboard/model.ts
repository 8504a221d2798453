// The supervisor's dashboard as data: for one quarter, each index's plan items (status,
// progress, evidence per month, overdue), which kinds of field work each hamlet got, and each
// person's records (sent, waiting, returned) with when their devices last synced. Pure: it
// reads rows the log and review indexes already keep (one per record, no record read) and the
// plan's folds, so the page, the tests and any export see the same figures.
import { hamletKey } from '$lib/domain/hamlet';
import { PLAN_INDEX_KEYS, compareCodes, type PlanIndex, type PlanItem } from '$lib/domain/plan';
import type { ProgressState, ProgressStatus } from '$lib/domain/progress';
import type { SummaryRow } from '$lib/data/check-log';
import { quarterRange, type Quarter } from '$lib/report/period';

/** When one person's device last synced (a deviceSync document). */
export interface SyncMark {
  author: string;
  authorRole: string;
  device: string;
  lastSyncedAt: string;
}

export interface DashSource {
  quarter: Quarter;
  items: readonly PlanItem[];
  folds: ReadonlyMap<string, ProgressState>;
  /** Records of any time: those outside the quarter are left out here. */
  rows: readonly SummaryRow[];
  /** The grid's columns: the kinds this person can read, in the registry's order. */
  kinds: readonly string[];
  /** The commune's hamlet names in the order to show (hamlets with no work show too). */
  hamlets: readonly string[];
  syncs: readonly SyncMark[];
}

export interface ItemLine {
  code: string;
  title: string;
  status: ProgressStatus;
  percent: number | null;
  overdue: boolean;
  /** Records linked to the item, per month of the quarter, and in all. */
  perMonth: number[];
  evidence: number;
}

export interface IndexBlock {
  index: PlanIndex;
  items: ItemLine[];
  byStatus: Record<ProgressStatus, number>;
  overdue: number;
  /** Mean progress (done counts 100, none 0); null without items. */
  meanPercent: number | null;
  /** Records linked to any of the index's items, per month (a record counts once). */
  perMonth: number[];
  evidence: number;
}

export interface HamletLine {
  hamlet: string;
  /** Records per kind, in the order of `kinds`. */
  byKind: number[];
  total: number;
}

export interface OfficerLine {
  author: string;
  role: string;
  records: number;
  drafts: number;
  /** Sent to the reviewers: waiting, returned or approved. */
  sent: number;
  waiting: number;
  returned: number;
  approved: number;
  /** Each device's latest sync, latest first. */
  devices: { device: string; at: string }[];
  lastSync: string | null;
}

export interface Dashboard {
  quarter: Quarter;
  /** The quarter's months (1-12), and the records per month. */
  months: number[];
  perMonth: number[];
  total: number;
  indices: IndexBlock[];
  kinds: string[];
  hamlets: HamletLine[];
  officers: OfficerLine[];
}

const STATUSES: readonly ProgressStatus[] = ['notStarted', 'inProgress', 'done', 'blocked'];

const zeros = (n: number) => Array.from({ length: n }, () => 0);

export function buildDashboard(src: DashSource): Dashboard {
  const range = quarterRange(src.quarter);
  const rows = src.rows.filter((r) => r.day >= range.from && r.day <= range.to);
  const monthAt = (day: string) => range.months.indexOf(Number(day.slice(5, 7)));

  const perMonth = zeros(3);
  // Records per plan code and month: one pass over the quarter's rows.
  const byCode = new Map<string, number[]>();
  for (const r of rows) {
    const m = monthAt(r.day);
    perMonth[m] += 1;
    for (const code of new Set(r.planItems)) {
      const counts = byCode.get(code) ?? zeros(3);
      counts[m] += 1;
      byCode.set(code, counts);
    }
  }

  const items = [...src.items].sort((a, b) => compareCodes(a.code, b.code));
  const indices = PLAN_INDEX_KEYS.map((index): IndexBlock => {
    const mine = items.filter((i) => i.index === index);
    const codes = new Set(mine.map((i) => i.code));
    const lines = mine.map((item): ItemLine => {
      const fold = src.folds.get(item._id);
      const months = byCode.get(item.code) ?? zeros(3);
      return {
        code: item.code,
        title: item.title,
        status: fold?.status ?? 'notStarted',
        percent: fold?.percent ?? null,
        overdue: fold?.overdue ?? false,
        perMonth: [...months],
        evidence: months.reduce((a, b) => a + b, 0),
      };
    });
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
      ProgressStatus,
      number
    >;
    let percentSum = 0;
    for (const l of lines) {
      byStatus[l.status] += 1;
      percentSum += l.status === 'done' ? 100 : (l.percent ?? 0);
    }
    const indexMonths = zeros(3);
    for (const r of rows)
      if (r.planItems.some((c) => codes.has(c))) indexMonths[monthAt(r.day)] += 1;
    return {
      index,
      items: lines,
      byStatus,
      overdue: lines.filter((l) => l.overdue).length,
      meanPercent: lines.length ? percentSum / lines.length : null,
      perMonth: indexMonths,
      evidence: indexMonths.reduce((a, b) => a + b, 0),
    };
  }).filter((b) => b.items.length);

  // Hamlets: the commune's list first (its spelling), then any other hamlet a record names.
  const kindAt = new Map(src.kinds.map((k, i) => [k, i]));
  const hamlets = new Map<string, HamletLine>();
  // A hamlet's key once per spelling, not once per record (it normalises the text).
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = hamletKey(name) || name));
    return key;
  };
  const line = (name: string) => {
    const key = keyOf(name);
    let h = hamlets.get(key);
    if (!h) hamlets.set(key, (h = { hamlet: name, byKind: zeros(src.kinds.length), total: 0 }));
    return h;
  };
  src.hamlets.forEach(line);
  const known = hamlets.size;
  for (const r of rows) {
    const k = kindAt.get(r.kind);
    if (k === undefined || !r.hamlet) continue;
    const h = line(r.hamlet);
    h.byKind[k] += 1;
    h.total += 1;
  }
  const hamletLines = [...hamlets.values()];
  const others = hamletLines.slice(known).sort((a, b) => a.hamlet.localeCompare(b.hamlet, 'vi'));

  // People: everyone with records in the quarter or a device that synced.
  const officers = new Map<string, OfficerLine>();
  const person = (author: string, role: string) => {
    let o = officers.get(author);
    if (!o)
      officers.set(
        author,
        (o = {
          author,
          role,
          records: 0,
          drafts: 0,
          sent: 0,
          waiting: 0,
          returned: 0,
          approved: 0,
          devices: [],
          lastSync: null,
        }),
      );
    return o;
  };
  for (const r of rows) {
    const o = person(r.author, r.authorRole);
    o.records += 1;
    if (r.state === 'draft') o.drafts += 1;
    else {
      o.sent += 1;
      o[r.state] += 1;
    }
  }
  for (const s of src.syncs) {
    const o = person(s.author, s.authorRole);
    o.devices.push({ device: s.device, at: s.lastSyncedAt });
  }
  for (const o of officers.values()) {
    o.devices.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    o.lastSync = o.devices[0]?.at ?? null;
  }

  return {
    quarter: src.quarter,
    months: range.months,
    perMonth,
    total: rows.length,
    indices,
    kinds: [...src.kinds],
    hamlets: [...hamletLines.slice(0, known), ...others],
    officers: [...officers.values()].sort(
      (a, b) => b.records - a.records || (a.author < b.author ? -1 : 1),
    ),
  };
}
