// Evidence: the field checks that name a plan item's code in their `planItems`. Checks link to
// codes ("2.3.7"), not to a year's item, so each check counts for the plan in force when its
// work started: the latest plan whose year is not after the check's (see `evidencePeriod`).
// With only the 2023 plan, every check from 2023 on counts for it; once a 2024 plan exists,
// 2023's evidence stops at the end of 2023.
//
// This is a full scan of the period's check documents (one range read over time-ordered ids,
// then a filter). pouchdb-browser could run a map/reduce view, but a persistent view needs a
// design document in this replicated database (it would be pushed to the server and refused
// there), and a temporary query scans everything anyway; Mango needs a plugin. A commune's year
// is some thousands of checks, so one scan per screen is fine on a phone, and `counts` gives
// every item's count from that single scan instead of one scan per item. Checks in the police
// database are not counted here (only police and the chair can read them).
import { fieldCheckSchema, type FieldCheck } from '$lib/domain/field-check';
import type { Plan } from '$lib/domain/plan';
import { watchIds } from './db-watch';
import type { Db } from './pouch-types';

/** Years whose checks count for a plan: from `from` up to (not including) `until`. */
export interface EvidencePeriod {
  from: number;
  until: number | null;
}

/** The period of `plan` among the commune's `plans`. */
export function evidencePeriod(plan: Plan, plans: readonly Plan[]): EvidencePeriod {
  const later = plans.map((p) => p.year).filter((y) => y > plan.year);
  return { from: plan.year, until: later.length ? Math.min(...later) : null };
}

/** Ids carry the creation time in UTC; Vietnam's year starts 7 hours earlier in UTC. */
function idRangeOf(period: EvidencePeriod) {
  return {
    startkey: `check:${period.from - 1}-12-31T17:00:00.000Z`,
    // A check about late December may be written up in January: read a month more, then keep
    // only checks whose work started inside the period.
    endkey: period.until === null ? 'check:\uffff' : `check:${period.until}-01-31T17:00:00.000Z`,
  };
}

/** The year in Vietnam of an ISO instant. */
const vnYear = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).getUTCFullYear();

interface RawCheck {
  type?: unknown;
  planItems?: unknown;
  startedAt?: unknown;
}

export class EvidenceRepository {
  constructor(private readonly db: Db) {}

  private async scan(
    period: EvidencePeriod,
    keep: (codes: string[]) => boolean,
  ): Promise<RawCheck[]> {
    const res = await this.db.allDocs({ ...idRangeOf(period), include_docs: true });
    const out: RawCheck[] = [];
    for (const row of res.rows) {
      const doc = ('doc' in row ? row.doc : null) as RawCheck | null;
      if (!doc || doc.type !== 'fieldCheck' || !Array.isArray(doc.planItems)) continue;
      if (typeof doc.startedAt !== 'string') continue;
      const year = vnYear(doc.startedAt);
      if (year < period.from || (period.until !== null && year >= period.until)) continue;
      if (keep(doc.planItems as string[])) out.push(doc);
    }
    return out;
  }

  /** Number of checks per item code in `period` (codes without checks are absent). */
  async counts(period: EvidencePeriod): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.scan(period, (codes) => {
      for (const code of new Set(codes)) counts.set(code, (counts.get(code) ?? 0) + 1);
      return false;
    });
    return counts;
  }

  /** The checks linked to item `code` in `period`, newest first. */
  async forItem(period: EvidencePeriod, code: string): Promise<FieldCheck[]> {
    const docs = await this.scan(period, (codes) => codes.includes(code));
    return docs
      .flatMap((d) => {
        const parsed = fieldCheckSchema.safeParse(d);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  /** Calls back on every local change to a field check. */
  watch(onChange: () => void): () => void {
    return watchIds(this.db, (id) => id.startsWith('check:'), onChange);
  }
}
