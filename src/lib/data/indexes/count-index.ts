// A count index kept on the device and updated incrementally: every relevant document
// contributes one entry (a string key, or nothing), and the index keeps how many documents
// give each entry. It follows the local changes feed from the last sequence it has seen, so
// after a save or a replicated batch it reads only what changed, never every record again.
//
// What it knows is kept in a `_local/` document of the same database: local documents are
// never replicated and never appear in the changes feed, so the index stays on this device.
// It remembers each document's entry, which is how an edit, a deletion or a conflict whose
// winner changes takes back what the document counted for before. A missing or outdated
// snapshot only costs one full pass of the changes feed.
import { watchIds } from '../db-watch';
import { isNotFound, type Db } from '../pouch-types';

export interface CountIndexSpec {
  /** Names the snapshot; bump `version` whenever `entryOf` changes meaning. */
  name: string;
  version: number;
  relevant(id: string): boolean;
  /** The entry of the winning revision of a document; null when it counts for nothing. */
  entryOf(doc: Record<string, unknown>): string | null;
}

interface Snapshot {
  _id: string;
  _rev?: string;
  version: number;
  seq: number | string;
  /** Document ids by entry, joined by newlines (compact to store and to read). */
  groups: Record<string, string>;
}

const BATCH = 500;
/** Writing the snapshot waits for a quiet moment: never on a person's path. */
const PERSIST_DELAY_MS = 3_000;
/** A burst of changes (a replication batch after another) tells listeners at most this often. */
const NOTIFY_INTERVAL_MS = 300;
/** Entries changed in one catch-up beyond which the snapshot is written at once. */
const BIG_CATCH_UP = 500;

export class CountIndex {
  private seq: number | string = 0;
  private readonly entries = new Map<string, string>();
  private readonly totals = new Map<string, number>();
  private loaded: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private rev: string | undefined;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private lastNotify = 0;
  private readonly listeners = new Set<() => void>();
  private stopWatch: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly spec: CountIndexSpec,
  ) {}

  private get snapshotId() {
    return `_local/fieldbook-index-${this.spec.name}`;
  }

  /** How many documents give each entry, caught up with the database. */
  async totalsNow(): Promise<ReadonlyMap<string, number>> {
    await this.catchUp();
    return this.totals;
  }

  /** Ids of the documents whose entry passes `keep`, caught up with the database. */
  async idsWhere(keep: (entry: string) => boolean): Promise<string[]> {
    await this.catchUp();
    const out: string[] = [];
    for (const [id, entry] of this.entries) if (keep(entry)) out.push(id);
    return out;
  }

  /**
   * Calls back after the index has taken in new changes (own saves, replicated batches); a
   * burst of changes calls back once per catch-up, at most every NOTIFY_INTERVAL_MS.
   */
  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    // Watch before catching up: nothing written in between can be missed.
    this.stopWatch ??= watchIds(this.db, this.spec.relevant, () => void this.catchUp());
    void this.catchUp();
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0) {
        this.stopWatch?.();
        this.stopWatch = null;
      }
    };
  }

  /** Reads what changed since the last catch-up; one catch-up at a time. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        await (this.loaded ??= this.load());
        let changed = 0;
        do {
          this.again = false;
          changed += await this.readChanges();
        } while (this.again);
        if (changed) {
          // A big catch-up (the first one on this device, a large sync) is kept at once, so
          // that the next start need not repeat it; small ones wait for a quiet moment.
          this.schedulePersist(changed >= BIG_CATCH_UP || !this.rev ? 0 : PERSIST_DELAY_MS);
          this.notify();
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async load(): Promise<void> {
    let snap: Snapshot | null = null;
    try {
      snap = (await this.db.get(this.snapshotId)) as unknown as Snapshot;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    this.rev = snap?._rev;
    if (!snap || snap.version !== this.spec.version) return;
    this.seq = snap.seq;
    for (const [entry, ids] of Object.entries(snap.groups)) {
      if (!ids) continue;
      const list = ids.split('\n');
      this.totals.set(entry, list.length);
      for (const id of list) this.entries.set(id, entry);
    }
  }

  /** Applies every change since `seq`; returns how many entries changed. */
  private async readChanges(): Promise<number> {
    let changed = 0;
    for (;;) {
      const res = await this.db.changes({
        since: this.seq,
        limit: BATCH,
        include_docs: true,
        return_docs: true,
      });
      for (const row of res.results) {
        if (!this.spec.relevant(row.id)) continue;
        const doc = row.deleted ? null : (row.doc as Record<string, unknown> | undefined);
        if (this.apply(row.id, doc ? this.spec.entryOf(doc) : null)) changed += 1;
      }
      this.seq = res.last_seq;
      if (res.results.length < BATCH) return changed;
    }
  }

  private apply(id: string, entry: string | null): boolean {
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

  private notify() {
    if (this.notifyTimer) return;
    const wait = Math.max(0, this.lastNotify + NOTIFY_INTERVAL_MS - Date.now());
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      this.lastNotify = Date.now();
      this.listeners.forEach((l) => l());
    }, wait);
  }

  private schedulePersist(delayMs = PERSIST_DELAY_MS) {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persist().catch(() => undefined); // a closed database: rebuilt next time
    }, delayMs);
  }

  /** Writes the snapshot now (tests; otherwise after a quiet moment). */
  async persist(): Promise<void> {
    await this.catchUp();
    const groups: Record<string, string[]> = {};
    for (const [id, entry] of this.entries) (groups[entry] ??= []).push(id);
    const snap: Snapshot = {
      _id: this.snapshotId,
      _rev: this.rev,
      version: this.spec.version,
      seq: this.seq,
      groups: Object.fromEntries(Object.entries(groups).map(([e, ids]) => [e, ids.join('\n')])),
    };
    try {
      this.rev = (await this.db.put(snap)).rev;
    } catch (err) {
      // Another tab wrote it meanwhile: take its revision, write ours next time.
      if ((err as { status?: number }).status !== 409) throw err;
      this.rev = ((await this.db.get(this.snapshotId)) as { _rev: string })._rev;
      this.schedulePersist();
    }
  }
}

const registry = new WeakMap<Db, Map<string, CountIndex>>();

/** One index of a kind per database, shared by every screen and repository that uses it. */
export function countIndexOf(db: Db, spec: CountIndexSpec): CountIndex {
  let byName = registry.get(db);
  if (!byName) registry.set(db, (byName = new Map()));
  let index = byName.get(spec.name);
  if (!index) byName.set(spec.name, (index = new CountIndex(db, spec)));
  return index;
}
