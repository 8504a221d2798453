// The year's plan (Kế hoạch) and its items. A commune has one plan a year; its items are the
// plan's sections 2.1.x (PAR INDEX), 2.2.x (SIPAS) and 2.3.x (PAPI). Criteria and their targets
// change every year with the province's index, so they are data here, never code. Every schema
// is a strict object without refinements so it converts cleanly with `z.toJSONSchema` for the
// server's validate_doc_update.
import { z } from 'zod';
import { DOC_TYPES, LIMITS } from './constants';
import { positionSchema, type Position } from './roles';

const shortText = z.string().max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);
/** Titles of plans, items and criteria: longer than a name, shorter than a paragraph. */
const titleText = z.string().min(1).max(500);
const isoDate = z.iso.date();
const slug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** The three indices the plan works on, in the plan's own order of sections (2.1, 2.2, 2.3). */
export const PLAN_INDEX_KEYS = ['PAR_INDEX', 'SIPAS', 'PAPI'] as const;
export const planIndexSchema = z.enum(PLAN_INDEX_KEYS);
export type PlanIndex = z.infer<typeof planIndexSchema>;

/** Full Vietnamese names of the indices. */
export const INDICES: Readonly<Record<PlanIndex, string>> = {
  PAR_INDEX: 'Chỉ số cải cách hành chính (PAR INDEX)',
  SIPAS: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  PAPI: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
};

/** Short names as officials write them. */
export const INDEX_SHORT: Readonly<Record<PlanIndex, string>> = {
  PAR_INDEX: 'PAR INDEX',
  SIPAS: 'SIPAS',
  PAPI: 'PAPI',
};

/** Vietnamese label of each position (the plan's "Bộ phận chủ trì tham mưu"). */
export const POSITION_LABELS: Readonly<Record<Position, string>> = {
  office: 'Công chức Văn phòng – Thống kê',
  justice: 'Công chức Tư pháp – Hộ tịch',
  finance: 'Công chức Tài chính – Kế toán',
  culture: 'Công chức Văn hóa – Xã hội',
  land: 'Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường',
  police: 'Công an xã',
  front: 'Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị – xã hội xã',
  digitalTeam: 'Tổ công nghệ số cộng đồng',
  inspectionBoard: 'Ban thanh tra nhân dân, Ban giám sát đầu tư của cộng đồng',
  hamletHead: 'Trưởng thôn',
  chair: 'Chủ tịch UBND xã',
  viceChair: 'Phó Chủ tịch UBND xã',
};

/**
 * How the plan's collective partner lines map to positions (the lead is then left out):
 * "Các công chức chuyên môn (UBND) xã" are the five specialist officials; "Các cán bộ, công chức
 * xã" adds the elected cadres: the committee's chair and vice-chair and the heads of the Front
 * and the socio-political organisations. The police and hamlet heads are neither.
 */
export const POSITION_GROUPS = {
  specialists: ['office', 'justice', 'finance', 'culture', 'land'],
  cadresAndOfficials: [
    'office',
    'justice',
    'finance',
    'culture',
    'land',
    'front',
    'chair',
    'viceChair',
  ],
} as const satisfies Record<string, readonly Position[]>;

// ---- ids ---------------------------------------------------------------------------------------

/** An item's code in the plan: "2.1.3". */
export const PLAN_ITEM_CODE = /^\d+(\.\d+){0,3}$/;
export const PLAN_ID = /^plan:[a-z0-9]+(-[a-z0-9]+)*:\d{4}$/;
export const PLAN_ITEM_ID = /^planItem:[a-z0-9]+(-[a-z0-9]+)*:\d{4}:\d+(\.\d+){0,3}$/;
/** A criterion's id: its item's code and a letter, "2.1.7.b". */
export const CRITERION_ID = /^\d+(\.\d+){0,3}\.[a-z]$/;

export const planId = (commune: string, year: number) => `plan:${commune}:${year}`;
export const planItemId = (commune: string, year: number, code: string) =>
  `planItem:${commune}:${year}:${code}`;

// ---- plan --------------------------------------------------------------------------------------

export const legalBasisSchema = z.strictObject({
  /** "Kế hoạch", "Quyết định", … */
  kind: shortText.min(1),
  /** The document's number and symbol: "245/KH-UBND". */
  ref: shortText.min(1),
  date: isoDate,
  issuer: shortText.min(1),
  summary: longText,
});

export const reportingDutySchema = z.strictObject({
  what: longText.min(1),
  /** The period reported on, as the plan words it ("Quý III năm 2023"). */
  period: shortText,
  by: positionSchema,
  /** The plan gives no date: the district's reporting calendar sets it, so often null. */
  due: isoDate.nullable(),
});

export const responsibilitySchema = z.strictObject({
  /** Who, as the plan words it (section IV). */
  who: shortText.min(1),
  /** The positions `who` names; empty when none fits. */
  positions: z.array(positionSchema).max(LIMITS.listItems),
  /** True where the plan asks ("Đề nghị") a body the committee does not direct. */
  request: z.boolean(),
  duties: z.array(longText.min(1)).max(LIMITS.listItems),
});

