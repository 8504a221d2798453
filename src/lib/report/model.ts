// The quarterly CCHC report as data: what each part says, computed from the plan, each item's
// progress and the quarter's field records. Pure (no DOM, no database), so the DOCX, the
// spreadsheet, the dashboard and the tests all read the same figures. Always Vietnamese: it is
// an official document (Decree 30/2020/NĐ-CP), whatever the interface language.
import type { FieldCheck } from '$lib/domain/field-check';
import { INDICES, PLAN_INDEX_KEYS, compareCodes, type Plan, type PlanItem } from '$lib/domain/plan';
import type { ProgressState } from '$lib/domain/progress';
import { vi } from '$lib/i18n/vi';
import { figureLabels, kindNameVi } from './kind-words';
import { formalDate, quarterRange, roman, viNumber, type Quarter } from './period';

export interface ReportSource {
  plan: Plan;
  items: PlanItem[];
  folds: ReadonlyMap<string, ProgressState>;
  /** The records whose work started in the quarter (every database the person reads). */
  records: FieldCheck[];
}

export interface ReportSettings {
  quarter: Quarter;
  /** The number before the symbol ("05"); empty for a draft ("Số: /BC-UBND"). */
  number: string;
  /** The day it is signed, `YYYY-MM-DD` (Vietnam). */
  issuedOn: string;
}

export interface ItemFigures {
  code: string;
  title: string;
  lead: string;
  status: string;
  percent: number | null;
  overdue: boolean;
  /** Records linked to the item in the quarter, and per month of the quarter. */
  evidence: number;
  perMonth: number[];
  /** The latest value of each measured criterion, as words. */
  measured: string[];
  /** Sums of the linked records' counts ("Số hộ được kiểm tra: 120"). */
  totals: [label: string, value: number][];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

export interface ReportPart {
  heading: string;
  paragraphs: string[];
  sections: ReportSection[];
}

export interface ReportModel {
  issuer: [string, string];
  numberLine: string;
  placeDate: string;
  title: string;
  summary: string;
  opening: string;
  parts: ReportPart[];
  recipients: string[];
  signature: { lines: string[]; name: string };
  /** Annex: one row per plan item. */
  annex: { title: string; header: string[]; rows: (string | number)[][] };
  figures: {
    records: number;
    approved: number;
    byKind: [name: string, count: number][];
    items: ItemFigures[];
  };
}

const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
const monthOf = (iso: string) => Number(vnDay(iso).slice(5, 7));

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** "UBND xã Hồng Phong" → ["ỦY BAN NHÂN DÂN", "XÃ HỒNG PHONG"]. */
export function issuerLines(issuer: string): [string, string] {
  const m = /^(UBND|Ủy ban nhân dân|ỦY BAN NHÂN DÂN)\s+(.+)$/i.exec(issuer.trim());
  if (m) return ['ỦY BAN NHÂN DÂN', m[2].toLocaleUpperCase('vi')];
  return [issuer.toLocaleUpperCase('vi'), ''];
}

/** The signature block: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", or as the plan words a deputy's. */
function signatureLines(title: string): string[] {
  if (/^KT\./i.test(title)) return title.split('/').map((s) => s.trim());
  return ['TM. ỦY BAN NHÂN DÂN', title];
}

function countBy<T>(list: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of list) out.set(key(x), (out.get(key(x)) ?? 0) + 1);
  return out;
}

function measuredWords(item: PlanItem, fold: ProgressState | undefined): string[] {
  if (!fold) return [];
  const out: string[] = [];
  for (const c of item.criteria) {
    const v = fold.values[c.id];
    if (v === undefined || !c.measure) continue;
    const unit = c.measure.unit;
    const shown =
      unit === 'percent'
        ? `${viNumber(v)} %`
        : unit === 'ratio'
          ? `${viNumber(v * 100)} %`
          : unit === 'vnd'
            ? `${viNumber(v, 0)} đồng`
            : viNumber(v);
    out.push(`${c.text.replace(/[.;:]+$/, '')}: ${shown}`);
  }
  return out;
}

/** Sums of the records' whole-number counts, labelled as the kind's form labels them. */
function totalsOf(records: readonly FieldCheck[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const r of records) {
    const labels = figureLabels(r.kind);
    for (const [key, value] of Object.entries(r.details as Record<string, unknown>)) {
      const label = labels[key];
      if (!label || typeof value !== 'number' || !Number.isFinite(value)) continue;
      sums.set(label, (sums.get(label) ?? 0) + value);
    }
  }
  return [...sums].filter(([, n]) => n > 0);
}

