// One live changes feed per local database, shared by every subscriber: screens and the
// workspace watch plans, progress and evidence at once, and a feed each would pile listeners
// onto the database (PouchDB warns past ten). It carries the changed documents too, so that
// the indexes that follow the database take them from here instead of reading every arrived
// record again (./indexes/feed-index.ts): while the app runs, this is the one reader of the
// database's changes.
import type { Db } from './pouch-types';

/** One change as the changes feed gives it: the document's winning revision, with conflicts. */
export interface ChangeRow {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: Record<string, unknown>;
  /**
   * A revision a new phone's first pull wrote, told from the pull itself while the feed is held
   * (holdForPull): `seq` is then only where the feed was, and the row stands provisionally
   * until the hold's release confirms it.
   */
  pulled?: true;
}

/**
 * How a hold ended: every change up to `confirmed` was a pulled row told while held; or (a
 * record written on the phone meanwhile, a record with two versions) the rows told while held
 * stand for nothing, and what changed after `rewindTo` must be read from the database.
 */
export type Release = { confirmed: number } | { rewindTo: number | string };

type Listener = (row: ChangeRow) => void;
type StartListener = () => void;
type ReleaseListener = (release: Release) => void;

interface Feed {
  listeners: Set<Listener>;
  /** Told once the feed has started (its `seq` known). */
  starts: Set<StartListener>;
  releases: Set<ReleaseListener>;
  /** The sequence of the last change told to the listeners; null until the feed started. */
  seq: number | string | null;
  /** Changes told in the current window of POURING_WINDOW_MS, and in the one before. */
  window: { start: number; count: number; before: number };
  /** Held for a first pull (holdForPull): where the feed was when the hold began. */
  held: { at: number | string | null; reading: Promise<void> | null; again: boolean } | null;
  stopReading(): void;
  cancel(): void;
}

const BURST_MS = 50;
/**
 * While records pour in (a new phone's first sync writes hundreds a second), the screens hear
 * of them at most this often, here and in the indexes (./indexes/feed-index.ts): each time,
 * every open screen reads again beside the sync's writes (on the bench machine the home
 * screen's reads took 0.3–0.5 s each then). The sync's progress bar moves meanwhile, and when
 * the first pull ends the screens are told at once (holdForPull).
 */
export const POURING_PACE_MS = 10_000;
/**
 * While a new phone's first pull holds the feed (holdForPull), the screens hear of its records
 * when it ends, and meanwhile at most this often: a burst updates each screen once. On a good
 * link the pull ends first (10,000 records: about 15 s), and a mid-pull read of every open
 * screen only slowed it; a weak link's first pull takes minutes, and the list still fills in.
 * The first-sync notice shows how far the pull has come meanwhile. A write of the person's
 * own is told at once all the same.
 */
export const FIRST_PULL_PACE_MS = 60_000;
/** Changes within a window (this one and the one before) that make records "pour in". */
const POURING = 500;
const POURING_WINDOW_MS = 5_000;

function countTold(feed: Feed, now: number): void {
  const w = feed.window;
  if (now - w.start > POURING_WINDOW_MS) {
    w.before = now - w.start > 2 * POURING_WINDOW_MS ? 0 : w.count;
    w.count = 0;
    w.start = now;
  }
  w.count += 1;
}

function pouring(feed: Feed): boolean {
  const w = feed.window;
  const age = Date.now() - w.start;
  if (age > 2 * POURING_WINDOW_MS) return false;
  return (age > POURING_WINDOW_MS ? w.count : w.count + w.before) >= POURING;
}

const feeds = new WeakMap<Db, Feed>();

/** Tells every listener of `feed` of one change. */
function tell(feed: Feed, row: ChangeRow): void {
  countTold(feed, Date.now());
  feed.listeners.forEach((l) => l(row));
}

/** Tells of a change read from the database, which moves the feed's place to it. */
function tellRead(feed: Feed, c: PouchDB.Core.ChangesResponseChange<object>): void {
  feed.seq = c.seq;
  tell(feed, { id: c.id, seq: c.seq, deleted: c.deleted, doc: c.doc as ChangeRow['doc'] });
}

/** Reads the database's changes live from `since`, telling each one. */
function readLive(db: Db, feed: Feed, since: number | string): void {
  const changes = db.changes({
    since,
    live: true,
    include_docs: true,
    // conflicts: a record with versions from two devices is listed for the supervisor.
    conflicts: true,
    return_docs: false,
  });
  changes.catch(() => undefined); // a closed database ends the feed; nothing to report
  void changes.on('change', (c) => tellRead(feed, c));
  feed.stopReading = () => void changes.cancel();
}

