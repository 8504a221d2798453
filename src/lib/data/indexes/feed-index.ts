// What every index kept on the device shares: it follows the database's local changes feed
// from the last sequence it has seen, so after a save or a replicated batch it reads only what
// changed, never every record again (once caught up, it takes the changed documents from the
// app's one live feed, ../db-watch.ts, and reads nothing); it tells its listeners once per
// burst; and it keeps a snapshot of itself in `_local/` documents (never replicated, never in
// the changes feed) so a restart reads the snapshot and the changes since, not every record.
// A missing or outdated snapshot only costs one full pass of the changes feed. Subclasses say
// what a document contributes (`apply`) and how the snapshot is stored (`restore`, `save`).
import {
  FIRST_PULL_PACE_MS,
  followChanges,
  POURING_PACE_MS,
  type ChangeRow,
  type FeedFollower,
  type Release,
} from '../db-watch';
import { span } from '../perf';
import { seqAfter, type Db } from '../pouch-types';
import { changesAfter, type ChangesBatch } from './shared-changes';

/** Changes read a round trip: fewer, larger reads cost less on IndexedDB. */
const BATCH = 1000;
/** Writing the snapshot waits for a quiet moment: never on a person's path. */
const PERSIST_DELAY_MS = 3_000;
/** A burst of changes (a replication batch after another) tells listeners at most this often. */
const NOTIFY_INTERVAL_MS = 300;
/**
 * …and while records pour in (POURING_PACE_MS): each call makes the screens that follow the
 * index read it again, and a screen's read catches the index up, which would call them back.
 */
const POURING_NOTIFY_INTERVAL_MS = POURING_PACE_MS;
/** The shortest time between two catch-ups the changes feed asks for. */
const CATCH_UP_GAP_MS = 1_000;
/**
 * …and while records pour in (the last catch-up read a big batch: a first sync), so that the
 * index and the screens that follow it read the new records in a few large reads, not one
 * every second beside the sync's own writes.
 */
const POURING_GAP_MS = POURING_PACE_MS;
/** Documents changed in one catch-up beyond which the snapshot is written soon. */
const BIG_CATCH_UP = 500;
/** The longest a snapshot stays unwritten, and the shortest time between two big writes. */
const PERSIST_MAX_WAIT_MS = 20_000;
/** …and while the live feed pours records in. */
const POURING_PERSIST_MAX_MS = 60_000;
/**
 * A long catch-up (a first start on 50,000 records: 15 s) keeps its progress after reading
 * this many changes, so that a page closed or reloaded meanwhile does not start it again.
 */
const PROGRESS_EVERY = 10_000;

export abstract class FeedIndex {
  /** The last local sequence taken in. */
  protected seq: number | string = 0;
  /** A snapshot exists (read at start, or written since). */
  protected persisted = false;
  private loaded: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** A catch-up asked to read the database (not only what the live feed told of). */
  private mustRead = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private lastNotify = 0;
  /** When the call to the listeners waiting on notifyTimer is due (Date.now()). */
  private notifyDue = 0;
  /** A call to the listeners held back by the pour's pace, due after the next catch-up. */
  private notifyOwed = false;
  /** A change not from a first pull (the person's own write) waits to be told. */
  private toldUnpulled = false;
  private lastCatchUp = 0;
  /** How many changes the last catch-up read. */
  private lastRead = 0;
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  /**
   * Bumped when the index forgets what it took in and starts again (`prepare`, or a chunk
   * read for a screen): a read of the feed begun before is then thrown away.
   */
  protected restarts = 0;
  /** Changes read in one catch-up between two writes of its progress. */
  protected progressEvery = PROGRESS_EVERY;
  private follower: FeedFollower | null = null;
  /**
   * The value of `restarts` when the index joined the live feed: it had taken in every change
   * up to where the feed was, so from then on it takes the changed documents the feed carries
   * instead of reading them again. A restart (null, or a smaller value) leaves the feed.
   */
  private joinedAt: number | null = null;
  /** Changes of this index's documents the feed told of since the last catch-up. */
  private arrived: ChangeRow[] = [];
  /** The sequence of the last change the feed told of while joined, and how many since. */
  private heardUpTo: number | string = 0;
  private heard = 0;
  /**
   * A read of the changes feed begun before this (performance.now()) may miss what the index
   * must take in: before it watched the database (Infinity: not watching), or before the latest
   * change it was told of. Only a read begun later is shared with other indexes.
   */
  private freshAfter = Infinity;

  constructor(
    protected readonly db: Db,
    /** Names the snapshot and the performance marks. */
    readonly name: string,
    private readonly relevant: (id: string) => boolean,
  ) {}