export function buildReport(source: ReportSource, settings: ReportSettings): ReportModel {
  const { plan, folds } = source;
  const q = settings.quarter;
  const range = quarterRange(q);
  const quarterName = `quý ${roman(q.quarter)} năm ${q.year}`;
  const records = source.records.filter((r) => {
    const day = vnDay(r.startedAt);
    return day >= range.from && day <= range.to;
  });
  const items = [...source.items].sort((a, b) => compareCodes(a.code, b.code));
  const statuses = vi.plan.statuses;

  const figures: ItemFigures[] = items.map((item) => {
    const linked = records.filter((r) => r.planItems.includes(item.code));
    const fold = folds.get(item._id);
    return {
      code: item.code,
      title: item.title,
      lead: item.leadText,
      status: statuses[fold?.status ?? 'notStarted'],
      percent: fold?.percent ?? null,
      overdue: fold?.overdue ?? false,
      evidence: linked.length,
      perMonth: range.months.map((m) => linked.filter((r) => monthOf(r.startedAt) === m).length),
      measured: measuredWords(item, fold),
      totals: totalsOf(linked),
    };
  });

  const byKind = [...countBy(records, (r) => r.kind)].map(([k, n]): [string, number] => [
    kindNameVi(k),
    n,
  ]);
  const approved = records.filter((r) => r.status === 'approved').length;
  const done = figures.filter((f) => f.status === statuses.done).length;
  const inProgress = figures.filter((f) => f.status === statuses.inProgress).length;
  const overdue = figures.filter((f) => f.overdue);
  const planRef = `${plan.number || '…'}/${plan.symbol}`;

  const itemParagraph = (f: ItemFigures) => {
    const months = range.months.map((m, i) => `tháng ${m}: ${f.perMonth[i]}`).join(', ');
    const parts = [
      `${f.code}. ${f.title}: ${f.status.toLocaleLowerCase('vi')}` +
        (f.percent !== null ? `, đạt ${viNumber(f.percent)} %` : '') +
        (f.overdue ? ' (quá hạn)' : '') +
        '.',
      `Trong quý có ${f.evidence} minh chứng từ hiện trường` +
        (f.evidence ? ` (${months})` : '') +
        '.',
    ];
    if (f.measured.length) parts.push(`Kết quả đo được: ${f.measured.join('; ')}.`);
    if (f.totals.length)
      parts.push(
        `Số liệu từ các bản ghi: ${f.totals.map(([l, n]) => `${l}: ${viNumber(n)}`).join('; ')}.`,
      );
    return parts.join(' ');
  };

  const indexSections: ReportSection[] = PLAN_INDEX_KEYS.map((key, i) => ({
    heading: `${i + 1}. ${INDICES[key]}`,
    paragraphs: figures.filter((_, j) => items[j].index === key).map((f) => itemParagraph(f)),
  })).filter((s) => s.paragraphs.length);

  const kindWords = byKind.length
    ? byKind.map(([name, n]) => `${n} ${name.toLocaleLowerCase('vi')}`).join(', ')
    : 'chưa có bản ghi nào';
  const notDone = figures.filter((f) => f.status !== statuses.done);

  const parts: ReportPart[] = [
    {
      heading: `${roman(1)}. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH`,
      paragraphs: [
        `UBND xã triển khai Kế hoạch số ${planRef} về ${lowerFirst(plan.title.replace(/^Kế hoạch\s+/i, ''))}; giao nhiệm vụ cho từng bộ phận chủ trì và phối hợp theo ${items.length} mục của kế hoạch.`,
        `Trong ${quarterName}, cán bộ, công chức đã ghi nhận ${records.length} bản ghi công tác hiện trường (${kindWords}); ${approved} bản ghi đã được lãnh đạo xã duyệt.`,
      ],
      sections: [],
    },
    {
      heading: `${roman(2)}. KẾT QUẢ THỰC HIỆN THEO TỪNG CHỈ SỐ`,
      paragraphs: [],
      sections: indexSections,
    },
    {
      heading: `${roman(3)}. ĐÁNH GIÁ CHUNG`,
      paragraphs: [
        `Ưu điểm: ${done}/${items.length} mục đã hoàn thành, ${inProgress} mục đang thực hiện; các hoạt động được ghi nhận kịp thời từ hiện trường, có minh chứng kèm theo.`,
        overdue.length
          ? `Hạn chế: ${overdue.length} mục quá hạn chưa hoàn thành (${overdue.map((f) => f.code).join(', ')}).`
          : 'Hạn chế: không có mục nào quá hạn; một số mục còn ít minh chứng cần tiếp tục bổ sung.',
      ],
      sections: [],
    },
    {
      heading: `${roman(4)}. NHIỆM VỤ TRỌNG TÂM QUÝ TIẾP THEO`,
      paragraphs: notDone.length
        ? [
            `Tiếp tục thực hiện các mục chưa hoàn thành: ${notDone.map((f) => f.code).join(', ')}; ưu tiên các mục quá hạn và các mục chưa có minh chứng.`,
          ]
        : ['Duy trì kết quả đã đạt được, tiếp tục cập nhật minh chứng.'],
      sections: [],
    },
    {
      heading: `${roman(5)}. ĐỀ XUẤT, KIẾN NGHỊ`,
      paragraphs: ['Không.'],
      sections: [],
    },
  ];

  return {
    issuer: issuerLines(plan.issuer),
    numberLine: `Số: ${settings.number}/BC-UBND`,
    placeDate: `${plan.place}, ${formalDate(settings.issuedOn)}`,
    title: 'BÁO CÁO',
    summary: `Kết quả thực hiện công tác cải cách hành chính ${quarterName}`,
    opening: `Thực hiện Kế hoạch số ${planRef} của ${plan.issuer}, UBND xã báo cáo kết quả thực hiện công tác cải cách hành chính ${quarterName} như sau:`,
    parts,
    recipients: plan.recipients,
    signature: { lines: signatureLines(plan.signer.title), name: plan.signer.name },
    annex: {
      title: `PHỤ LỤC: TIẾN ĐỘ VÀ MINH CHỨNG THEO MỤC KẾ HOẠCH, ${quarterName.toLocaleUpperCase('vi')}`,
      header: [
        'Mục',
        'Nội dung',
        'Trạng thái',
        'Tiến độ (%)',
        ...range.months.map((m) => `Tháng ${m}`),
        'Tổng minh chứng',
      ],
      rows: figures.map((f) => [
        f.code,
        f.title,
        f.status + (f.overdue ? ' (quá hạn)' : ''),
        f.percent ?? '',
        ...f.perMonth,
        f.evidence,
      ]),
    },
    figures: { records: records.length, approved, byKind, items: figures },
  };
}
