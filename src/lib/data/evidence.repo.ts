// Evidence: the field checks that name a plan item's code in their `planItems`. Checks link to
// codes ("2.3.7"), not to a year's item, so each check counts for the plan in force when its
// work started: the latest plan whose year is not after the check's (see `evidencePeriod`).
// With only the 2023 plan, every check from 2023 on counts for it; once a 2024 plan exists,
// 2023's evidence stops at the end of 2023.
//
// Counts and the list of an item's checks come from the evidence index (indexes/), kept on the
// device and updated as checks are saved or arrive, so no screen reads every record. Checks in
// the police database are not counted here (only police and the chair can read them).
import { detachedLog, readRows, type UnreadableLog } from './read';
import { fieldCheckSchema, type FieldCheck } from '$lib/domain/field-check';
import type { Plan } from '$lib/domain/plan';
import type { CountIndex } from './indexes/count-index';
import { evidenceIndexOf, parseEntry } from './indexes/evidence-index';
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

const inPeriod = (year: number, p: EvidencePeriod) =>
  year >= p.from && (p.until === null || year < p.until);

export class EvidenceRepository {
  private readonly index: CountIndex;

  constructor(
    private readonly db: Db,
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {
    this.index = evidenceIndexOf(db);
  }

  /**
   * Number of checks per item code in `period` (codes without checks are absent). A screen that
   * watches the evidence gets what the index holds now and is told when records arriving
   * meanwhile are taken in; a caller that does not watch gets counts caught up.
   */
  async counts(period: EvidencePeriod): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const [entry, n] of await this.index.totalsSoFar()) {
      const { year, codes } = parseEntry(entry);
      if (!inPeriod(year, period)) continue;
      for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + n);
    }
    return counts;
  }

  /** The checks linked to item `code` in `period`, newest first. */
  async forItem(period: EvidencePeriod, code: string): Promise<FieldCheck[]> {
    const ids = await this.index.idsWhere((entry) => {
      const { year, codes } = parseEntry(entry);
      return inPeriod(year, period) && codes.includes(code);
    });
    if (!ids.length) return [];
    const res = await this.db.allDocs({ keys: ids, include_docs: true });
    return readRows(fieldCheckSchema, res.rows, this.unreadable).sort((a, b) =>
      a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
    );
  }

  /** Calls back when the evidence changed (once per burst of saved or arriving checks). */
  watch(onChange: () => void): () => void {
    return this.index.subscribe(onChange);
  }
}
