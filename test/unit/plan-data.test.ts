// The 2023 plan as data, checked against the seed. The expected table below was written by
// reading the seed, independently of the JSON.
import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import {
  INDICES,
  POSITION_LABELS,
  compareCodes,
  planItemSchema,
  planSchema,
  type PlanIndex,
} from '../../src/lib/domain/plan';
import { loadPlan2023, parsePlanData } from '../../src/lib/domain/plan-data';
import raw from '../../src/lib/domain/plan-data/hong-phong-2023.json';
import { POSITIONS, type Position } from '../../src/lib/domain/roles';

const SPECIALISTS: Position[] = ['office', 'justice', 'finance', 'culture', 'land'];
const CADRES: Position[] = [...SPECIALISTS, 'front', 'chair', 'viceChair'];
const without = (list: Position[], p: Position) => list.filter((x) => x !== p);

// code → index, lead, partners (as read from the seed's "Bộ phận chủ trì tham mưu" and
// "Phối hợp thực hiện" lines; for PAPI items the actors the text names).
const EXPECTED: [string, PlanIndex, Position, Position[]][] = [
  ['2.1.1', 'PAR_INDEX', 'office', without(SPECIALISTS, 'office')],
  ['2.1.2', 'PAR_INDEX', 'justice', without(CADRES, 'justice')],
  ['2.1.3', 'PAR_INDEX', 'office', without(SPECIALISTS, 'office')],
  ['2.1.4', 'PAR_INDEX', 'office', without(CADRES, 'office')],
  ['2.1.5', 'PAR_INDEX', 'office', without(CADRES, 'office')],
  ['2.1.6', 'PAR_INDEX', 'finance', without(CADRES, 'finance')],
  ['2.1.7', 'PAR_INDEX', 'culture', without(CADRES, 'culture')],
  ['2.1.8', 'PAR_INDEX', 'finance', without(CADRES, 'finance')],
  ['2.2.1', 'SIPAS', 'justice', ['front']],
  ['2.2.2', 'SIPAS', 'office', without(SPECIALISTS, 'office')],
  ['2.3.1', 'PAPI', 'chair', without(CADRES, 'chair')], // culture's paragraph b) and its partners
  ['2.3.2', 'PAPI', 'chair', []],
  ['2.3.3', 'PAPI', 'chair', ['office', 'justice']],
  ['2.3.4', 'PAPI', 'chair', []],
  ['2.3.5', 'PAPI', 'chair', []],
  ['2.3.6', 'PAPI', 'police', []],
  ['2.3.7', 'PAPI', 'chair', ['front']],
  ['2.3.8', 'PAPI', 'chair', ['digitalTeam', 'front', 'culture']],
];

// Number of "Nhiệm vụ, giải pháp" bullets / a), b) paragraphs in each item of the seed.
const ACTION_COUNTS: Record<string, number> = {
  '2.1.1': 1,
  '2.1.2': 1,
  '2.1.3': 3,
  '2.1.4': 1,
  '2.1.5': 2,
  '2.1.6': 2,
  '2.1.7': 3,
  '2.1.8': 2,
  '2.2.1': 1,
  '2.2.2': 4,
  '2.3.1': 2,
  '2.3.2': 1,
  '2.3.3': 3,
  '2.3.4': 2,
  '2.3.5': 1,
  '2.3.6': 1,
  '2.3.7': 1,
  '2.3.8': 2,
};

// Measurable criteria: item, unit, target (null: the plan sets none), direction, leads.
const MEASURABLE: [string, string, number | null, string, Position[]][] = [
  ['2.1.3', 'percent', null, 'atLeast', ['office']],
  ['2.1.7', 'percent', null, 'atLeast', ['office', 'finance', 'culture']],
  ['2.1.7', 'percent', null, 'atLeast', ['office', 'finance', 'culture']],
  ['2.1.7', 'percent', null, 'atLeast', ['office', 'finance', 'culture']],
  ['2.1.8', 'percent', 100, 'atLeast', ['finance']],
  ['2.1.8', 'ratio', 1, 'atLeast', ['office']],
  ['2.1.8', 'vnd', null, 'atLeast', ['finance']],
  ['2.3.6', 'count', null, 'atMost', ['police']],
  ['2.3.8', 'percent', 100, 'atLeast', ['culture']],
];