function open(db: Db): Feed {
  let cancelled = false;
  const feed: Feed = {
    listeners: new Set(),
    starts: new Set(),
    releases: new Set(),
    seq: null,
    window: { start: 0, count: 0, before: 0 },
    held: null,
    stopReading: () => undefined,
    cancel: () => {
      cancelled = true;
      feed.stopReading();
    },
  };
  // From a known sequence rather than 'now', so that a follower knows which changes the feed
  // will tell it of: every one after `seq`.
  void db.info().then(
    (info) => {
      if (cancelled) return;
      feed.seq = info.update_seq;
      if (!feed.held) readLive(db, feed, info.update_seq);
      else feed.held.at ??= info.update_seq;
      feed.starts.forEach((l) => l());
      feed.starts.clear();
    },
    () => undefined, // a closed database: nothing to follow
  );
  return feed;
}

/** A follower of a database's changes: every change from `position()` on is told to it. */
export interface FeedFollower {
  /** The sequence up to which the feed has told its changes; null until it started. */
  position(): number | string | null;
  /** Records pour in: a first pull holds the feed, or many changes came in the last seconds. */
  pouring(): boolean;
  /** A first pull holds the feed (holdForPull). */
  held(): boolean;
  /**
   * Resolves true when a first pull holds the feed (holdForPull) once it has told every write
   * of the person's made so far: it has then told everything written, and a reader that must
   * be up to date need not read the database (which would read every pulled record again).
   */
  toldAll(): Promise<boolean>;
  stop(): void;
}

/**
 * Calls `onRow` for every local change (own writes and replicated ones), in sequence order,
 * `onStarted` once the feed knows where it starts (at once if it does already), and
 * `onRelease` when a hold for a first pull ends (holdForPull).
 */
export function followChanges(
  db: Db,
  onRow: (row: ChangeRow) => void,
  onStarted?: () => void,
  onRelease?: ReleaseListener,
): FeedFollower {
  let feed = feeds.get(db);
  if (!feed) feeds.set(db, (feed = open(db)));
  const current = feed;
  current.listeners.add(onRow);
  if (onRelease) current.releases.add(onRelease);
  if (onStarted) {
    if (current.seq === null) current.starts.add(onStarted);
    else queueMicrotask(onStarted);
  }
  return {
    position: () => current.seq,
    pouring: () => !!current.held || pouring(current),
    held: () => !!current.held,
    toldAll: async () => {
      const hold = current.held;
      if (!hold) return false;
      await hold.reading;
      return current.held === hold;
    },
    stop: () => {
      current.listeners.delete(onRow);
      if (onStarted) current.starts.delete(onStarted);
      if (onRelease) current.releases.delete(onRelease);
      if (current.listeners.size === 0 && !current.held) {
        current.cancel();
        if (feeds.get(db) === current) feeds.delete(db);
      }
    },
  };
}

/** What a first pull tells the feed it holds. */
export interface PullHold {
  /** Documents the pull has just written (as replication gives them). */
  tell(docs: readonly Record<string, unknown>[]): void;
  /**
   * The pull stopped: every change up to `upTo` is a revision it wrote, one per document and
   * nothing else (./first-pull.ts), or null when that is not known. Only the first call
   * counts: the engine releases as soon as it knows, and again on every way out.
   */
  release(upTo: number | string | null): void;
}

/**
 * While a new phone's first pull writes thousands of records, the feed stops reading the
 * database: it would read each record again right after the pull wrote it, and that read
 * competes with the pull's writes. The pull tells the feed what it wrote instead, and the
 * feed tells its followers (rows marked `pulled`). A write of the person's meanwhile
 * (noteLocalWrite) is read from the database at once. At the end, the pull's proof that it
 * wrote nothing but one revision per document confirms the rows; otherwise the followers
 * read again from where the hold began.
 */
