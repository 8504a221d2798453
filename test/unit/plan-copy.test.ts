// Next year's plan: a copy of a plan with new ids and shifted deadlines, and item edits that
// go through the schemas.
import { describe, expect, it } from 'vitest';
import { planItemSchema, planSchema } from '../../src/lib/domain/plan';
import {
  applyItemEdits,
  copyPlanToYear,
  nextCriterionId,
  seedPlanForYear,
  shiftIsoDate,
} from '../../src/lib/domain/plan-copy';
import { loadPlan2023 } from '../../src/lib/domain/plan-data';
import { summarize } from '../../src/lib/domain/plan-summary';
import { foldAll, newProgressUpdate, progressUpdateSchema } from '../../src/lib/domain/progress';
import { positionOf } from '../../src/lib/domain/roles';

describe('shiftIsoDate', () => {
  it('moves the calendar day and clamps 29 February', () => {
    expect(shiftIsoDate('2023-11-29', 1)).toBe('2024-11-29');
    expect(shiftIsoDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftIsoDate('2023-02-28', 1)).toBe('2024-02-28');
    expect(shiftIsoDate('2024-12-31', -1)).toBe('2023-12-31');
  });
});

describe('copyPlanToYear', () => {
  const source = loadPlan2023();
  const copy = copyPlanToYear(source, 2024);

  it('gives the plan and every item new ids of the new year', () => {
    expect(copy.plan._id).toBe('plan:hong-phong:2024');
    expect(copy.plan.year).toBe(2024);
    expect(copy.items).toHaveLength(source.items.length);
    for (const item of copy.items) {
      expect(item._id).toBe(`planItem:hong-phong:2024:${item.code}`);
      expect(item.planId).toBe('plan:hong-phong:2024');
      expect(item._rev).toBeUndefined();
    }
  });

  it('shifts deadlines by a year and renames the year in the wording', () => {
    expect(copy.plan.deadline).toBe('2024-11-29');
    expect(copy.plan.deadlineText).toBe('Trước ngày 30 tháng 11 năm 2024');
    expect(copy.plan.title).toContain('năm 2024');
    expect(copy.plan.title).not.toContain('2023');
    expect(copy.plan.reportingDuties.map((r) => r.period)).toEqual([
      'Quý III năm 2024',
      'Năm 2024',
    ]);
    expect(new Set(copy.items.map((i) => i.deadline))).toEqual(new Set(['2024-11-29']));
  });

  it('is a draft: no number, no issue date; what the admin edits later is kept', () => {
    expect(copy.plan.number).toBe('');
    expect(copy.plan.issuedOn).toBeNull();
    expect(copy.plan.legalBases).toEqual(source.plan.legalBases);
    expect(copy.items.map((i) => [i.code, i.lead, i.partners, i.criteria])).toEqual(
      source.items.map((i) => [i.code, i.lead, i.partners, i.criteria]),
    );
  });

  it('validates through the schemas and leaves the source untouched', () => {
    expect(planSchema.safeParse(copy.plan).success).toBe(true);
    for (const i of copy.items) expect(planItemSchema.safeParse(i).success).toBe(true);
    expect(loadPlan2023()).toEqual(source);
    expect(source.plan._id).toBe('plan:hong-phong:2023');
  });

  it('refuses a year the schema does not allow, or the same year', () => {
    expect(() => copyPlanToYear(source, 2101)).toThrow();
    expect(() => copyPlanToYear(source, 2023)).toThrow();
  });
});

describe('applyItemEdits', () => {
  const item = copyPlanToYear(loadPlan2023(), 2024).items.find((i) => i.code === '2.1.3')!;

  it('applies title, actions and criteria, NFC-normalised, blank actions dropped', () => {
    const criteria = item.criteria.map((c) => ({
      ...c,
      text: `${c.text} (2024)`,
      measure: c.measure ? { ...c.measure, target: 98 } : null,
    }));
    const edited = applyItemEdits(item, {
      title: '  Cải cách thủ tục hành chính năm 2024 '.normalize('NFD'),
      actions: ['Đôn đốc cập nhật hồ sơ', '', '  '],
      criteria,
    });
    expect(edited.title).toBe('Cải cách thủ tục hành chính năm 2024');
    expect(edited.actions).toEqual(['Đôn đốc cập nhật hồ sơ']);
    expect(edited.criteria[0].measure?.target).toBe(98);
    expect(edited._id).toBe(item._id);
    expect(planItemSchema.safeParse(edited).success).toBe(true);
  });

  it('an empty title fails the schema', () => {
    const edited = applyItemEdits(item, {
      title: ' ',
      actions: item.actions,
      criteria: item.criteria,
    });
    expect(planItemSchema.safeParse(edited).success).toBe(false);
  });
});

