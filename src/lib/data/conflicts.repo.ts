// Records with versions from two devices (domain/conflict.ts): found through an index of the
// records whose winning revision has conflicts (kept up to date from the changes feed, so the
// supervisor's list never reads every record), compared, and resolved: the resolution with
// every version in full first, then the kept or merged content onto the winner, then the
// other versions removed with tombstones naming the resolution.
import type { DbRole } from '$lib/domain/constants';
import {
  mergeVersions,
  newResolution,
  resolutionSchema,
  type Resolution,
} from '$lib/domain/conflict';
import type { Author } from '$lib/domain/field-check-factory';
import { fieldCheckSchema, type FieldCheck } from '$lib/domain/field-check';
import { actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import { kindOf } from '$lib/kinds';
import { countIndexOf, type CountIndex } from './indexes/count-index';
import { isNotFound, type Db } from './pouch-types';
import { detachedLog, readDoc, readRows, type UnreadableLog } from './read';
import { parseOrThrow } from './validation';

/** A record in conflict, as the list shows it. */
export interface ConflictedRecord {
  record: FieldCheck;
  versions: number;
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

  /** The records in conflict, newest first. */
  async list(): Promise<ConflictedRecord[]> {
    const ids = await this.index.idsWhere((e) => e === 'conflict');
    const out: ConflictedRecord[] = [];
    for (const id of ids.sort().reverse()) {
      const versions = await this.versions(id);
      if (versions.length > 1) out.push({ record: versions[0], versions: versions.length });
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

  /**
   * Resolves record `id`: each field in `picks` takes the value of the version named (by its
   * revision); the rest stays the winner's. `seen` are the revisions the person compared: if
   * another version arrived meanwhile, nothing is written and null comes back.
   */
  async resolve(
    id: string,
    seen: readonly string[],
    picks: Record<string, string>,
    by: Author,
  ): Promise<Resolution | null> {
    const versions = await this.versions(id);
    const revs = versions.map((v) => v._rev!).sort();
    if (versions.length < 2 || JSON.stringify(revs) !== JSON.stringify([...seen].sort()))
      return null;
    const [winner] = versions;
    const now = this.clock();
    const resolution = parseOrThrow(
      resolutionSchema,
      newResolution(winner, winner._rev!, versions, picks, by, now),
    );
    assertAllowed(this.actor ?? actorOf(resolution), null, resolution);
    // 1. Every version, in full, before anything is removed.
    await this.db.put(resolution);
    // 2. The chosen content onto the winner (only when it changes anything).
    const merged = parseOrThrow(fieldCheckSchema, mergeVersions(winner, versions, picks, now));
    const changed = Object.keys(picks).some((path) => {
      const rev = picks[path];
      return rev !== winner._rev;
    });
    if (changed) {
      assertAllowed(this.actor ?? actorOf(resolution), winner, merged);
      await this.db.put(merged);
    }
    // 3. Only then the other versions, each tombstone naming the resolution.
    for (const v of versions.slice(1)) {
      const tombstone = { _id: id, _rev: v._rev, _deleted: true, resolvedBy: resolution._id };
      assertAllowed(this.actor ?? actorOf(resolution), v, tombstone);
      await this.db.put(tombstone as never);
    }
    return resolution;
  }

  /** The resolutions of a record (each holds every version it saw). */
  async resolutionsOf(recordId: string): Promise<Resolution[]> {
    const res = await this.db.allDocs({
      startkey: `resolution:${recordId}:`,
      endkey: `resolution:${recordId}:\uffff`,
      include_docs: true,
    });
    return readRows(resolutionSchema, res.rows, this.unreadable);
  }

  watch(onChange: () => void): () => void {
    return this.index.subscribe(onChange);
  }
}

/** The conflicts of every database the person reads. */
export class ConflictLog {
  constructor(private readonly repos: Partial<Record<DbRole, ConflictRepository>>) {}

  private get all(): ConflictRepository[] {
    return Object.values(this.repos).filter((r) => r !== undefined);
  }

  /** The repository of the database holding record `id` (read from its kind, or searched). */
  private async repoOf(id: string): Promise<ConflictRepository | null> {
    for (const repo of this.all) if ((await repo.versions(id)).length) return repo;
    return null;
  }

  async list(): Promise<ConflictedRecord[]> {
    const lists = await Promise.all(this.all.map((r) => r.list()));
    return lists.flat().sort((a, b) => (a.record._id < b.record._id ? 1 : -1));
  }

  async versions(id: string): Promise<FieldCheck[]> {
    const repo = await this.repoOf(id);
    return repo ? repo.versions(id) : [];
  }

  async resolve(
    record: FieldCheck,
    seen: readonly string[],
    picks: Record<string, string>,
    by: Author,
  ): Promise<Resolution | null> {
    const db = kindOf(record.kind)?.db;
    const repo = db && this.repos[db];
    if (!repo) throw new Error(`no local database for ${record.kind}`);
    return repo.resolve(record._id, seen, picks, by);
  }

  watch(onChange: () => void): () => void {
    const stops = this.all.map((r) => r.watch(onChange));
    return () => stops.forEach((stop) => stop());
  }
}
