// The commune's hamlet list (src/lib/domain/hamlet.ts), from the local commune log: forms offer
// it, the admin edits it here, sync carries it like any other document. Writes go through the
// policy (only the commune's admin), as the server's validator will judge them.
import {
  hamletId,
  hamletName,
  hamletSchema,
  isHamletName,
  newHamlet,
  type Hamlet,
} from '$lib/domain/hamlet';
import type { Problem } from '$lib/domain/problems';
import { assertAllowed, type Actor } from '$lib/domain/policy';
import { viCollator } from '$lib/domain/text';
import { watchIds } from './db-watch';
import { isNotFound, type Db } from './pouch-types';
import { detachedLog, readRows, type UnreadableLog } from './read';
import { ValidationError, parseOrThrow } from './validation';

/** A name the list refuses: nothing to key it by, or it names a hamlet already listed. */
export class HamletExists extends Error {
  constructor(readonly existing: Hamlet) {
    super(`hamlet ${existing._id} exists`);
  }
}

export class HamletRepository {
  constructor(
    private readonly db: Db,
    readonly commune: string,
    private readonly actor: Actor | null = null,
    private readonly clock: () => Date = () => new Date(),
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {}

  /** Every hamlet of the commune (retired ones too), in Vietnamese alphabetical order. */
  async list(): Promise<Hamlet[]> {
    const prefix = `hamlet:${this.commune}:`;
    const res = await this.db.allDocs({
      startkey: prefix,
      endkey: `${prefix}\uffff`,
      include_docs: true,
    });
    return readRows(hamletSchema, res.rows, this.unreadable).sort((a, b) =>
      viCollator.compare(a.name, b.name),
    );
  }

  /**
   * Adds a hamlet. "Đồng Tâm" when "Thôn Đồng Tâm" is listed is the same hamlet: refused with
   * HamletExists (a retired one comes back instead).
   */
  async add(name: string): Promise<Hamlet> {
    if (!isHamletName(name)) throw nameProblem({ code: 'required' });
    const existing = await this.get(hamletId(this.commune, name));
    if (existing && !existing.retired) throw new HamletExists(existing);
    if (existing) return this.save(existing, { retired: false });
    return this.write(
      null,
      parseOrThrow(hamletSchema, newHamlet(this.commune, name, this.clock())),
    );
  }

  /** Renames a hamlet; its key (and so its id) stays, so the new name must mean the same one. */
  async rename(hamlet: Hamlet, name: string): Promise<Hamlet> {
    if (!isHamletName(name)) throw nameProblem({ code: 'required' });
    const other = hamletId(this.commune, name);
    if (other !== hamlet._id) {
      const existing = await this.get(other);
      if (existing) throw new HamletExists(existing);
      // Another key is another hamlet: retire this one, add that one.
      await this.save(hamlet, { retired: true });
      return this.add(name);
    }
    return this.save(hamlet, { name: hamletName(name) });
  }

  /** Retired hamlets are no longer offered; records that name them keep the name. */
  async setRetired(hamlet: Hamlet, retired: boolean): Promise<Hamlet> {
    return this.save(hamlet, { retired });
  }

  watch(onChange: () => void): () => void {
    const prefix = `hamlet:${this.commune}:`;
    return watchIds(this.db, (id) => id.startsWith(prefix), onChange);
  }

  private async save(hamlet: Hamlet, change: Partial<Hamlet>): Promise<Hamlet> {
    const next = { ...hamlet, ...change, updatedAt: this.clock().toISOString() };
    return this.write(hamlet, parseOrThrow(hamletSchema, next));
  }

  private async write(old: Hamlet | null, doc: Hamlet): Promise<Hamlet> {
    if (this.actor) assertAllowed(this.actor, old, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }

  private async get(id: string): Promise<Hamlet | null> {
    try {
      return parseOrThrow(hamletSchema, await this.db.get(id));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }
}

const nameProblem = (problem: Problem) => new ValidationError([{ path: 'name', problem }]);