describe('summarize', () => {
  it('counts items by status and overdue, and averages percent', () => {
    const { items } = loadPlan2023();
    const par = items.filter((i) => i.index === 'PAR_INDEX');
    const author = { name: 'canbo', role: 'officer', commune: 'hong-phong' };
    const at = new Date('2023-10-01T00:00:00Z');
    const ups = [
      newProgressUpdate(
        {
          planItemId: par[0]._id,
          status: 'done',
          percent: 100,
          value: null,
          criterionId: null,
          note: '',
        },
        author,
        at,
      ),
      newProgressUpdate(
        {
          planItemId: par[1]._id,
          status: 'inProgress',
          percent: 60,
          value: null,
          criterionId: null,
          note: '',
        },
        author,
        at,
      ),
    ].map((u) => progressUpdateSchema.parse(u));
    const before = new Date('2023-11-01T00:00:00Z');
    const s = summarize(par, foldAll(ups, par, before), before);
    expect(s.total).toBe(8);
    expect(s.byStatus).toEqual({ done: 1, inProgress: 1, blocked: 0, notStarted: 6 });
    expect(s.overdue).toBe(0);
    expect(s.meanPercent).toBe(20);
    const after = new Date('2023-12-01T00:00:00Z');
    expect(summarize(par, foldAll(ups, par, after), after).overdue).toBe(7);
  });
});

describe('positionOf', () => {
  it('reads the position role of a session', () => {
    expect(positionOf({ name: 'canbo', roles: ['officer@hong-phong', 'position:land'] })).toBe(
      'land',
    );
    expect(positionOf({ name: 'x', roles: ['admin@hong-phong', 'position:nobody'] })).toBeNull();
  });
});

describe('seedPlanForYear (a fresh install)', () => {
  const template = loadPlan2023();

  it('moves the 2023 plan to this year with deadlines ahead of today', () => {
    const seed = seedPlanForYear(template, '2026-03-15')!;
    expect(seed.plan._id).toBe('plan:hong-phong:2026');
    expect(seed.plan.title).toContain('năm 2026');
    expect(seed.plan.deadline).toBe('2026-11-29');
    expect(seed.plan.deadlineText).toBe('Trước ngày 30 tháng 11 năm 2026');
    expect(seed.items).toHaveLength(template.items.length);
    expect(seed.items.every((i) => i.deadline === '2026-11-29')).toBe(true);
  });

  it('late in the year no deadline is already past: it becomes 31 December', () => {
    const seed = seedPlanForYear(template, '2026-12-05')!;
    expect(seed.plan.deadline).toBe('2026-12-31');
    expect(seed.plan.deadlineText).toBe('Trước ngày 01 tháng 01 năm 2027');
    expect(seed.items.every((i) => i.deadline === '2026-12-31')).toBe(true);
  });

  it('nothing to seed in or before the template’s own year', () => {
    expect(seedPlanForYear(template, '2023-08-01')).toBeNull();
  });
});

describe('applyItemEdits: deadline, lead and partners', () => {
  const item = copyPlanToYear(loadPlan2023(), 2027).items.find((i) => i.code === '2.1.3')!;

  it('a new lead and partners get the uniform names; the lead is never a partner', () => {
    const edited = applyItemEdits(item, {
      title: item.title,
      actions: item.actions,
      criteria: item.criteria,
      deadline: '2027-10-31',
      lead: 'justice',
      partners: ['justice', 'land', 'land', 'police'],
    });
    expect(edited.deadline).toBe('2027-10-31');
    expect(edited.lead).toBe('justice');
    expect(edited.leadText).toBe('Công chức Tư pháp – Hộ tịch');
    expect(edited.partners).toEqual(['land', 'police']);
    expect(edited.partnersText).toBe(
      'Công chức Địa chính – Nông nghiệp – Xây dựng và Môi trường; Công an xã',
    );
    expect(planItemSchema.safeParse(edited).success).toBe(true);
  });

  it('unchanged lead and partners keep the plan’s own words', () => {
    const edited = applyItemEdits(item, {
      title: item.title,
      actions: item.actions,
      criteria: item.criteria,
    });
    expect(edited.leadText).toBe(item.leadText);
    expect(edited.partnersText).toBe(item.partnersText);
  });

  it('a new criterion takes the first free letter', () => {
    expect(nextCriterionId(item, ['2.1.3.a', '2.1.3.b'])).toBe('2.1.3.c');
    expect(nextCriterionId(item, ['2.1.3.b'])).toBe('2.1.3.a');
  });
});
