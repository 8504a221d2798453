// The field checks a person can see, across their local databases (the commune log and, for
// police and the chair, the police database), as one log. Writes go to the database the
// record's kind belongs to.
import type { FieldCheck, FieldCheckKind } from '$lib/domain/field-check';
import type { Author, FieldCheckInput } from '$lib/domain/field-check-factory';
import type { DbRole } from '$lib/domain/constants';
import { KINDS, kindOf } from '$lib/kinds';
import type { FieldCheckRepository, Page } from './field-checks.repo';
import { rowOf, type LogFilter, type LogRow } from './indexes/log-entry';
import type { LogFacets } from './indexes/log-index';
import type { ReviewStateName } from '$lib/domain/review';

/** One record as a summary counts it (the dashboard): from the indexes, no record read. */
export interface SummaryRow {
  id: string;
  kind: string;
  hamlet: string;
  author: string;
  authorRole: string;
  /** The day the work started, in Vietnam: `YYYY-MM-DD`. */
  day: string;
  planItems: readonly string[];
  state: ReviewStateName;
}

/** A record as a list shows it, with its review state (the verdicts are review documents). */
export type Listed<T> = T & { state: ReviewStateName };

const newestFirst = (a: { _id: string }, b: { _id: string }) =>
  a._id < b._id ? 1 : a._id > b._id ? -1 : 0;

export class CheckLog {
  constructor(private readonly repos: Partial<Record<DbRole, FieldCheckRepository>>) {}

  private repoFor(kind: FieldCheckKind): FieldCheckRepository {
    const db = kindOf(kind)?.db;
    const repo = db && this.repos[db];
    if (!repo) throw new Error(`no local database for ${kind}`);
    return repo;
  }

  private get all(): FieldCheckRepository[] {
    return Object.values(this.repos).filter((r) => r !== undefined);
  }

  createDraft(input: FieldCheckInput, author: Author): Promise<FieldCheck> {
    return this.repoFor(input.kind).createDraft(input, author);
  }

  saveDraft(doc: FieldCheck, input: FieldCheckInput): Promise<FieldCheck> {
    return this.repoFor(doc.kind).saveDraft(doc, input);
  }

  submit(doc: FieldCheck): Promise<FieldCheck> {
    return this.repoFor(doc.kind).submit(doc);
  }

  reopen(doc: FieldCheck): Promise<FieldCheck> {
    return this.repoFor(doc.kind).reopen(doc);
  }

  approve(doc: FieldCheck): Promise<FieldCheck> {
    return this.repoFor(doc.kind).approve(doc);
  }

  deleteDraft(doc: FieldCheck): Promise<void> {
    return this.repoFor(doc.kind).deleteDraft(doc);
  }

  async conflictsOf(doc: FieldCheck): Promise<FieldCheck[]> {
    return this.repoFor(doc.kind).conflictsOf(doc._id);
  }

  resolveConflict(chosen: FieldCheck): Promise<FieldCheck> {
    return this.repoFor(chosen.kind).resolveConflict(chosen);
  }

  async get(id: string): Promise<FieldCheck | null> {
    for (const repo of this.all) {
      const doc = await repo.get(id);
      if (doc) return doc;
    }
    return null;
  }

  /** The newest records with their review states (the home screen's plain list). */
  async newestListed(limit = 50): Promise<Page<Listed<FieldCheck>>> {
    // The verdicts (at a start, the review index's snapshot) are read while the records are.
    const [page] = await Promise.all([
      this.listNewest(limit),
      ...this.all.map((r) => r.reviewStates.verdicts()),
    ]);
    return { ...page, items: await this.withStates(page.items) };
  }

  /** Each item with its review state, asked of its own database. */
  private async withStates<T extends { _id: string; kind: FieldCheckKind; status: string }>(
    items: T[],
  ): Promise<Listed<T>[]> {
    const out: Listed<T>[] = [];
    for (const repo of this.all) {
      const mine = items.filter((i) => this.repoFor(i.kind) === repo);
      const states = await repo.reviewStates.statesOf(mine);
      mine.forEach((item, n) => out.push({ ...item, state: states[n] }));
    }
    return out.sort(newestFirst);
  }

