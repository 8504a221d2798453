// The field-check repository: the only way screens read and write field checks. Local only;
// replication is the sync module's business.
import { fieldCheckSchema, type FieldCheck } from '$lib/domain/field-check';
import {
  editFieldCheck,
  newFieldCheck,
  submitFieldCheck,
  type Author,
  type FieldCheckInput,
} from '$lib/domain/field-check-factory';
import { timeProblems } from '$lib/domain/check-times';
import { idRange } from '$lib/domain/ids';
import { actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import { watchIds } from './db-watch';
import type { LogFilter } from './indexes/log-entry';
import { logIndexOf, type LogIndex } from './indexes/log-index';
import { bodies, memoryFloors, newestDocs, type Body, type FloorMemory } from './newest-page';
import { isNotFound, type Db } from './pouch-types';
import { isReviewState, ReviewStates } from './review-states';
import { detachedLog, readDoc, readRows, type UnreadableLog } from './read';
import { ValidationError, parseOrThrow } from './validation';

export interface Page<T> {
  items: T[];
  /** Pass back as `after` for the next page; null at the end. */
  next: string | null;
}

/** The schema and the time rules together, so a refused save names every field at once. */
function checked(doc: FieldCheck, now: Date): FieldCheck {
  const times = timeProblems(doc, now);
  try {
    const parsed = parseOrThrow(fieldCheckSchema, doc);
    if (times.length) throw new ValidationError(times);
    return parsed;
  } catch (err) {
    if (!(err instanceof ValidationError) || !times.length) throw err;
    const seen = new Set(err.fields.map((f) => f.path));
    throw new ValidationError([...err.fields, ...times.filter((t) => !seen.has(t.path))]);
  }
}

export class FieldCheckRepository {
  /**
   * `actor` is the signed-in person (the workspace binds it); without one, a write acts as the
   * document's author. Either way every write is first judged by the policy, as the server
   * will judge it (PolicyError names the reason).
   */
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly actor: Actor | null = null,
    private readonly unreadable: UnreadableLog = detachedLog,
    /** Where the newest page began last time (newest-page.ts): the workspace keeps it. */
    private readonly floors: FloorMemory = memoryFloors(),
  ) {}

  async createDraft(input: FieldCheckInput, author: Author): Promise<FieldCheck> {
    const now = this.clock();
    return this.write(null, checked(newFieldCheck(input, author, now), now));
  }

  /** Saves a draft's or a returned record's edits (the policy's `save`). */
  async saveDraft(doc: FieldCheck, input: FieldCheckInput): Promise<FieldCheck> {
    const now = this.clock();
    return this.write(doc, checked(editFieldCheck(doc, input, now), now));
  }

  async submit(doc: FieldCheck): Promise<FieldCheck> {
    return this.write(doc, parseOrThrow(fieldCheckSchema, submitFieldCheck(doc, this.clock())));
  }

  /** Back to draft (the policy's `withdraw`): a record not yet reviewed, or one the server refused. */
  async reopen(doc: FieldCheck): Promise<FieldCheck> {
    const now = this.clock().toISOString();
    return this.write(doc, { ...doc, status: 'draft', submittedAt: null, updatedAt: now });
  }

  /** A reviewer's approval stamped on the record (the policy's `approve`): frozen from now on. */
  async approve(doc: FieldCheck): Promise<FieldCheck> {
    const now = this.clock().toISOString();
    return this.write(doc, { ...doc, status: 'approved', updatedAt: now });
  }

  /** Deletes a draft (the policy's `delete`: the author's own, drafts only); sync carries it. */
  async deleteDraft(doc: FieldCheck): Promise<void> {
    const gone = { _id: doc._id, _rev: doc._rev, _deleted: true };
    assertAllowed(this.actor ?? actorOf(doc), doc, gone);
    await this.db.remove(doc._id, doc._rev ?? '');
  }

  async get(id: string): Promise<FieldCheck | null> {
    try {
      return readDoc(fieldCheckSchema, await this.db.get(id), this.unreadable);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /**
   * The other versions of a record when it was edited on two devices before they synced.
   * CouchDB keeps them all and picks a winner; nothing is lost until a person chooses.
   */
  async conflictsOf(id: string): Promise<FieldCheck[]> {
    let doc: { _conflicts?: string[] };
    try {
      doc = await this.db.get(id, { conflicts: true });
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    const versions = await Promise.all(
      (doc._conflicts ?? []).map((rev) => this.db.get(id, { rev })),
    );
    return versions.flatMap((v) => readDoc(fieldCheckSchema, v, this.unreadable) ?? []);
  }

  /** Keeps `chosen` (any version of the record) and retires the others. */
  async resolveConflict(chosen: FieldCheck): Promise<FieldCheck> {
    const current = await this.db.get(chosen._id, { conflicts: true });
    const losers = current._conflicts ?? [];
    let kept: FieldCheck = { ...chosen, _rev: current._rev };
    if (chosen._rev !== current._rev) kept = await this.write(current as FieldCheck, kept);
    for (const rev of losers) await this.db.remove(chosen._id, rev);
    return kept;
  }

  /** Newest first, a page at a time: a range read over time-ordered ids. */
  async listNewest(limit = 50, after: string | null = null): Promise<Page<FieldCheck>> {
    const docs =
      after === null
        ? await newestDocs(this.db, 'check', limit + 1, this.floors)
        : await this.olderThan(after, limit + 1);
    const items = docs
      .slice(0, limit)
      .flatMap((d) => readDoc(fieldCheckSchema, d, this.unreadable) ?? []);
    return { items, next: docs.length > limit ? docs[limit - 1]._id : null };
  }

  private async olderThan(after: string, limit: number): Promise<Body[]> {
    const res = await this.db.allDocs({
      descending: true,
      startkey: after,
      endkey: idRange('check').endkey,
      skip: 1,
      limit,
      include_docs: true,
    });
    return bodies(res.rows);
  }

  /** This database's log index (filters and search; see indexes/log-index.ts). */
  get log(): LogIndex {
    return logIndexOf(this.db);
  }

  /** This database's records' review states (verdicts live in review documents). */
  get reviewStates(): ReviewStates {
    return (this.states ??= new ReviewStates(this.db));
  }
  private states: ReviewStates | null = null;

  /** `filter` as the log index reads it: a review state becomes a match it can test. */
  async indexFilter(filter: LogFilter): Promise<LogFilter> {
    if (!filter.review) return filter;
    const reviewed = isReviewState(filter.review)
      ? await this.reviewStates.matchOf(filter.review)
      : { statuses: [], plus: new Set<string>(), minus: new Set<string>() };
    return { ...filter, review: null, reviewed };
  }

  /**
   * The records matching `filter`, newest first, a page at a time: the log index finds the
   * page's ids in memory, then only those records are read.
   */
  async find(
    filter: LogFilter,
    limit = 50,
    after: string | null = null,
  ): Promise<Page<FieldCheck>> {
    const hits = await this.log.find(await this.indexFilter(filter), limit, after);
    if (!hits.ids.length) return { items: [], next: null };
    const res = await this.db.allDocs({ keys: hits.ids, include_docs: true });
    const items = readRows(fieldCheckSchema, res.rows, this.unreadable);
    return { items, next: hits.more ? hits.ids[hits.ids.length - 1] : null };
  }

  /** Calls back on every local change to a field check (own writes and replicated ones). */
  watch(onChange: () => void): () => void {
    return watchIds(this.db, (id) => id.startsWith('check:'), onChange);
  }

  private async write(old: FieldCheck | null, doc: FieldCheck): Promise<FieldCheck> {
    assertAllowed(this.actor ?? actorOf(doc), old, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }
}
