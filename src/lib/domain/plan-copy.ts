// Next year's plan: a commune starts it by copying a plan it has, then edits the items. Pure
// functions; the copy goes through the same checks as shipped plan data (parsePlanData), and an
// edited item is checked by planItemSchema where it is saved.
import { normalizeStrings } from './normalize';
import {
  POSITION_LABELS,
  planId,
  planItemId,
  type Criterion,
  type Plan,
  type PlanItem,
} from './plan';
import type { Position } from './roles';
import { parsePlanData, type PlanData } from './plan-data';
import { vietnamDate } from './progress';

/** The calendar year in Vietnam at `now`: the year whose plan the app shows by default. */
export function planYearOf(now: Date): number {
  return Number(vietnamDate(now).slice(0, 4));
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function shiftIsoDate(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, last))}`;
}

/** "năm 2023" → "năm 2024" in the wording that names the plan's own year. */
function renameYear(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(năm\\s+)${from}(?!\\d)`, 'giu'), `$1${to}`);
}

/**
 * A new draft plan for `toYear` copied from `source`: new ids, the year's wording and every
 * deadline moved by the difference in years, no number and no issue date yet (a draft).
 * Legal bases, goals and criteria are kept as they were: the admin edits what changed.
 * Throws when the result is not a valid plan (e.g. a year outside the schema's range).
 */
export function copyPlanToYear(source: PlanData, toYear: number): PlanData {
  const from = source.plan.year;
  const years = toYear - from;
  if (!Number.isInteger(toYear) || years === 0) throw new Error(`bad target year ${toYear}`);
  const commune = source.plan.commune;
  const newPlanId = planId(commune, toYear);
  const plan: Plan = {
    ...structuredClone(source.plan),
    _id: newPlanId,
    year: toYear,
    number: '',
    issuedOn: null,
    title: renameYear(source.plan.title, from, toYear),
    deadline: shiftIsoDate(source.plan.deadline, years),
    deadlineText: renameYear(source.plan.deadlineText, from, toYear),
    reportingDuties: source.plan.reportingDuties.map((r) => ({
      ...r,
      what: renameYear(r.what, from, toYear),
      period: renameYear(r.period, from, toYear),
      due: r.due === null ? null : shiftIsoDate(r.due, years),
    })),
  };
  delete plan._rev;
  const items: PlanItem[] = source.items.map((item) => {
    const copy: PlanItem = {
      ...structuredClone(item),
      _id: planItemId(commune, toYear, item.code),
      planId: newPlanId,
      title: renameYear(item.title, from, toYear),
      deadline: shiftIsoDate(item.deadline, years),
    };
    delete copy._rev;
    return copy;
  });
  return parsePlanData({ plan, items });
}

/**
 * The plan a fresh install starts with for `today`'s year (a Vietnam date, YYYY-MM-DD): a copy
 * of `template` moved to that year. A deadline already past on `today` (an install late in the
 * year) becomes 31 December, so a new commune never opens on a screen of overdue items; the
 * admin sets the real deadlines. Null when `today` is not after the template's year.
 */
export function seedPlanForYear(template: PlanData, today: string): PlanData | null {
  const year = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year <= template.plan.year) return null;
  const data = copyPlanToYear(template, year);
  const yearEnd = `${year}-12-31`;
  if (data.plan.deadline < today) {
    data.plan.deadline = yearEnd;
    data.plan.deadlineText = `Trước ngày 01 tháng 01 năm ${year + 1}`;
  }
  for (const item of data.items) if (item.deadline < today) item.deadline = yearEnd;
  return parsePlanData(data);
}

/** What the admin may change on an item of a plan. */
export interface PlanItemEdits {
  title: string;
  actions: string[];
  criteria: Criterion[];
  /** The last day on time, inclusive (YYYY-MM-DD); unchanged when absent. */
  deadline?: string;
  lead?: Position;
  partners?: Position[];
}

const labelsOf = (positions: readonly Position[]) =>
  positions.map((p) => POSITION_LABELS[p]).join('; ');

/**
 * The item with the edits applied: text NFC-normalised, blank actions dropped, the lead never
 * also a partner. A changed lead or partner list gets the uniform position names as its
 * wording (`leadText`, `partnersText`); unchanged ones keep the plan's own words. Identity and
 * index are unchanged. Not validated here: save it through planItemSchema.
 */
export function applyItemEdits(item: PlanItem, edits: PlanItemEdits): PlanItem {
  const clean = normalizeStrings(edits);
  const lead = clean.lead ?? item.lead;
  const partners = [...new Set(clean.partners ?? item.partners)].filter((p) => p !== lead);
  const samePartners =
    partners.length === item.partners.length && partners.every((p) => item.partners.includes(p));
  return {
    ...item,
    title: clean.title.trim(),
    deadline: clean.deadline ?? item.deadline,
    lead,
    leadText: lead === item.lead ? item.leadText : POSITION_LABELS[lead],
    partners,
    partnersText: samePartners ? item.partnersText : labelsOf(partners),
    actions: clean.actions.map((a) => a.trim()).filter(Boolean),
    criteria: clean.criteria.map((c) => ({ ...c, text: c.text.trim() })),
  };
}

/** The id for a criterion added to `item`: its code and the first unused letter. */
export function nextCriterionId(item: Pick<PlanItem, 'code'>, taken: readonly string[]): string {
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
    const id = `${item.code}.${letter}`;
    if (!taken.includes(id)) return id;
  }
  throw new Error(`no criterion id left for ${item.code}`);
}
