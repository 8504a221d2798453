// Summaries of plan progress for the plan screens: counts of items by state, per index.
import type { PlanItem } from './plan';
import { foldProgress, type ProgressState, type ProgressStatus } from './progress';

export interface ProgressSummary {
  total: number;
  byStatus: Record<ProgressStatus, number>;
  overdue: number;
  /** Mean of the items' latest reported percent (items without one count as 0); null if empty. */
  meanPercent: number | null;
}

export function summarize(
  items: readonly PlanItem[],
  folds: ReadonlyMap<string, ProgressState>,
  now: Date,
): ProgressSummary {
  const byStatus: Record<ProgressStatus, number> = {
    notStarted: 0,
    inProgress: 0,
    done: 0,
    blocked: 0,
  };
  let overdue = 0;
  let percentSum = 0;
  for (const item of items) {
    const state = folds.get(item._id) ?? foldProgress([], item, now);
    byStatus[state.status] += 1;
    if (state.overdue) overdue += 1;
    percentSum += state.status === 'done' ? 100 : (state.percent ?? 0);
  }
  return {
    total: items.length,
    byStatus,
    overdue,
    meanPercent: items.length ? percentSum / items.length : null,
  };
}