  /** Newest first across databases: ids are time-ordered, so a merge of pages is exact. */
  async listNewest(limit = 50, after: string | null = null): Promise<Page<FieldCheck>> {
    const pages = await Promise.all(this.all.map((r) => r.listNewest(limit, after)));
    return mergePages(pages, limit);
  }

  /** The records matching `filter` across databases, newest first (from the log indexes). */
  async find(
    filter: LogFilter,
    limit = 50,
    after: string | null = null,
  ): Promise<Page<FieldCheck>> {
    const pages = await Promise.all(this.all.map((r) => r.find(filter, limit, after)));
    return mergePages(pages, limit);
  }

  /**
   * The rows a list shows of the records matching `filter`, newest first: from the log indexes
   * alone, no record read (a filtered page costs a walk in memory).
   */
  async findRows(
    filter: LogFilter,
    limit = 50,
    after: string | null = null,
  ): Promise<Page<Listed<LogRow>>> {
    const hits = await Promise.all(
      this.all.map(async (r) => r.log.find(await r.indexFilter(filter), limit, after)),
    );
    const pages = hits.map((h) => ({
      items: h.entries.map(rowOf),
      next: h.more ? h.ids[h.ids.length - 1] : null,
    }));
    const page = mergePages(pages, limit);
    return { ...page, items: await this.withStates(page.items) };
  }

  /** How many records match `filter` across databases (in memory, no record read). */
  async count(filter: LogFilter = {}): Promise<number> {
    const counts = await Promise.all(
      this.all.map(async (r) => r.log.count(await r.indexFilter(filter))),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The hamlets, authors and plan items present in the log, with how many records each. */
  async facets(): Promise<LogFacets> {
    const all = await Promise.all(this.all.map((r) => r.log.facets()));
    const merged: LogFacets = { hamlets: new Map(), authors: new Map(), planItems: new Map() };
    for (const f of all)
      for (const key of ['hamlets', 'authors', 'planItems'] as const)
        for (const [v, n] of f[key]) merged[key].set(v, (merged[key].get(v) ?? 0) + n);
    return merged;
  }

  /** The kinds kept in this person's databases (police records only where they may read). */
  kinds(): FieldCheckKind[] {
    return KINDS.filter((k) => this.repos[k.db]).map((k) => k.key);
  }

  /**
   * One row per record whose work started between two days (`YYYY-MM-DD`), with its review
   * state: from the log indexes and the review indexes alone, no record read (the dashboard).
   */
  async summaryRows(from: string, to: string): Promise<SummaryRow[]> {
    const perDb = await Promise.all(
      this.all.map(async (repo) => {
        const entries = await repo.log.matching({ from, to });
        const states = await repo.reviewStates.statesOf(
          entries.map((e) => ({ _id: e.id, status: e.status })),
        );
        return entries.map((e, i): SummaryRow => ({
          id: e.id,
          kind: e.kind,
          hamlet: e.hamlet,
          author: e.author,
          authorRole: e.authorRole,
          day: e.day,
          planItems: e.planItems,
          state: states[i],
        }));
      }),
    );
    return perDb.flat();
  }

  /** Calls back once per burst after the log indexes took in new or changed records. */
  watchLog(onChange: () => void): () => void {
    // A verdict changes a record's review state without changing the record.
    const stops = this.all.flatMap((r) => [
      r.log.subscribe(onChange),
      r.reviewStates.watchVerdicts(onChange),
    ]);
    return () => stops.forEach((stop) => stop());
  }

  /** Calls back when verdicts were added or arrived (a record's state changed, not the record). */
  watchVerdicts(onChange: () => void): () => void {
    const stops = this.all.map((r) => r.reviewStates.watchVerdicts(onChange));
    return () => stops.forEach((stop) => stop());
  }

  watch(onChange: () => void): () => void {
    const stops = this.all.map((r) => r.watch(onChange));
    return () => stops.forEach((stop) => stop());
  }
}

/** Newest first across databases: ids are time-ordered, so a merge of pages is exact. */
function mergePages<T extends { _id: string }>(pages: Page<T>[], limit: number): Page<T> {
  const merged = pages.flatMap((p) => p.items).sort(newestFirst);
  const items = merged.slice(0, limit);
  const more = merged.length > limit || pages.some((p) => p.next !== null);
  return { items, next: more && items.length ? items[items.length - 1]._id : null };
}
