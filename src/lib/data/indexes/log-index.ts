// The merged log's index: every field check of one local database as a LogEntry (kind, hamlet,
// author, review state, plan items, day of work, its words), kept up to date from the changes
// feed as records are saved or arrive (feed-index.ts). Filtered and searched pages are a walk
// over this index in memory, newest first, stopping once the page is full: no database read
// per keystroke, only the page's own records are read afterwards.
//
// The snapshot is split by the month of the record's id (`_local/fieldbook-index-log:2024-03`)
// plus a manifest with the sequence it is at, so a save or a day's sync rewrites one small
// chunk, not the whole index.
import { FeedIndex, indexOf } from './feed-index';
import {
  entryLine,
  lineEntry,
  logEntryOf,
  matcher,
  type LogEntry,
  type LogFilter,
} from './log-entry';
import type { Db } from '../pouch-types';
import { ChunkedSnapshot, chunkOf } from './snapshot';

// 3: entries keep the record's photo slots (thumbnails in filtered lists).
const VERSION = 3;

interface Manifest {
  version: number;
  seq: number | string;
  chunks: string[];
}

/** What the filter bar offers: the values present in the log, with how many records each. */
export interface LogFacets {
  hamlets: Map<string, number>;
  authors: Map<string, number>;
  planItems: Map<string, number>;
}

export interface LogHits {
  /** Ids of the matching records, newest first. */
  ids: string[];
  /** Their entries, in the same order. */
  entries: LogEntry[];
  /** More records match after the last one. */
  more: boolean;
}

function bump(m: Map<string, number>, key: string, by: number) {
  const n = (m.get(key) ?? 0) + by;
  if (n > 0) m.set(key, n);
  else m.delete(key);
}

/** First position in `order` whose id is not below `id`. */
function lowerBound(order: readonly LogEntry[], id: string): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LogIndex extends FeedIndex {
  private readonly entries = new Map<string, LogEntry>();
  /** Every entry by id, oldest first (ids sort by time): pages walk it from the end. */
  private order: LogEntry[] = [];
  private readonly facetMaps: LogFacets = {
    hamlets: new Map(),
    authors: new Map(),
    planItems: new Map(),
  };
  private readonly dirty = new Set<string>();
  private readonly snapshot: ChunkedSnapshot<Manifest>;

  constructor(db: Db) {
    super(db, 'log', (id) => id.startsWith('check:'));
    this.snapshot = new ChunkedSnapshot(db, '_local/fieldbook-index-log');
  }

  /** The first `limit` records matching `filter`, newest first, after the id `after`. */
  async find(filter: LogFilter, limit: number, after: string | null = null): Promise<LogHits> {
    await this.catchUp();
    const m = matcher(filter);
    const entries: LogEntry[] = [];
    const start = after === null ? this.order.length : lowerBound(this.order, after);
    for (let i = start - 1; i >= 0; i--) {
      const e = this.order[i];
      if (!m.test(e)) continue;
      if (entries.length === limit) return { ids: entries.map((x) => x.id), entries, more: true };
      entries.push(e);
    }
    return { ids: entries.map((x) => x.id), entries, more: false };
  }

  /** How many records match `filter` (a walk over the index in memory, no database read). */
  async count(filter: LogFilter = {}): Promise<number> {
    await this.catchUp();
    const m = matcher(filter);
    if (m.all) return this.order.length;
    let n = 0;
    for (const e of this.order) if (m.test(e)) n++;
    return n;
  }

  /** The entries matching `filter`, newest first (for summaries: a dashboard, a report). */
  async matching(filter: LogFilter = {}): Promise<LogEntry[]> {
    await this.catchUp();
    const m = matcher(filter);
    const out: LogEntry[] = [];
    for (let i = this.order.length - 1; i >= 0; i--)
      if (m.test(this.order[i])) out.push(this.order[i]);
    return out;
  }

  async facets(): Promise<LogFacets> {
    await this.catchUp();
    return this.facetMaps;
  }

  protected apply(id: string, doc: Record<string, unknown> | null): boolean {
    const entry = doc ? logEntryOf(id, doc) : null;
    const old = this.entries.get(id);
    if (!old && !entry) return false;
    if (old && entry && entryLine(old) === entryLine(entry)) return false;
    if (old) this.tally(old, -1);
    const at = lowerBound(this.order, id);
    if (entry) {
      this.entries.set(id, entry);
      this.tally(entry, 1);
      if (old) this.order[at] = entry;
      else this.order.splice(at, 0, entry);
    } else {
      this.entries.delete(id);
      this.order.splice(at, 1);
    }
    this.dirty.add(chunkOf(id));
    return true;
  }

  private tally(e: LogEntry, by: number) {
    bump(this.facetMaps.hamlets, e.hamlet, by);
    bump(this.facetMaps.authors, e.author, by);
    for (const c of e.planItems) bump(this.facetMaps.planItems, c, by);
  }

  protected async restore(): Promise<void> {
    let manifest: Manifest | null = null;
    let chunks: Map<string, string> | null | 'newer' = 'newer';
    // Another tab writing between the two reads: read its newer manifest (a few tries).
    for (let attempt = 0; chunks === 'newer' && attempt < 3; attempt++) {
      manifest = await this.snapshot.manifest();
      this.persisted = !!manifest;
      if (!manifest || manifest.version !== VERSION) return;
      chunks = await this.snapshot.chunks(manifest.chunks, manifest.seq);
    }
    if (!manifest || !chunks || chunks === 'newer') return; // rebuilt from the changes feed
    const order: LogEntry[] = [];
    for (const key of manifest.chunks)
      for (const line of chunks.get(key)!.split('\n')) {
        const e = line ? lineEntry(line) : null;
        if (e) order.push(e);
      }
    // Chunks are months in order and lines ids in order; sort only if that ever fails.
    for (let i = 1; i < order.length; i++)
      if (order[i - 1].id >= order[i].id) {
        order.sort((a, b) => (a.id < b.id ? -1 : 1));
        break;
      }
    this.order = order;
    for (const e of order) {
      this.entries.set(e.id, e);
      this.tally(e, 1);
    }
    this.seq = manifest.seq;
  }

  protected async save(): Promise<void> {
    const keys = [...this.dirty];
    this.dirty.clear();
    const byChunk = new Map<string, string[]>(keys.map((k) => [k, []]));
    const all = new Set<string>();
    for (const e of this.order) {
      const key = chunkOf(e.id);
      all.add(key);
      byChunk.get(key)?.push(entryLine(e));
    }
    const chunks = new Map([...byChunk].map(([k, lines]) => [k, lines.join('\n')]));
    try {
      await this.snapshot.write(
        { version: VERSION, seq: this.seq, chunks: [...all].sort() },
        chunks,
      );
    } catch (err) {
      keys.forEach((k) => this.dirty.add(k)); // written next time
      throw err;
    }
  }
}

/** The log index of a database, shared by every screen and repository that uses it. */
export const logIndexOf = (db: Db): LogIndex => indexOf(db, 'log', () => new LogIndex(db));
