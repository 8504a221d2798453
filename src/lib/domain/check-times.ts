// What the schema cannot say about a record's times (it has no cross-field rules, so the
// server's validator stays a plain JSON Schema): the end comes after the start, and neither
// lies more than a day ahead of the phone's clock — a record is of work done, and a wrong year
// picked on a date wheel is the usual slip.
import type { Problem } from './problems';

export const MAX_AHEAD_MS = 24 * 60 * 60 * 1000;

export interface TimeProblem {
  path: 'startedAt' | 'endedAt';
  problem: Problem;
}

export function timeProblems(
  times: { startedAt: string; endedAt: string | null },
  now: Date,
): TimeProblem[] {
  const out: TimeProblem[] = [];
  const start = Date.parse(times.startedAt);
  const end = times.endedAt === null ? NaN : Date.parse(times.endedAt);
  const limit = now.getTime() + MAX_AHEAD_MS;
  if (start > limit) out.push({ path: 'startedAt', problem: { code: 'tooFarAhead' } });
  if (end > limit) out.push({ path: 'endedAt', problem: { code: 'tooFarAhead' } });
  else if (end < start) out.push({ path: 'endedAt', problem: { code: 'endBeforeStart' } });
  return out;
}
