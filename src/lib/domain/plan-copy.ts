// Next year's plan: a commune starts it by copying a plan it has, then edits the items. Pure
// functions; the copy goes through the same checks as shipped plan data (parsePlanData), and an
// edited item is checked by planItemSchema where it is saved.
import { normalizeStrings } from './normalize';
import { planId, planItemId, type Criterion, type Plan, type PlanItem } from './plan';
import { parsePlanData, type PlanData } from './plan-data';

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

/** What the admin may change on an item of a new plan. */
export interface PlanItemEdits {
  title: string;
  actions: string[];
  criteria: Criterion[];
}

/**
 * The item with the edits applied: text NFC-normalised, blank actions dropped. Identity, index,
 * lead and deadline are unchanged. Not validated here: save it through planItemSchema.
 */
export function applyItemEdits(item: PlanItem, edits: PlanItemEdits): PlanItem {
  const clean = normalizeStrings(edits);
  return {
    ...item,
    title: clean.title.trim(),
    actions: clean.actions.map((a) => a.trim()).filter(Boolean),
    criteria: clean.criteria.map((c) => ({ ...c, text: c.text.trim() })),
  };
}
