// A count index: every relevant document contributes one entry (a string key, or nothing), and
// the index keeps how many documents give each entry, updated incrementally from the changes
// feed (see feed-index.ts). It remembers each document's entry, which is how an edit, a
// deletion or a conflict whose winner changes takes back what the document counted for before.
//
// Its snapshot (snapshot.ts) is a manifest holding the totals (a handful of entries, all a
// screen needs) and the entry of every document in chunks by month. A start reads only the
// manifest; the chunks are read when a change must be applied or a screen asks which documents
// give an entry, so opening the app with nothing new reads a few bytes, and a save rewrites
// one month's chunk.
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

/** The snapshot's layout; an older layout is simply rebuilt. */
const FORMAT = 3;

interface Manifest {
  format: number;
  version: number;
  seq: number | string;
  chunks: string[];
  totals: Record<string, number>;
}

export class CountIndex extends FeedIndex {
  private readonly entries = new Map<string, string>();
  /** Bumped whenever the entries change (taken in, read from the snapshot, started again). */
  revision = 0;
  private readonly totals = new Map<string, number>();
  /** The manifest read at start whose chunks are still unread. */
  private unread: Manifest | null = null;
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
    if (await this.prepare()) await this.catchUp();
    return this.entries;
  }

  /** The entry of one document (null: it gives none), caught up with the database. */
  async entryFor(id: string): Promise<string | null> {
    await this.catchUp();
    if (await this.prepare()) await this.catchUp();
    return this.entries.get(id) ?? null;
  }

  private totalKey(entry: string): string {
    return this.spec.totalOf ? this.spec.totalOf(entry) : entry;
  }

  protected async restore(): Promise<void> {
    const m = await this.snapshot.manifest();
    this.persisted = !!m;
    if (!m || m.format !== FORMAT || m.version !== this.spec.version) return;
    this.seq = m.seq;
    for (const [entry, n] of Object.entries(m.totals)) this.totals.set(entry, n);
    if (m.chunks.length) this.unread = m;
  }

  /** Reads the chunks if still unread; starts from nothing if one is missing. */
  protected async prepare(): Promise<boolean> {
    const m = this.unread;
    if (!m) return false;
    this.unread = null;
    const chunks = await this.snapshot.chunks(m);
    this.revision += 1;
    if (!chunks) {
      this.totals.clear();
      this.entries.clear();
      this.seq = 0;
      return true;
    }
    for (const text of chunks.values())
      for (const line of text.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) this.entries.set(line.slice(0, tab), line.slice(tab + 1));
      }
    return false;
  }

  protected apply(id: string, doc: Record<string, unknown> | null): boolean {
    const entry = doc ? this.spec.entryOf(doc) : null;
    const old = this.entries.get(id) ?? null;
    if (old === entry) return false;
    if (old !== null) {
      const key = this.totalKey(old);
      const n = (this.totals.get(key) ?? 1) - 1;
      if (n > 0) this.totals.set(key, n);
      else this.totals.delete(key);
      this.entries.delete(id);
    }
    if (entry !== null) {
      const key = this.totalKey(entry);
      this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
      this.entries.set(id, entry);
    }
    this.dirty.add(chunkOf(id));
    this.revision += 1;
    return true;
  }

  protected async save(): Promise<void> {
    if (await this.prepare()) await this.catchUp();
    const keys = [...this.dirty];
    this.dirty.clear();
    const byChunk = new Map<string, string[]>(keys.map((k) => [k, []]));
    const all = new Set<string>();
    for (const [id, entry] of this.entries) {
      const key = chunkOf(id);
      all.add(key);
      byChunk.get(key)?.push(`${id}\t${entry}`);
    }
    const manifest: Manifest = {
      format: FORMAT,
      version: this.spec.version,
      seq: this.seq,
      chunks: [...all].sort(),
      totals: Object.fromEntries(this.totals),
    };
    try {
      await this.snapshot.write(
        manifest,
        new Map([...byChunk].map(([k, lines]) => [k, lines.join('\n')])),
      );
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