const sorted = <T>(xs: readonly T[]) => [...xs].sort();

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('plan 2023 data', () => {
  const { plan, items } = loadPlan2023();
  const byCode = new Map(items.map((i) => [i.code, i]));

  it('has exactly the 18 items of the seed, in plan order', () => {
    expect(items.map((i) => i.code)).toEqual(EXPECTED.map(([code]) => code));
    expect([...items].sort((a, b) => compareCodes(a.code, b.code))).toEqual(items);
  });

  it.each(EXPECTED)('%s: index %s, lead %s, partners', (code, index, lead, partners) => {
    const item = byCode.get(code)!;
    expect(item.index).toBe(index);
    expect(item.lead).toBe(lead);
    expect(sorted(item.partners)).toEqual(sorted(partners));
    expect(item.partners).not.toContain(item.lead);
    expect(item._id).toBe(`planItem:hong-phong:2023:${code}`);
    expect(item.planId).toBe(plan._id);
    expect(item.deadline).toBe('2023-11-29');
    expect(item.title.length).toBeGreaterThan(3);
    expect(item.leadText.length).toBeGreaterThan(3);
    if (partners.length) expect(item.partnersText.length).toBeGreaterThan(3);
  });

  it('keeps every action of the seed', () => {
    for (const item of items) {
      expect(item.actions, item.code).toHaveLength(ACTION_COUNTS[item.code]);
      for (const a of item.actions) expect(a[0], item.code).toBe(a[0].toLocaleUpperCase('vi'));
    }
  });

  it('carries units, targets and leads on the measurable criteria', () => {
    const measurable = items.flatMap((i) =>
      i.criteria.filter((c) => c.measure).map((c) => [i.code, c] as const),
    );
    expect(
      measurable.map(([code, c]) => [
        code,
        c.measure!.unit,
        c.measure!.target,
        c.measure!.direction,
        c.leads,
      ]),
    ).toEqual(MEASURABLE);
    // 2.1.7's one seed line becomes three shares, the portal criterion stays unmeasured.
    const c217 = byCode.get('2.1.7')!.criteria;
    expect(c217.map((c) => c.id)).toEqual(['2.1.7.a', '2.1.7.b', '2.1.7.c', '2.1.7.d']);
    expect(c217[0].measure).toBeNull();
    expect(c217[0].text).toContain('Cổng thông tin điện tử');
    expect(byCode.get('2.3.8')!.criteria[0].text).toContain('100%');
  });

  it('has the header, legal bases, purposes, goals, responsibilities and recipients', () => {
    expect(plan._id).toBe('plan:hong-phong:2023');
    expect(plan.number).toBe('');
    expect(plan.issuedOn).toBeNull();
    expect(plan.signer).toEqual({ title: 'CHỦ TỊCH', name: 'Hoàng Văn Huân' });
    expect(plan.legalBases.map((b) => [b.ref, b.date])).toEqual([
      ['245/KH-UBND', '2023-07-03'],
      ['142/KH-UBND', '2023-06-24'],
      ['85/QĐ-UBND', '2023-01-20'],
      ['531/KH-UBND', '2023-05-18'],
    ]);
    expect(plan.purposes).toHaveLength(4);
    expect(plan.goals).toHaveLength(2);
    expect(plan.goals[1].split('\n')).toHaveLength(4);
    expect(plan.deadline).toBe('2023-11-29');
    expect(plan.deadlineText).toBe('Trước ngày 30 tháng 11 năm 2023');
    expect(plan.reportingDuties.map((d) => d.period)).toEqual(['Quý III năm 2023', 'Năm 2023']);
    expect(plan.responsibilities.map((r) => r.positions)).toEqual([
      ['office'],
      ['police'],
      ['finance'],
      ['justice', 'culture', 'land'],
      ['front'],
    ]);
    expect(plan.responsibilities.map((r) => r.duties.length)).toEqual([3, 2, 1, 1, 3]);
    expect(plan.recipients).toHaveLength(8);
    expect(plan.recipients.at(-1)).toBe('Lưu: VT');
  });

  it('stores all text in NFC, with the seed typos corrected', () => {
    const all = strings(raw);
    for (const s of all) expect(s.normalize('NFC')).toBe(s);
    const text = all.join('\n');
    for (const typo of [
      'thông kê',
      'những nhiều',
      'phần đầu',
      'Công thông tin',
      'cộng đồng đồng',
      'UBND thực hiện',
      '](#)',
      '**',
    ])
      expect(text).not.toContain(typo);
    expect(text).toContain('nhũng nhiễu');
    expect(text).toContain('phấn đấu');
  });

  it('parses through the schemas and rejects bad data', () => {
    expect(planSchema.safeParse(raw.plan).success).toBe(true);
    for (const item of raw.items) expect(planItemSchema.safeParse(item).success).toBe(true);
    const broken = structuredClone(raw) as { items: { lead: string }[] };
    broken.items[0].lead = 'mayor';
    expect(() => parsePlanData(broken)).toThrow();
    const misfiled = structuredClone(raw) as { items: { code: string }[] };
    misfiled.items[1].code = '2.1.1';
    expect(() => parsePlanData(misfiled)).toThrow(/2\.1\.1/);
    const decomposed = structuredClone(raw) as { plan: { title: string } };
    decomposed.plan.title = decomposed.plan.title.normalize('NFD');
    expect(() => parsePlanData(decomposed)).toThrow(/NFC/);
  });

  it('converts to JSON Schema', () => {
    const itemSchema = z.toJSONSchema(planItemSchema);
    expect(itemSchema.type).toBe('object');
    expect(itemSchema.additionalProperties).toBe(false);
    expect(() => z.toJSONSchema(planSchema)).not.toThrow();
  });

  it('labels every index and position in Vietnamese', () => {
    expect(INDICES.PAPI).toBe('Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)');
    for (const p of POSITIONS) expect(POSITION_LABELS[p].length).toBeGreaterThan(3);
    expect(POSITION_LABELS.office).toBe('Công chức Văn phòng – Thống kê');
  });
});