  /** Reads the snapshot (setting `seq`); leaves the index empty when there is none. */
  protected abstract restore(): Promise<void>;
  /** Takes in the winning revision of a document (null: deleted); true when anything changed. */
  protected abstract apply(id: string, doc: Record<string, unknown> | null): boolean;
  /** Writes the snapshot (with `seq`). */
  protected abstract save(): Promise<void>;
  /**
   * Called before the changes of documents `ids` are applied: an index whose snapshot loads in
   * parts reads the parts those documents live in. True when the index had to start again
   * from nothing (`seq` is then 0).
   */
  protected async prepare(ids: readonly string[]): Promise<boolean> {
    void ids;
    return false;
  }

  /**
   * Calls back after the index has taken in new changes (own saves, replicated batches); a
   * burst of changes calls back once per catch-up, at most every NOTIFY_INTERVAL_MS (while
   * records pour in, POURING_NOTIFY_INTERVAL_MS; a new phone's first pull, when it ends).
   */
  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    // Watch before catching up: nothing written in between can be missed.
    if (!this.follower) {
      this.follower = followChanges(
        this.db,
        (row) => this.told(row),
        () => this.join(),
        (release) => this.released(release),
      );
      this.freshAfter = performance.now();
    }
    this.catchUpQuietly();
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0) {
        this.follower?.stop();
        this.follower = null;
        this.leaveFeed();
        this.freshAfter = Infinity;
        if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
        this.catchUpTimer = null;
      }
    };
  }

  /** The live feed told of a change. */
  private told(row: ChangeRow): void {
    const relevant = this.relevant(row.id);
    if (this.joined()) {
      if (relevant) this.arrived.push(row);
      this.heardUpTo = row.seq;
      this.heard += 1;
    }
    if (relevant) this.freshAfter = performance.now();
    if (relevant && !row.pulled) this.toldUnpulled = true;
    // Many changes, none of them this index's (the review index during a sync of records):
    // its place in the feed is still moved on, or every start would read them again.
    if (relevant || this.heard >= BIG_CATCH_UP) this.changed();
  }

  /**
   * A first pull's hold ended (../db-watch.ts, holdForPull): the pulled rows it told stand,
   * up to `confirmed`; or they stand for nothing and the index reads again from `rewindTo`.
   */
  private released(release: Release): void {
    if (!this.joined()) return; // it reads the database itself: nothing was taken on trust
    if ('confirmed' in release) {
      if (seqAfter(release.confirmed, this.heardUpTo)) this.heardUpTo = release.confirmed;
      this.heard += 1;
      // The pull has ended: the rest of what it told is taken in, and told, now.
      if (this.catchUpTimer) clearTimeout(this.catchUpTimer);
      this.catchUpTimer = null;
      if (this.notifyTimer) {
        clearTimeout(this.notifyTimer);
        this.notifyTimer = null;
        this.notifyOwed = true;
      }
      this.lastCatchUp = 0;
      this.lastNotify = 0;
      // The sync is setting its checkpoints and the screens read now: the snapshot waits.
      this.persistNotBefore = Date.now() + PERSIST_DELAY_MS;
      this.changed();
      return;
    }
    if (seqAfter(this.seq, release.rewindTo)) this.seq = release.rewindTo;
    // A read begun before this is thrown away (readChanges), and the index leaves the feed.
    this.restarts += 1;
    this.leaveFeed();
    this.catchUpQuietly();
  }

  /** Records pour in: the last catch-up read many, or the live feed tells of many (a sync). */
  private pouring(): boolean {
    return this.lastRead >= BIG_CATCH_UP || !!this.follower?.pouring();
  }

  private joined(): boolean {
    return this.joinedAt === this.restarts;
  }

  private leaveFeed(): void {
    this.joinedAt = null;
    this.arrived = [];
    this.heard = 0;
  }

  /**
   * Joins the live feed when the index has taken in every change up to where the feed is;
   * local sequences are numbers (IndexedDB, LevelDB), anything else keeps reading the feed.
   */
  private join(): void {
    if (this.joined()) return;
    const at = this.follower?.position();
    if (typeof at !== 'number' || typeof this.seq !== 'number' || this.seq < at) return;
    this.joinedAt = this.restarts;
    this.arrived = [];
    this.heardUpTo = this.seq;
    this.heard = 0;
  }

  /** What the feed told of since the last catch-up, as a batch; null when nothing. */
  private takeArrived(): (ChangesBatch & { heard: number }) | null {
    if (!this.heard) return null;
    const batch = { results: this.arrived, last_seq: this.heardUpTo, heard: this.heard };
    this.arrived = [];
    this.heard = 0;
    return batch;
  }

  /**
   * The database changed: catch up, but while records keep arriving (a sync's batches) at most
   * every CATCH_UP_GAP_MS, so that one read takes in several batches instead of each batch
   * being read again right after the sync wrote it.
   */
  private changed(): void {
    if (this.catchUpTimer) return;
    const gap = this.pouring() ? POURING_GAP_MS : CATCH_UP_GAP_MS;
    const wait = Math.max(0, this.lastCatchUp + gap - Date.now());
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = null;
      this.catchUpQuietly(true);
    }, wait);
  }

  /**
   * A catch-up nobody waits for. It fails only when the database cannot be read: closed (the
   * workspace closed, or a full disk made PouchDB close it; the workspace then opens it anew
   * with new indexes), so there is nothing to tell anyone here.
   */
  private catchUpQuietly(fromFeed = false): void {
    this.catchUp(fromFeed).catch(() => undefined);
  }

  /**
   * Takes in what changed since the last catch-up; one catch-up at a time. It reads the
   * database, unless `fromFeed` (the live feed told of changes) and the index has joined the
   * feed: then it takes what the feed told of, and reads nothing.
   */
  catchUp(fromFeed = false): Promise<void> {
    if (!fromFeed) this.mustRead = true;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        await this.ready();
        const end = span(`index:${this.name}:catchUp`);
        let changed = 0;
        let read = 0;
        try {
          do {
            this.again = false;
            const asked = this.mustRead;
            this.mustRead = false;
            // While a first pull holds the feed, the feed has told everything written.
            const mustRead = asked && !(this.joined() && (await this.follower?.toldAll()));
            const got = await this.readChanges(mustRead);
            changed += got.changed;
            read += got.read;
          } while (this.again);
        } finally {
          end();
        }
        this.lastRead = read;
        if (changed) {
          // A big catch-up (the first one on this device, a large sync) is kept at once, so
          // that the next start need not repeat it; small ones wait for a quiet moment.
          this.schedulePersist(changed >= BIG_CATCH_UP || !this.persisted);
          this.notify();
        } else if (read >= BIG_CATCH_UP || (read && !this.persisted)) {
          // Nothing of this index's among many changes (the review index during a sync of
          // records): its place in the feed is still kept, or every start would read them again.
          this.schedulePersist(true);
        }
        if (!changed && this.notifyOwed) this.notify();
      } finally {
        this.running = null;
        this.lastCatchUp = Date.now();
      }
    })();
    return this.running;
  }

  /** The snapshot read (once), nothing caught up yet. */
  private ready(): Promise<void> {
    return (this.loaded ??= this.load());
  }

  /**
   * True when a reader may use what the index holds now instead of waiting for a catch-up:
   * someone listens, so the index follows the database by itself and tells them of what it
   * takes in next, and it has taken something in (its snapshot read, or a catch-up).
   */
  protected async answersNow(): Promise<boolean> {
    if (this.listeners.size === 0) return false;
    await this.ready();
    return this.seq !== 0;
  }

  /**
   * Writes the snapshot now (tests; otherwise after a quiet moment), caught up with the
   * database, or (`fromFeed`) with what the live feed told of.
   */
  async persist(fromFeed = false): Promise<void> {
    await this.catchUp(fromFeed);
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    await this.write();
  }

  private async write(): Promise<void> {
    const end = span(`index:${this.name}:persist`);
    try {
      await this.save();
    } finally {
      end();
    }
    this.persisted = true;
  }

  /** When the snapshot first had something unwritten (null: nothing). */
  private dirtySince: number | null = null;
  private lastPersist = 0;
  /** A snapshot is not written before this (Date.now()): right after a first pull. */
  private persistNotBefore = 0;

  /**
   * Writes the snapshot after a quiet moment, or soon after a big catch-up so that a restart
   * need not repeat it; while records keep arriving (a first sync) at most every
   * PERSIST_MAX_WAIT_MS, since each write of a large snapshot competes with the sync's writes.
   */
  protected schedulePersist(urgent = false) {
    const now = Date.now();
    this.dirtySince ??= now;
    let at = urgent
      ? Math.max(now, this.lastPersist + PERSIST_MAX_WAIT_MS)
      : now + PERSIST_DELAY_MS;
    at = Math.min(at, Math.max(now, this.dirtySince + PERSIST_MAX_WAIT_MS));
    if (urgent && !this.persisted) at = now; // the first snapshot on this device
    at = Math.max(at, this.persistNotBefore);
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => this.persistUnlessPouring(), at - now);
    unsaved.add(this);
  }

  /**
   * While the live feed pours records in (a first sync), writing the snapshot competes with
   * the sync's own writes: it waits until they stop, or POURING_PERSIST_MAX_MS at most. Closing
   * the app meanwhile still writes it (`pagehide`).
   */
  private persistUnlessPouring(): void {
    const dirtyFor = Date.now() - (this.dirtySince ?? Date.now());
    if (this.follower?.pouring() && dirtyFor < POURING_PERSIST_MAX_MS) {
      this.persistTimer = setTimeout(() => this.persistUnlessPouring(), POURING_GAP_MS);
      return;
    }
    this.persistNow();
  }

  /** Writes the snapshot that was waiting for a quiet moment, now. */
  persistNow(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    unsaved.delete(this);
    this.dirtySince = null;
    this.lastPersist = Date.now();
    void this.persist(true).catch(() => undefined); // a closed database: rebuilt next time
  }

  private async load(): Promise<void> {
    const end = span(`index:${this.name}:load`);
    try {
      await this.restore();
    } finally {
      end();
    }
  }

  /**
   * Applies every change since `seq`: what the live feed told of, then (`mustRead`, or not
   * joined) what the database has; how many were read, and how many changed the index.
   */
  private async readChanges(mustRead: boolean): Promise<{ changed: number; read: number }> {
    let changed = 0;
    let read = 0;
    let unsaved = 0;
    for (;;) {
      const restarts = this.restarts;
      const told = this.joined() ? this.takeArrived() : null;
      if (!told && this.joined() && !mustRead) return { changed, read };
      const res = told ?? (await changesAfter(this.db, this.seq, BATCH, this.freshAfter));
      const ids = res.results.filter((r) => this.relevant(r.id)).map((r) => r.id);
      if (ids.length && (await this.prepare(ids))) continue;
      if (restarts !== this.restarts) continue; // started again meanwhile: from its new place
      read += told ? told.heard : res.results.length;
      for (const row of res.results) {
        // The feed may tell of a change a read of the database already took in.
        // A pulled row has no sequence of its own (db-watch.ts): it is never one already read.
        if (!this.relevant(row.id) || (told && !row.pulled && !seqAfter(row.seq, this.seq)))
          continue;
        const doc = row.deleted ? null : (row.doc as Record<string, unknown> | undefined);
        if (this.apply(row.id, doc ?? null)) changed += 1;
      }
      if (!told || seqAfter(res.last_seq, this.seq)) this.seq = res.last_seq;
      if (told) continue; // then what the database has, if it must be read
      if (res.results.length < BATCH) {
        this.join();
        return { changed, read };
      }
      unsaved += res.results.length;
      if (unsaved >= this.progressEvery) {
        unsaved = 0;
        await this.write().catch(() => undefined); // kept at the end of the catch-up anyway
      }
    }
  }

  private notify() {
    const wait = this.notifyWait();
    if (this.notifyTimer) {
      if (this.notifyDue <= Date.now() + wait) return;
      clearTimeout(this.notifyTimer); // a write of the person's, due sooner than the pull's rows
    }
    this.notifyDue = Date.now() + wait;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      this.notifyOwed = false;
      this.toldUnpulled = false;
      this.lastNotify = Date.now();
      this.listeners.forEach((l) => l());
    }, wait);
  }

  /** How long the next call to the listeners waits. */
  private notifyWait(): number {
    // A first pull's records are told when it ends (released), or after a long while.
    if (this.follower?.held() && !this.toldUnpulled) return FIRST_PULL_PACE_MS;
    const interval = this.pouring() ? POURING_NOTIFY_INTERVAL_MS : NOTIFY_INTERVAL_MS;
    return Math.max(0, this.lastNotify + interval - Date.now());
  }
}

/** Indexes whose snapshot waits for a quiet moment. */
const unsaved = new Set<FeedIndex>();

// The app hidden or closed (a phone's app switcher): write the waiting snapshots now, or the
// next start reads again everything taken in since the last one.
if (typeof document !== 'undefined') {
  const flush = () => [...unsaved].forEach((index) => index.persistNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  addEventListener('pagehide', flush);
}

/** One index of a name per database, shared by every screen and repository that uses it. */
const registry = new WeakMap<Db, Map<string, FeedIndex>>();

export function indexOf<I extends FeedIndex>(db: Db, name: string, make: () => I): I {
  let byName = registry.get(db);
  if (!byName) registry.set(db, (byName = new Map()));
  let index = byName.get(name);
  if (!index) byName.set(name, (index = make()));
  return index as I;
}
