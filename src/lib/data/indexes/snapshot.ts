// An index's snapshot in `_local/` documents (never replicated, never in the changes feed): a
// manifest (the sequence it is at, what it knows in brief, the list of chunks) and chunks of
// text, one per month of the records' ids, so that a save or a day's sync rewrites one small
// chunk, never the whole index. Manifest and changed chunks are written in one transaction, so
// they always agree.
import { isNotFound, type Db } from '../pouch-types';

/** `check:2024-03-05T…` → `2024-03`: the chunk a record's line lives in. */
export const chunkOf = (id: string) =>
  /^[a-z]+:\d{4}-\d{2}/.test(id) ? id.slice(id.indexOf(':') + 1, id.indexOf(':') + 8) : 'other';

export interface ManifestBase {
  seq: number | string;
  chunks: string[];
}

/** A local sequence as a number (IndexedDB's are numbers; a string starts with one). */
const seqNumber = (seq: number | string) =>
  typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0;

const isConflict = (r: unknown) =>
  (r as { status?: number }).status === 409 || (r as { name?: string }).name === 'conflict';

type LocalDoc = { _id: string; _rev?: string } & Record<string, unknown>;

export class ChunkedSnapshot<M extends ManifestBase> {
  private readonly revs = new Map<string, string>();

  constructor(
    private readonly db: Db,
    /** `_local/fieldbook-index-<name>` */
    private readonly id: string,
  ) {}

  private chunkId(key: string) {
    return `${this.id}:${key}`;
  }

  async manifest(): Promise<M | null> {
    try {
      const doc = (await this.db.get(this.id)) as unknown as M & { _rev: string };
      this.revs.set(this.id, doc._rev);
      return doc;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /**
   * The text of the chunks `keys` of the manifest read at sequence `seq`: null when one is
   * missing, 'newer' when one was written after that manifest (another tab of this phone kept
   * the index meanwhile: its lines may already hold changes the manifest's totals do not).
   */
  async chunks(
    keys: readonly string[],
    seq: number | string,
  ): Promise<Map<string, string> | null | 'newer'> {
    const docs = await Promise.all(
      keys.map((key) =>
        this.db.get(this.chunkId(key)).then(
          (d) =>
            d as unknown as { _id: string; _rev: string; lines: string; seq?: number | string },
          () => null,
        ),
      ),
    );
    if (docs.some((d) => d && d.seq !== undefined && seqNumber(d.seq) > seqNumber(seq)))
      return 'newer';
    const out = new Map<string, string>();
    for (const [i, d] of docs.entries()) {
      if (!d) return null;
      this.revs.set(d._id, d._rev);
      out.set(keys[i], d.lines);
    }
    return out;
  }

  /** Writes the manifest and the given chunks in one transaction. */
  async write(manifest: M, chunks: ReadonlyMap<string, string>): Promise<void> {
    // Each chunk says at which sequence it was written (see `chunks`).
    let docs: LocalDoc[] = [...chunks].map(([key, lines]) => ({
      _id: this.chunkId(key),
      lines,
      seq: manifest.seq,
    }));
    docs.push({ ...(manifest as unknown as Record<string, unknown>), _id: this.id });
    // Chunks never read on this page (a count index reads its chunks only when it must) may
    // exist already: learn their revisions first, so the one write does not conflict.
    await Promise.all(
      docs
        .filter((d) => !this.revs.has(d._id))
        .map((d) =>
          this.db.get(d._id).then(
            (found) => this.revs.set(d._id, found._rev),
            () => undefined,
          ),
        ),
    );
    // Over whatever revisions are there: another tab of this phone may have written meanwhile.
    for (let attempt = 0; ; attempt++) {
      const res = await this.db.bulkDocs(
        docs.map(({ _rev, ...d }) => {
          void _rev;
          const rev = this.revs.get(d._id);
          return rev ? { ...d, _rev: rev } : d;
        }),
      );
      const conflicts: string[] = [];
      res.forEach((r, i) => {
        if ('rev' in r && r.rev) this.revs.set(docs[i]._id, r.rev);
        // IndexedDB's adapter answers a `_local` conflict with only { name: 'conflict' }.
        else if (isConflict(r)) conflicts.push(docs[i]._id);
        else throw r;
      });
      if (!conflicts.length) return;
      if (attempt > 0) throw new Error(`index snapshot: ${conflicts.length} conflicts`);
      for (const id of conflicts) {
        const current = await this.db.get(id).catch(() => null);
        if (current) this.revs.set(id, current._rev);
        else this.revs.delete(id);
      }
      docs = docs.filter((d) => conflicts.includes(d._id));
    }
  }
}
