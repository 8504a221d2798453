// Records with versions from two devices (domain/conflict.ts, docs/conflicts.md): found through
// an index of the records whose winning revision has conflicts (kept up to date from the
// changes feed, so the supervisor's list never reads every record), compared, and resolved. A
// supervisor writes only a resolution, holding every version in full; the server applies it
// and writes an outcome, which syncs back with the merged record.
import type { DbRole } from '$lib/domain/constants';
import {
  OUTCOME_ID_PREFIX,
  newResolution,
  outcomeIdOf,
  outcomeSchema,
  resolutionSchema,
  type OutcomeReason,
  type Resolution,
} from '$lib/domain/conflict';
import type { Author } from '$lib/domain/field-check-factory';
import { fieldCheckSchema, type FieldCheck } from '$lib/domain/field-check';
import { POLICY, actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import { kindOf } from '$lib/kinds';
import { watchIds } from './db-watch';
import { countIndexOf, type CountIndex } from './indexes/count-index';
import { isNotFound, type Db } from './pouch-types';
import { detachedLog, readDoc, readRows, type UnreadableLog } from './read';
import { parseOrThrow } from './validation';

const PREFIX = POLICY.conflicts.resolutionPrefix;

/**
 * Where a record's conflict stands: nobody resolved it yet (or must again); a resolution of
 * these very versions waits for the server; or the server did not apply the latest one.
 */
export type ConflictState =
  | { state: 'open' }
  | { state: 'pending'; resolution: Resolution }
  | { state: 'redo'; reason: OutcomeReason };

/** A record in conflict, as the list shows it. */
export interface ConflictedRecord {
  record: FieldCheck;
  versions: number;
  status: ConflictState;
}

/** `conflict` for a record whose winning revision has other versions beside it. */
export function conflictEntry(doc: Record<string, unknown>): string | null {
  if (doc.type !== 'fieldCheck') return null;
  return Array.isArray(doc._conflicts) && doc._conflicts.length ? 'conflict' : null;
}

export const conflictIndexOf = (db: Db): CountIndex =>
  countIndexOf(db, {
    name: 'check-conflicts',
    version: 1,
    relevant: (id) => id.startsWith('check:'),
    entryOf: conflictEntry,
  });

const sameRevs = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

export class ConflictRepository {
  private readonly index: CountIndex;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly actor: Actor | null = null,
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {
    this.index = conflictIndexOf(db);
  }

  /** The records in conflict, newest first, each with where its resolution stands. */
  async list(): Promise<ConflictedRecord[]> {
    const ids = await this.index.idsWhere((e) => e === 'conflict');
    const out: ConflictedRecord[] = [];
    for (const id of ids.sort().reverse()) {
      const versions = await this.versions(id);
      if (versions.length > 1)
        out.push({
          record: versions[0],
          versions: versions.length,
          status: await this.stateOf(id, versions),
        });
    }
    return out;
  }

  /** Every version of a record, the winner first; [] when it is not here. */
  async versions(id: string): Promise<FieldCheck[]> {
    let current: Record<string, unknown> & { _conflicts?: string[] };
    try {
      current = await this.db.get(id, { conflicts: true });
    } catch (err) {
      if (isNotFound(err)) return [];
      throw err;
    }
    const others = await Promise.all(
      (current._conflicts ?? []).map((rev) => this.db.get(id, { rev })),
    );
    return [current, ...others].flatMap((v) => {
      const { _conflicts, ...doc } = v as typeof current;
      void _conflicts;
      return readDoc(fieldCheckSchema, doc, this.unreadable) ?? [];
    });
  }

  /** Where the conflict of record `id` (whose versions are `versions`) stands. */
  async stateOf(id: string, versions: readonly FieldCheck[]): Promise<ConflictState> {
    const latest = (await this.resolutionsOf(id)).pop();
    if (!latest) return { state: 'open' };
    const outcome = await this.db.get(outcomeIdOf(latest._id)).then(
      (d) => readDoc(outcomeSchema, d, this.unreadable),
      (err: unknown) => {
        if (isNotFound(err)) return null;
        throw err;
      },
    );
    const named = [latest.keptRev, ...latest.removedRevs];
    if (outcome && outcome.result !== 'applied')
      return { state: 'redo', reason: outcome.reason ?? 'stale' };
    if (
      !outcome &&
      sameRevs(
        named,
        versions.map((v) => v._rev!),
      )
    )
      return { state: 'pending', resolution: latest };
    // Applied, and yet versions again (a device sent another since), or named others: open.
    return { state: 'open' };
  }

  /**
   * Resolves record `id`: the result is written onto version `keptRev`, each field in `picks`
   * taking the value of the version named (by its revision). `seen` are the revisions the
   * person compared: if another version arrived meanwhile, nothing is written and null comes
   * back. Only the resolution is written here; the server applies it.
   */
  async resolve(
    id: string,
    seen: readonly string[],
    keptRev: string,
    picks: Record<string, string>,
    by: Author,
  ): Promise<Resolution | null> {
    const versions = await this.versions(id);
    const revs = versions.map((v) => v._rev!);
    const named = [keptRev, ...Object.values(picks)];
    if (versions.length < 2 || !sameRevs(revs, seen) || !named.every((r) => revs.includes(r)))
      return null;
    const kept = versions.find((v) => v._rev === keptRev)!;
    const resolution = parseOrThrow(
      resolutionSchema,
      newResolution(kept, keptRev, versions, picks, by, this.clock()),
    );
    assertAllowed(this.actor ?? actorOf(resolution), null, resolution);
    await this.db.put(resolution);
    return resolution;
  }

  /** The resolutions of a record, oldest first (each holds every version it saw). */
  async resolutionsOf(recordId: string): Promise<Resolution[]> {
    const res = await this.db.allDocs({
      startkey: `${PREFIX}${recordId}:`,
      endkey: `${PREFIX}${recordId}:\uffff`,
      include_docs: true,
    });
    return readRows(resolutionSchema, res.rows, this.unreadable);
  }

  watch(onChange: () => void): () => void {
    const stops = [
      this.index.subscribe(onChange),
      watchIds(
        this.db,
        (id) => id.startsWith(PREFIX) || id.startsWith(OUTCOME_ID_PREFIX),
        onChange,
      ),
    ];
    return () => stops.forEach((stop) => stop());
  }
}

/** The conflicts of every database the person reads. */
export class ConflictLog {
  constructor(private readonly repos: Partial<Record<DbRole, ConflictRepository>>) {}

  private get all(): ConflictRepository[] {
    return Object.values(this.repos).filter((r) => r !== undefined);
  }

  /** The repository of the database holding record `id` (the first that has it). */
  private async repoOf(id: string): Promise<ConflictRepository | null> {
    for (const repo of this.all) if ((await repo.versions(id)).length) return repo;
    return null;
  }

  async list(): Promise<ConflictedRecord[]> {
    const lists = await Promise.all(this.all.map((r) => r.list()));
    return lists.flat().sort((a, b) => (a.record._id < b.record._id ? 1 : -1));
  }

  /** Every version of one record, the winner first, and where its conflict stands. */
  async versions(id: string): Promise<{ versions: FieldCheck[]; status: ConflictState }> {
    const repo = await this.repoOf(id);
    const versions = repo ? await repo.versions(id) : [];
    const status =
      repo && versions.length > 1 ? await repo.stateOf(id, versions) : { state: 'open' as const };
    return { versions, status };
  }

  async resolve(
    record: FieldCheck,
    seen: readonly string[],
    keptRev: string,
    picks: Record<string, string>,
    by: Author,
  ): Promise<Resolution | null> {
    const db = kindOf(record.kind)?.db;
    const repo = db && this.repos[db];
    if (!repo) throw new Error(`no local database for ${record.kind}`);
    return repo.resolve(record._id, seen, keptRev, picks, by);
  }

  watch(onChange: () => void): () => void {
    const stops = this.all.map((r) => r.watch(onChange));
    return () => stops.forEach((stop) => stop());
  }
}
