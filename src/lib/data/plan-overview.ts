// Everything the plan screens and "My work" show about one plan, read from the local
// repositories in one go: the plan, its items, each item's folded progress and evidence count.
import type { Plan, PlanItem } from '$lib/domain/plan';
import { foldAll, type ProgressState, type ProgressUpdate } from '$lib/domain/progress';
import { evidencePeriod, type EvidencePeriod, type EvidenceRepository } from './evidence.repo';
import type { PlanRepository } from './plan.repo';
import type { ProgressRepository } from './progress.repo';

export interface PlanOverview {
  plan: Plan;
  /** Every plan of the commune on this device, oldest first. */
  plans: Plan[];
  items: PlanItem[];
  updates: ProgressUpdate[];
  folds: Map<string, ProgressState>;
  /** Field checks per item code. */
  evidence: Map<string, number>;
  period: EvidencePeriod;
  /** When it was read: overdue marks are as of then. */
  at: Date;
}

export interface PlanRepos {
  plan: PlanRepository;
  progress: ProgressRepository;
  evidence: EvidenceRepository;
}

/** Null when no plan is on the device yet (not synced). */
export async function loadPlanOverview(
  repos: PlanRepos,
  year: number | null,
  now: Date,
): Promise<PlanOverview | null> {
  const plans = await repos.plan.plans();
  const plan = await repos.plan.current(year);
  if (!plan) return null;
  const period = evidencePeriod(plan, plans);
  const [items, updates, evidence] = await Promise.all([
    repos.plan.items(plan),
    repos.progress.all(),
    repos.evidence.counts(period),
  ]);
  return {
    plan,
    plans,
    items,
    updates,
    folds: foldAll(updates, items, now),
    evidence,
    period,
    at: now,
  };
}

/** `?year=2024` of a page URL, or null. */
export function yearParam(params: URLSearchParams): number | null {
  const y = Number(params.get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}
