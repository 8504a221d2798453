// A count index: every relevant document contributes one entry (a string key, or nothing), and
// the index keeps how many documents give each entry, updated incrementally from the changes
// feed (see feed-index.ts). It remembers each document's entry, which is how an edit, a
// deletion or a conflict whose winner changes takes back what the document counted for before.
//
// Its snapshot (snapshot.ts) is a manifest holding the totals (a handful of entries, all a
// screen needs) and the entry of every document in chunks by month. A start reads only the
// manifest; a chunk is read when a change to one of its documents must be applied (a save
// reads and rewrites one month's chunk), all of them only when a screen asks which documents
// give an entry, so opening the app with nothing new reads a few bytes.
import { FeedIndex, indexOf } from './feed-index';
import { ChunkedSnapshot, chunkOf } from './snapshot';
import type { Db } from '../pouch-types';

export interface CountIndexSpec {
  /** Names the snapshot; bump `version` whenever `entryOf` changes meaning. */
  name: string;
  version: number;
  relevant(id: string): boolean;
  /** The entry of the winning revision of a document; null when it counts for nothing. */
  entryOf(doc: Record<string, unknown>): string | null;
  /**
   * What an entry is counted under in the totals (default: the entry itself). An index whose
   * entries are one per document (a revision, a record id) counts them under a few keys, so the
   * totals a start reads stay a handful of numbers however many documents there are.
   */
  totalOf?(entry: string): string;
}

/** The snapshot's layout; an older layout is simply rebuilt. 4: chunks carry their sequence. */
const FORMAT = 4;

interface Manifest {
  format: number;
  version: number;
  seq: number | string;
  chunks: string[];
  totals: Record<string, number>;
}

export class CountIndex extends FeedIndex {
  private readonly entries = new Map<string, string>();
  /** The ids that give an entry, by the chunk (month) their line is kept in. */
  private readonly members = new Map<string, Set<string>>();
  /** Bumped whenever the entries change (taken in, read from the snapshot, started again). */
  revision = 0;
  private readonly totals = new Map<string, number>();
  /** Chunks of the snapshot read at start whose lines are still unread. */
  private readonly unread = new Set<string>();
  /** The sequence of the manifest those unread chunks belong to. */
  private restoredSeq: number | string = 0;
  private readonly dirty = new Set<string>();
  private readonly snapshot: ChunkedSnapshot<Manifest>;

  constructor(
    db: Db,
    private readonly spec: CountIndexSpec,
  ) {
    super(db, spec.name, spec.relevant);
    this.snapshot = new ChunkedSnapshot(db, `_local/fieldbook-index-${spec.name}`);
  }

  /** How many documents give each entry (or its `totalOf` key), caught up with the database. */
  async totalsNow(): Promise<ReadonlyMap<string, number>> {
    await this.catchUp();
    return this.totals;
  }

  /**
   * The totals as far as the index has taken in the changes: as `entriesSoFar`, no wait for a
   * catch-up when the index follows the database (its listeners hear of what it takes in).
   */
  async totalsSoFar(): Promise<ReadonlyMap<string, number>> {
    return (await this.answersNow()) ? this.totals : this.totalsNow();
  }

  /** Ids of the documents whose entry passes `keep`, caught up with the database. */
  async idsWhere(keep: (entry: string) => boolean): Promise<string[]> {
    return (await this.entriesWhere(keep)).map(([id]) => id);
  }

  /** `[id, entry]` of the documents whose entry passes `keep`, caught up with the database. */
  async entriesWhere(keep: (entry: string) => boolean): Promise<[string, string][]> {
    const out: [string, string][] = [];
    for (const [id, entry] of await this.entriesNow()) if (keep(entry)) out.push([id, entry]);
    return out;
  }

  /**
   * Every document's entry, caught up with the database (read-only). With `revision`, a caller
   * can keep what it worked out from them until they change.
   */
  async entriesNow(): Promise<ReadonlyMap<string, string>> {
    await this.catchUp();
    while (await this.readChunks([...this.unread])) await this.catchUp();
    return this.entries;
  }

  /**
   * Every document's entry as far as the index has taken in the changes (read-only). An index
   * that follows the database (someone subscribed) does not wait for a catch-up: a burst of
   * records arriving is taken in at its own pace and its listeners hear of it. An index with
   * nothing kept yet, or one that had to start again, catches up first, as `entriesNow`.
   */
  async entriesSoFar(): Promise<ReadonlyMap<string, string>> {
    if (!(await this.answersNow()) || (await this.readChunks([...this.unread])))
      return this.entriesNow();
    return this.entries;
  }

