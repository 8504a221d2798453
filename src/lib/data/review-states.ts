// A record's review state from the review indexes alone, no record or review read: the
// record's status and version (index check-status) and the verdicts given on each version
// (index review-verdicts). Returns do not touch the record (the verdict is a review document),
// so a "returned" record's own status is still `submitted`: lists and the log's review filter
// must ask here, never the record's status. The rule is domain/review.ts `reviewStateOf`'s.
import type { ReviewStateName } from '$lib/domain/review';
import type { CountIndex } from './indexes/count-index';
import {
  parseStatusEntry,
  parseVerdictEntry,
  statusIndexOf,
  verdictIndexOf,
} from './indexes/review-index';
import type { ReviewMatch } from './indexes/log-entry';
import type { Db } from './pouch-types';

export const REVIEW_STATES: readonly ReviewStateName[] = [
  'draft',
  'waiting',
  'returned',
  'approved',
];

/** The verdicts given per version: `<record id>|<rev>` → the verdicts on it. */
export type Verdicts = Map<string, Set<string>>;

export function verdictsOf(entries: Iterable<string>): Verdicts {
  const out: Verdicts = new Map();
  for (const entry of entries) {
    const v = parseVerdictEntry(entry);
    const key = `${v.recordId}|${v.rev}`;
    const set = out.get(key) ?? new Set<string>();
    set.add(v.verdict);
    out.set(key, set);
  }
  return out;
}

/** The records that have a verdict on some version. */
const judgedRecords = (verdicts: Verdicts) =>
  new Set([...verdicts.keys()].map((k) => k.slice(0, k.lastIndexOf('|'))));

/** The state of record `id` whose status index entry is `entry` (`submitted|3-abc`). */
export function stateOfEntry(id: string, entry: string, verdicts: Verdicts): ReviewStateName {
  const { status, rev } = parseStatusEntry(entry);
  switch (status) {
    case 'draft':
    case 'approved':
      return status;
    case 'returned':
      return 'returned'; // stamped on the record by earlier versions of the app
    default: {
      // Sent: the verdicts on this very version decide; an approval wins over a return.
      const given = verdicts.get(`${id}|${rev}`);
      if (given?.has('approve')) return 'approved';
      if (given?.has('return')) return 'returned';
      return 'waiting';
    }
  }
}

/** The review states of one database's records. */
export class ReviewStates {
  private readonly statuses: CountIndex;
  private readonly verdictIndex: CountIndex;

  constructor(db: Db) {
    this.statuses = statusIndexOf(db);
    this.verdictIndex = verdictIndexOf(db);
  }

  private known: { revision: number; verdicts: Verdicts } | null = null;

  /**
   * Worked out again only when a verdict was added or arrived (every list read asks). A list
   * that watches the verdicts (`watchVerdicts`) does not wait for records arriving meanwhile to
   * be read through: it is read again when the verdicts among them are taken in.
   */
  async verdicts(): Promise<Verdicts> {
    const entries = await this.verdictIndex.entriesSoFar();
    const revision = this.verdictIndex.revision;
    if (this.known?.revision !== revision)
      this.known = { revision, verdicts: verdictsOf(entries.values()) };
    return this.known.verdicts;
  }

  /**
   * The states of listed records (a page): from their status, and for a sent record that has
   * verdicts, from its version (the record's own `_rev`, or the status index's).
   */
  async statesOf(
    rows: readonly { _id: string; status: string; _rev?: string }[],
  ): Promise<ReviewStateName[]> {
    const verdicts = await this.verdicts();
    const judged = judgedRecords(verdicts);
    const out: ReviewStateName[] = [];
    for (const row of rows) {
      if (row.status !== 'submitted' || !judged.has(row._id)) {
        out.push(stateOfEntry(row._id, `${row.status}|`, verdicts));
        continue;
      }
      const entry = row._rev ? `${row.status}|${row._rev}` : await this.statuses.entryFor(row._id);
      out.push(entry === null ? 'waiting' : stateOfEntry(row._id, entry, verdicts));
    }
    return out;
  }

  /**
   * Which records are in `state`, as the log index tests it: by their status, and for the few
   * sent records that have verdicts, by the verdicts on their current version. Neither the
   * records nor the status index's whole snapshot are read: only the judged records' entries.
   */
  async matchOf(state: ReviewStateName): Promise<ReviewMatch> {
    const verdicts = await this.verdicts();
    // The state of each sent record that has a verdict on some version.
    const plus = new Set<string>();
    const minus = new Set<string>();
    for (const id of judgedRecords(verdicts)) {
      const entry = await this.statuses.entryFor(id);
      if (entry === null || parseStatusEntry(entry).status !== 'submitted') continue;
      if (stateOfEntry(id, entry, verdicts) === state) plus.add(id);
      else minus.add(id);
    }
    switch (state) {
      case 'draft':
        return { statuses: ['draft'], plus: new Set(), minus: new Set() };
      case 'approved':
      case 'returned':
        return { statuses: [state], plus, minus: new Set() };
      case 'waiting':
        return { statuses: ['submitted'], plus: new Set(), minus };
    }
  }

  /** Calls back when verdicts were added or arrived (once per burst). */
  watchVerdicts(onChange: () => void): () => void {
    return this.verdictIndex.subscribe(onChange);
  }
}

export const isReviewState = (s: unknown): s is ReviewStateName =>
  (REVIEW_STATES as readonly unknown[]).includes(s);
