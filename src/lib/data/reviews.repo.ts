// Reviews: added, never changed (domain/review.ts). One repository per database, because a
// review lives beside its record (a police record's reviews stay in the police database);
// `ReviewLog` puts them together for the screens, as CheckLog does for the records.
import type { DbRole } from '$lib/domain/constants';
import type { Author } from '$lib/domain/field-check-factory';
import { fieldCheckSchema, type FieldCheck } from '$lib/domain/field-check';
import { reviewRange } from '$lib/domain/ids';
import { actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import {
  newReview,
  reviewSchema,
  reviewStateOf,
  type Review,
  type ReviewInput,
  type ReviewState,
} from '$lib/domain/review';
import { kindOf } from '$lib/kinds';
import type { CheckLog } from './check-log';
import type { CountIndex } from './indexes/count-index';
import {
  parseStatusEntry,
  parseVerdictEntry,
  statusIndexOf,
  verdictIndexOf,
  verdictTotal,
} from './indexes/review-index';
import type { Db } from './pouch-types';
import { detachedLog, readRows, type UnreadableLog } from './read';
import { parseOrThrow } from './validation';

/** A record with its review state, for lists. */
export interface ReviewedRecord {
  record: FieldCheck;
  review: ReviewState;
}

export class ReviewRepository {
  private readonly statuses: CountIndex;
  private readonly verdicts: CountIndex;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly actor: Actor | null = null,
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {
    this.statuses = statusIndexOf(db);
    this.verdicts = verdictIndexOf(db);
  }

  /** Adds a verdict on `record` as it is now; judged by the policy as the server will. */
  async add(record: FieldCheck, input: ReviewInput, reviewer: Author): Promise<Review> {
    const doc = parseOrThrow(reviewSchema, newReview(record, input, reviewer, this.clock()));
    assertAllowed(this.actor ?? actorOf(doc), null, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }

  /** Every review of one record, oldest first: one range read. */
  async forRecord(recordId: string): Promise<Review[]> {
    const res = await this.db.allDocs({ ...reviewRange(recordId), include_docs: true });
    return readRows(reviewSchema, res.rows, this.unreadable);
  }

  /** Sent records whose current version has no verdict yet, the earliest sent first. */
  async waiting(): Promise<FieldCheck[]> {
    if (!(await this.statuses.totalsNow()).get('submitted')) return [];
    const reviewed = new Set<string>();
    for (const [, entry] of await this.verdicts.entriesWhere(() => true)) {
      const v = parseVerdictEntry(entry);
      reviewed.add(`${v.recordId}|${v.rev}`);
    }
    const ids = await this.statuses.idsWhere((e) => parseStatusEntry(e).status === 'submitted');
    const records = await this.records(ids);
    return records
      .filter((r) => !reviewed.has(`${r._id}|${r._rev}`))
      .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  }

  /** `author`'s records that were returned: still to correct, or being corrected. */
  async returnedTo(author: string): Promise<ReviewedRecord[]> {
    // Most people have nothing returned: the totals say so without reading any entry.
    if (!(await this.verdicts.totalsNow()).get(`${author}|return`)) return [];
    const ids = new Set<string>();
    for (const [, entry] of await this.verdicts.entriesWhere(
      (e) => verdictTotal(e) === `${author}|return`,
    ))
      ids.add(parseVerdictEntry(entry).recordId);
    const out: ReviewedRecord[] = [];
    for (const record of await this.records([...ids])) {
      const review = reviewStateOf(record, await this.forRecord(record._id));
      if (review.state === 'returned' || review.answering) out.push({ record, review });
    }
    return out.sort((a, b) => (a.record.updatedAt < b.record.updatedAt ? 1 : -1));
  }

  /** Calls back when records or reviews changed (once per burst). */
  watch(onChange: () => void): () => void {
    const stops = [this.statuses.subscribe(onChange), this.verdicts.subscribe(onChange)];
    return () => stops.forEach((stop) => stop());
  }

  private async records(ids: string[]): Promise<FieldCheck[]> {
    if (!ids.length) return [];
    const res = await this.db.allDocs({ keys: ids, include_docs: true });
    return readRows(fieldCheckSchema, res.rows, this.unreadable);
  }
}

/** The reviews of every database the person reads, with the two-step approval. */
export class ReviewLog {
  constructor(
    private readonly repos: Partial<Record<DbRole, ReviewRepository>>,
    private readonly checks: CheckLog,
  ) {}

  private repoFor(record: FieldCheck): ReviewRepository {
    const db = kindOf(record.kind)?.db;
    const repo = db && this.repos[db];
    if (!repo) throw new Error(`no local database for ${record.kind}`);
    return repo;
  }

  private get all(): ReviewRepository[] {
    return Object.values(this.repos).filter((r) => r !== undefined);
  }

  /** Returns `record` to its author with `comment`: a review only, the record is untouched. */
  return(record: FieldCheck, comment: string, reviewer: Author): Promise<Review> {
    return this.repoFor(record).add(record, { verdict: 'return', comment }, reviewer);
  }

  /** Approves `record`: the review, then the stamp that freezes the record on the server. */
  async approve(record: FieldCheck, comment: string, reviewer: Author): Promise<Review> {
    const review = await this.repoFor(record).add(
      record,
      { verdict: 'approve', comment },
      reviewer,
    );
    await this.checks.approve(record);
    return review;
  }

  async forRecord(record: FieldCheck): Promise<Review[]> {
    return this.repoFor(record).forRecord(record._id);
  }

  /** The record's review state (also what a sync receipt shows: who reviewed, which verdict). */
  async stateOf(record: FieldCheck): Promise<ReviewState> {
    return reviewStateOf(record, await this.forRecord(record));
  }

  /** The review queue across databases, the earliest sent first. */
  async waiting(): Promise<FieldCheck[]> {
    const lists = await Promise.all(this.all.map((r) => r.waiting()));
    return lists.flat().sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  }

  async returnedTo(author: string): Promise<ReviewedRecord[]> {
    const lists = await Promise.all(this.all.map((r) => r.returnedTo(author)));
    return lists.flat().sort((a, b) => (a.record.updatedAt < b.record.updatedAt ? 1 : -1));
  }

  watch(onChange: () => void): () => void {
    const stops = this.all.map((r) => r.watch(onChange));
    return () => stops.forEach((stop) => stop());
  }
}
