// A count index: every relevant document contributes one entry (a string key, or nothing), and
// the index keeps how many documents give each entry, updated incrementally from the changes
// feed (see feed-index.ts). It remembers each document's entry, which is how an edit, a
// deletion or a conflict whose winner changes takes back what the document counted for before.
//
// Its snapshot is two `_local/` documents at the same sequence: the totals (a handful of
// entries, all a screen needs) and the entry of every document (large: 50,000 ids is ~2.5 MB).
// A start reads only the totals; the ids are read when a change must be applied or a screen
// asks which documents give an entry, so opening the app with nothing new reads a few bytes.
import { FeedIndex, indexOf } from './feed-index';
import { isNotFound, type Db } from '../pouch-types';

export interface CountIndexSpec {
  /** Names the snapshot; bump `version` whenever `entryOf` changes meaning. */
  name: string;
  version: number;
  relevant(id: string): boolean;
  /** The entry of the winning revision of a document; null when it counts for nothing. */
  entryOf(doc: Record<string, unknown>): string | null;
}

/** The snapshot's layout; the older one-document snapshot is simply rebuilt. */
const FORMAT = 2;

interface TotalsDoc {
  _id: string;
  _rev?: string;
  format: number;
  version: number;
  seq: number | string;
  totals: Record<string, number>;
}

interface IdsDoc {
  _id: string;
  _rev?: string;
  seq: number | string;
  /** Document ids by entry, joined by newlines (compact to store and to read). */
  groups: Record<string, string>;
}

export class CountIndex extends FeedIndex {
  private readonly entries = new Map<string, string>();
  private readonly totals = new Map<string, number>();
  /** The ids snapshot still to read, at the sequence of the totals read at start. */
  private idsPending: { seq: number | string } | null = null;
  private readonly revs = new Map<string, string>();

  constructor(
    db: Db,
    private readonly spec: CountIndexSpec,
  ) {
    super(db, spec.name, spec.relevant);
  }

  private get totalsId() {
    return `_local/fieldbook-index-${this.spec.name}`;
  }

  private get idsId() {
    return `${this.totalsId}:ids`;
  }

  /** How many documents give each entry, caught up with the database. */
  async totalsNow(): Promise<ReadonlyMap<string, number>> {
    await this.catchUp();
    return this.totals;
  }

  /** Ids of the documents whose entry passes `keep`, caught up with the database. */
  async idsWhere(keep: (entry: string) => boolean): Promise<string[]> {
    await this.catchUp();
    if (await this.prepare()) await this.catchUp();
    const out: string[] = [];
    for (const [id, entry] of this.entries) if (keep(entry)) out.push(id);
    return out;
  }

  private async read<T>(id: string): Promise<T | null> {
    try {
      const doc = (await this.db.get(id)) as unknown as T & { _rev: string };
      this.revs.set(id, doc._rev);
      return doc;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  protected async restore(): Promise<void> {
    const snap = await this.read<TotalsDoc>(this.totalsId);
    this.persisted = !!snap;
    if (!snap || snap.format !== FORMAT || snap.version !== this.spec.version) return;
    this.seq = snap.seq;
    for (const [entry, n] of Object.entries(snap.totals)) this.totals.set(entry, n);
    if (this.totals.size) this.idsPending = { seq: snap.seq };
  }

  /** Reads the ids snapshot if still unread; starts from nothing if it does not match. */
  protected async prepare(): Promise<boolean> {
    const pending = this.idsPending;
    if (!pending) return false;
    this.idsPending = null;
    const ids = await this.read<IdsDoc>(this.idsId);
    if (!ids || ids.seq !== pending.seq) {
      // Written apart from the totals (a crash between the two): rebuild.
      this.totals.clear();
      this.entries.clear();
      this.seq = 0;
      return true;
    }
    for (const [entry, list] of Object.entries(ids.groups))
      if (list) for (const id of list.split('\n')) this.entries.set(id, entry);
    return false;
  }

  protected apply(id: string, doc: Record<string, unknown> | null): boolean {
    const entry = doc ? this.spec.entryOf(doc) : null;
    const old = this.entries.get(id) ?? null;
    if (old === entry) return false;
    if (old !== null) {
      const n = (this.totals.get(old) ?? 1) - 1;
      if (n > 0) this.totals.set(old, n);
      else this.totals.delete(old);
      this.entries.delete(id);
    }
    if (entry !== null) {
      this.totals.set(entry, (this.totals.get(entry) ?? 0) + 1);
      this.entries.set(id, entry);
    }
    return true;
  }

  protected async save(): Promise<void> {
    if (await this.prepare()) await this.catchUp();
    const groups: Record<string, string[]> = {};
    for (const [id, entry] of this.entries) (groups[entry] ??= []).push(id);
    const seq = this.seq;
    // The ids first: totals without their ids would be trusted on the next start.
    await this.put<IdsDoc>({
      _id: this.idsId,
      seq,
      groups: Object.fromEntries(Object.entries(groups).map(([e, ids]) => [e, ids.join('\n')])),
    });
    await this.put<TotalsDoc>({
      _id: this.totalsId,
      format: FORMAT,
      version: this.spec.version,
      seq,
      totals: Object.fromEntries(this.totals),
    });
  }

  /** Puts a `_local` document over whatever revision is there (another tab may have written). */
  private async put<T extends { _id: string; _rev?: string }>(doc: T): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const rev = this.revs.get(doc._id);
        const res = await this.db.put(rev ? { ...doc, _rev: rev } : doc);
        this.revs.set(doc._id, res.rev);
        return;
      } catch (err) {
        if ((err as { status?: number }).status !== 409 || attempt > 0) throw err;
        const current = await this.db.get(doc._id).catch(() => null);
        if (current) this.revs.set(doc._id, current._rev);
        else this.revs.delete(doc._id);
      }
    }
  }
}

/** One index of a kind per database, shared by every screen and repository that uses it. */
export function countIndexOf(db: Db, spec: CountIndexSpec): CountIndex {
  return indexOf(db, spec.name, () => new CountIndex(db, spec));
}