  /** The entry of one document (null: it gives none), caught up with the database. */
  async entryFor(id: string): Promise<string | null> {
    await this.catchUp();
    while (await this.prepare([id])) await this.catchUp();
    return this.entries.get(id) ?? null;
  }

  private totalKey(entry: string): string {
    return this.spec.totalOf ? this.spec.totalOf(entry) : entry;
  }

  protected async restore(): Promise<void> {
    const m = await this.snapshot.manifest();
    this.persisted = !!m;
    if (!m || m.format !== FORMAT || m.version !== this.spec.version) return;
    this.seq = this.restoredSeq = m.seq;
    for (const [entry, n] of Object.entries(m.totals)) this.totals.set(entry, n);
    m.chunks.forEach((key) => this.unread.add(key));
  }

  private forget() {
    this.restarts += 1;
    this.totals.clear();
    this.entries.clear();
    this.members.clear();
    this.unread.clear();
    this.dirty.clear();
    this.seq = 0;
  }

  /** Reads the chunks the documents `ids` live in (a save reads one month, not the index). */
  protected prepare(ids: readonly string[]): Promise<boolean> {
    return this.readChunks([...new Set(ids.map(chunkOf))]);
  }

  /**
   * Reads the chunks among `keys` still unread. True when the index had to start again: from
   * nothing if one is missing, from the newer snapshot if another tab wrote one meanwhile.
   */
  private async readChunks(keys: readonly string[]): Promise<boolean> {
    const wanted = keys.filter((k) => this.unread.has(k));
    if (!wanted.length) return false;
    const restoredSeq = this.restoredSeq;
    const chunks = await this.snapshot.chunks(wanted, restoredSeq);
    if (restoredSeq !== this.restoredSeq || !this.unread.has(wanted[0])) {
      // Started again meanwhile (another caller's read): ask again from there.
      return wanted.some((k) => this.unread.has(k)) ? this.readChunks(keys) : false;
    }
    this.revision += 1;
    if (chunks === null || chunks === 'newer') {
      this.forget();
      if (chunks === 'newer') await this.restore();
      return true;
    }
    for (const [key, text] of chunks) {
      // Read by another caller meanwhile: its lines are in, and may have changed since.
      if (!this.unread.delete(key)) continue;
      for (const line of text.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) this.add(line.slice(0, tab), line.slice(tab + 1));
      }
    }
    return false;
  }

  private add(id: string, entry: string) {
    this.entries.set(id, entry);
    const key = chunkOf(id);
    let ids = this.members.get(key);
    if (!ids) this.members.set(key, (ids = new Set()));
    ids.add(id);
  }

  protected apply(id: string, doc: Record<string, unknown> | null): boolean {
    const entry = doc ? this.spec.entryOf(doc) : null;
    const old = this.entries.get(id) ?? null;
    if (old === entry) return false;
    const chunk = chunkOf(id);
    if (old !== null) {
      const key = this.totalKey(old);
      const n = (this.totals.get(key) ?? 1) - 1;
      if (n > 0) this.totals.set(key, n);
      else this.totals.delete(key);
      this.entries.delete(id);
      const ids = this.members.get(chunk);
      ids?.delete(id);
      if (ids?.size === 0) this.members.delete(chunk);
    }
    if (entry !== null) {
      const key = this.totalKey(entry);
      this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
      this.add(id, entry);
    }
    this.dirty.add(chunk);
    this.revision += 1;
    return true;
  }

  protected async save(): Promise<void> {
    // A changed chunk was always read before its change was taken in (`prepare`), so every
    // chunk written here is whole.
    const keys = [...this.dirty];
    this.dirty.clear();
    const chunks = new Map<string, string>();
    for (const key of keys) {
      const lines: string[] = [];
      for (const id of this.members.get(key) ?? []) lines.push(`${id}\t${this.entries.get(id)}`);
      chunks.set(key, lines.join('\n'));
    }
    const manifest: Manifest = {
      format: FORMAT,
      version: this.spec.version,
      seq: this.seq,
      chunks: [...new Set([...this.members.keys(), ...this.unread])].sort(),
      totals: Object.fromEntries(this.totals),
    };
    try {
      await this.snapshot.write(manifest, chunks);
    } catch (err) {
      keys.forEach((k) => this.dirty.add(k)); // written next time
      throw err;
    }
  }
}

/** One index of a kind per database, shared by every screen and repository that uses it. */
export function countIndexOf(db: Db, spec: CountIndexSpec): CountIndex {
  return indexOf(db, spec.name, () => new CountIndex(db, spec));
}
