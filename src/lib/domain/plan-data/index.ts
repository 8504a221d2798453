// The plans shipped with the app, parsed through the schemas: bad data fails loudly here, in
// tests and at provisioning, never silently in a screen. See README.md for where they came from.
import { z } from 'zod';
import { planItemId, planItemSchema, planSchema, type Plan, type PlanItem } from '../plan';
import hongPhong2023 from './hong-phong-2023.json';

export const planDataSchema = z.strictObject({
  plan: planSchema,
  items: z.array(planItemSchema).max(500),
  /** The commune's hamlets when the plan names them: provisioning's first hamlet list. */
  hamlets: z.array(z.string().min(1).max(100)).max(500).optional(),
});

export interface PlanData {
  plan: Plan;
  items: PlanItem[];
  hamlets?: string[];
}

/** Every string in `value` that is not in Unicode NFC, by path. */
function nonNfcPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value === value.normalize('NFC') ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonNfcPaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => nonNfcPaths(v, `${path}.${k}`));
  return [];
}

/** Parses plan data and checks what the schemas alone cannot: ids, links and uniqueness. */
export function parsePlanData(raw: unknown): PlanData {
  const { plan, items, hamlets } = planDataSchema.parse(raw);
  const problems: string[] = nonNfcPaths(raw).map((p) => `${p}: not NFC`);
  const codes = new Set<string>();
  for (const item of items) {
    if (item.planId !== plan._id) problems.push(`${item.code}: planId ${item.planId}`);
    if (item.commune !== plan.commune) problems.push(`${item.code}: commune ${item.commune}`);
    if (item._id !== planItemId(plan.commune, plan.year, item.code))
      problems.push(`${item.code}: _id ${item._id}`);
    if (codes.has(item.code)) problems.push(`${item.code}: duplicate code`);
    codes.add(item.code);
    if (item.partners.includes(item.lead)) problems.push(`${item.code}: lead is also a partner`);
    for (const c of item.criteria)
      if (!c.id.startsWith(`${item.code}.`)) problems.push(`${item.code}: criterion ${c.id}`);
  }
  if (problems.length) throw new Error(`Invalid plan data ${plan._id}:\n${problems.join('\n')}`);
  const sorted = [...items].sort((a, b) => a.order - b.order);
  return hamlets ? { plan, items: sorted, hamlets } : { plan, items: sorted };
}

/** Hồng Phong's 2023 plan (the seed), a fresh copy on every call. */
export function loadPlan2023(): PlanData {
  return parsePlanData(hongPhong2023);
}