export const signerSchema = z.strictObject({
  /** As printed over the signature: "CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
  title: shortText.min(1),
  name: shortText.min(1),
});

export const planSchema = z.strictObject({
  _id: z.string().regex(PLAN_ID),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.plan),
  schemaVersion: z.literal(1),
  commune: slug,
  year: z.int().min(2000).max(2100),
  /** The number before the symbol; empty in a draft ("Số: /KH-UBND"). */
  number: z.string().max(20),
  /** The symbol after the number: "KH-UBND". */
  symbol: shortText.min(1),
  /** Null until the plan is signed (a draft has no day). */
  issuedOn: isoDate.nullable(),
  /** The place in "Hồng Phong, ngày … tháng … năm …". */
  place: shortText.min(1),
  title: titleText,
  issuer: shortText.min(1),
  signer: signerSchema,
  legalBases: z.array(legalBasisSchema).max(LIMITS.listItems),
  /** The opening paragraphs, before section I. */
  preamble: z.array(longText.min(1)).max(LIMITS.listItems),
  /** I. MỤC ĐÍCH, YÊU CẦU. */
  purposes: z.array(longText.min(1)).max(LIMITS.listItems),
  /** II. MỤC TIÊU; sub-points of a goal follow it on lines starting with "- ". */
  goals: z.array(longText.min(1)).max(LIMITS.listItems),
  /** Tasks of section III that are not broken into plan items (III.1). */
  generalTasks: z.array(longText.min(1)).max(LIMITS.listItems),
  /**
   * The last day on which the plan's work counts as done on time, inclusive. The seed says
   * "Trước ngày 30 tháng 11 năm 2023" (before 30/11/2023), so it stores 2023-11-29 and keeps
   * the wording in `deadlineText`; "overdue" is then simply "today is after the deadline".
   */
  deadline: isoDate,
  deadlineText: shortText,
  reportingDuties: z.array(reportingDutySchema).max(LIMITS.listItems),
  /** IV. TỔ CHỨC THỰC HIỆN. */
  responsibilities: z.array(responsibilitySchema).max(LIMITS.listItems),
  /** The closing paragraph before the signature. */
  closing: longText,
  /** Nơi nhận, one line each, without the leading dash and trailing punctuation. */
  recipients: z.array(shortText.min(1)).max(LIMITS.listItems),
});

export type Plan = z.infer<typeof planSchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type ReportingDuty = z.infer<typeof reportingDutySchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;

// ---- plan items --------------------------------------------------------------------------------

export const MEASURE_UNITS = ['percent', 'count', 'vnd', 'ratio'] as const;
export const MEASURE_DIRECTIONS = ['atLeast', 'atMost', 'exactly'] as const;

/**
 * What a measurable criterion counts. `target` is null where the plan sets none (the province's
 * index sets it, or it is relative to last year: see `note`). `ratio` is achieved / total
 * (0–1); `percent` is 0–100.
 */
export const measureSchema = z.strictObject({
  unit: z.enum(MEASURE_UNITS),
  target: z.number().min(-1e15).max(1e15).nullable(),
  direction: z.enum(MEASURE_DIRECTIONS),
  note: shortText.optional(),
});

export const criterionSchema = z.strictObject({
  id: z.string().regex(CRITERION_ID),
  text: longText.min(1),
  /** Who leads work on this criterion; in 2.1.7 and 2.1.8 it differs from the item's lead. */
  leads: z.array(positionSchema).max(LIMITS.listItems),
  /** `leads` as the plan words it; empty when the plan names nobody for the criterion. */
  leadText: shortText,
  measure: measureSchema.nullable(),
});

export const planItemSchema = z.strictObject({
  _id: z.string().regex(PLAN_ITEM_ID),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.planItem),
  schemaVersion: z.literal(1),
  commune: slug,
  planId: z.string().regex(PLAN_ID),
  code: z.string().regex(PLAN_ITEM_CODE),
  index: planIndexSchema,
  title: titleText,
  /** Bộ phận chủ trì tham mưu. Where the plan names the committee itself ("UBND xã"): chair. */
  lead: positionSchema,
  leadText: shortText.min(1),
  /** Phối hợp thực hiện, as positions (see POSITION_GROUPS), without the lead. */
  partners: z.array(positionSchema).max(LIMITS.listItems),
  partnersText: shortText,
  /** Nhiệm vụ, giải pháp: one bullet or paragraph each. */
  actions: z.array(longText.min(1)).max(LIMITS.listItems),
  criteria: z.array(criterionSchema).max(LIMITS.listItems),
  /** The last day on time, inclusive (see the plan's `deadline`). */
  deadline: isoDate,
  /** Position in the plan, for sorting. */
  order: z.int().min(0).max(10_000),
});

export type Measure = z.infer<typeof measureSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type PlanItem = z.infer<typeof planItemSchema>;

/** Orders plan codes numerically by segment: 2.1.8 < 2.1.10 < 2.2.1. */
export function compareCodes(a: string, b: string): number {
  const as = a.split('.').map(Number);
  const bs = b.split('.').map(Number);
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    const d = (as[i] ?? -1) - (bs[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every position that leads the item or one of its criteria, or works with it. */
export function positionsOf(item: Pick<PlanItem, 'lead' | 'partners' | 'criteria'>): Set<Position> {
  const out = new Set<Position>([item.lead, ...item.partners]);
  for (const c of item.criteria) for (const p of c.leads) out.add(p);
  return out;
}
