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
}

export interface PlanRepos {
  plan: PlanRepository | null;
  progress: ProgressRepository | null;
  evidence: EvidenceRepository | null;
}

/** Null when the repositories are not open or no plan is on the device yet. */
export async function loadPlanOverview(
  repos: PlanRepos,
  commune: string,
  year: number | null,
  now: Date,
): Promise<PlanOverview | null> {
  if (!repos.plan || !repos.progress || !repos.evidence) return null;
  const plans = await repos.plan.plans(commune);
  const plan = await repos.plan.current(commune, year);
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
  };
}

/** `?year=2024` of a page URL, or null. */
export function yearParam(params: URLSearchParams): number | null {
  const y = Number(params.get('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

/** Calls back when anything a plan overview shows changes: items, progress or evidence. */
export function watchPlanOverview(repos: Partial<PlanRepos>, onChange: () => void): () => void {
  const stops = [
    repos.plan?.watch(onChange),
    repos.progress?.watch(onChange),
    repos.evidence?.watch(onChange),
  ];
  return () => stops.forEach((stop) => stop?.());
}