export function holdForPull(db: Db): PullHold {
  let feed = feeds.get(db);
  if (!feed) feeds.set(db, (feed = open(db)));
  const held = feed;
  held.stopReading();
  held.stopReading = () => undefined;
  const hold: NonNullable<Feed['held']> = { at: held.seq, reading: null, again: false };
  held.held = hold;
  // A write the live feed had not told yet when it stopped: told now.
  noteLocalWrite(db);
  const mine = () => held.held === hold;
  return {
    tell(docs) {
      if (!mine()) return;
      for (const pulled of docs) {
        const { _revisions, ...doc } = pulled;
        void _revisions;
        const id = String(doc._id);
        const deleted = doc._deleted === true;
        tell(held, {
          id,
          seq: held.seq ?? 0,
          deleted,
          doc: deleted ? undefined : doc,
          pulled: true,
        });
      }
    },
    release(upTo) {
      if (!mine()) return;
      void (hold.reading ?? Promise.resolve()).then(() => {
        if (!mine()) return;
        held.held = null;
        // The pull has ended: what follows is the live sync's trickle, not a pour.
        held.window = { start: 0, count: 0, before: 0 };
        const release: Release | null =
          typeof upTo === 'number' && typeof held.seq === 'number' && upTo >= held.seq
            ? { confirmed: upTo }
            : hold.at === null
              ? null
              : { rewindTo: hold.at };
        if (release && 'confirmed' in release) held.seq = release.confirmed;
        if (release) held.releases.forEach((l) => l(release));
        if (held.listeners.size === 0) {
          held.cancel();
          if (feeds.get(db) === held) feeds.delete(db);
        } else if (held.seq !== null) readLive(db, held, held.seq);
      });
    },
  };
}

/**
 * A write of the person's own (not the replication's): while the feed is held for a first
 * pull, it is read from the database and told now, so that their screens show it at once.
 */
export function noteLocalWrite(db: Db): void {
  const feed = feeds.get(db);
  const hold = feed?.held;
  if (!feed || !hold || feed.seq === null) return;
  if (hold.reading) {
    hold.again = true;
    return;
  }
  hold.reading = (async () => {
    try {
      do {
        hold.again = false;
        const res = await db.changes({
          since: feed.seq!,
          include_docs: true,
          conflicts: true,
          return_docs: true,
        });
        for (const c of res.results) tellRead(feed, c);
      } while (hold.again && feed.held === hold);
    } catch {
      // a closed database: nothing to tell
    } finally {
      hold.reading = null;
    }
  })();
}

/**
 * Calls `onChange` for every local change (own writes and replicated ones) whose id matches;
 * `skipPulled`: not for the revisions a first pull wrote (the server has them).
 */
export function watchIds(
  db: Db,
  matches: (id: string) => boolean,
  onChange: () => void,
  { skipPulled = false } = {},
) {
  // A replication batch is a burst of changes: call back once per burst, not once per document.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let due = 0;
  /** Calls back in `ms`, or sooner if a call is due sooner already. */
  const later = (ms: number) => {
    if (timer && due <= Date.now() + ms) return;
    if (timer) clearTimeout(timer);
    due = Date.now() + ms;
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, ms);
  };
  /**
   * A first pull's rows are told when it ends; the person's own write meanwhile is told at
   * once; otherwise a pour is many changes in the last few seconds (another phone's big sync).
   */
  const paceOf = (row: ChangeRow) =>
    row.pulled
      ? FIRST_PULL_PACE_MS
      : !follower.held() && follower.pouring()
        ? POURING_PACE_MS
        : BURST_MS;
  const follower = followChanges(
    db,
    (row) => {
      if (!matches(row.id) || (skipPulled && row.pulled)) return;
      later(paceOf(row));
    },
    undefined,
    // The first pull has ended: a call held back by the pour's pace comes now; and if the
    // pull's rows stood for nothing, whatever was written meanwhile is looked at again.
    (release) => {
      if (timer || 'rewindTo' in release) later(BURST_MS);
    },
  );
  return () => {
    if (timer) clearTimeout(timer);
    follower.stop();
  };
}

const WRITES = ['put', 'post', 'remove', 'bulkDocs'] as const;

/**
 * Tells the feed of `db` of every write made through this instance (noteLocalWrite), except
 * replication's (`new_edits: false`) and `_local/` documents (checkpoints, index snapshots),
 * which the changes feed never lists.
 */
export function noteWrites(db: Db): Db {
  for (const method of WRITES) {
    const original = (db[method] as (...a: unknown[]) => unknown).bind(db);
    const wrapped = (...args: unknown[]) => {
      const result = original(...args);
      const [first, second] = args as [Record<string, unknown> | undefined, unknown];
      const replicated =
        method === 'bulkDocs' &&
        (first?.new_edits === false || (second as { new_edits?: boolean })?.new_edits === false);
      const id = typeof first?._id === 'string' ? first._id : '';
      if (!replicated && !id.startsWith('_local/') && result instanceof Promise)
        result.then(
          () => noteLocalWrite(db),
          () => undefined,
        );
      return result;
    };
    (db as unknown as Record<string, unknown>)[method] = wrapped;
  }
  return db;
}
