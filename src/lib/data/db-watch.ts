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
}

type Listener = (row: ChangeRow) => void;
type StartListener = () => void;

interface Feed {
  listeners: Set<Listener>;
  /** Told once the feed has started (its `seq` known). */
  starts: Set<StartListener>;
  /** The sequence of the last change told to the listeners; null until the feed started. */
  seq: number | string | null;
  /** Changes told in the current window of POURING_WINDOW_MS, and in the one before. */
  window: { start: number; count: number; before: number };
  cancel(): void;
}

const BURST_MS = 50;
/**
 * While records pour in (a new phone's first sync writes hundreds a second), a watcher hears
 * of them at most this often: each call makes a screen read again, beside the sync's writes.
 */
const POURING_BURST_MS = 5_000;
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

function open(db: Db): Feed {
  let cancelled = false;
  let cancelFeed = () => undefined as void;
  const feed: Feed = {
    listeners: new Set(),
    starts: new Set(),
    seq: null,
    window: { start: 0, count: 0, before: 0 },
    cancel: () => {
      cancelled = true;
      cancelFeed();
    },
  };
  // From a known sequence rather than 'now', so that a follower knows which changes the feed
  // will tell it of: every one after `seq`.
  void db.info().then(
    (info) => {
      if (cancelled) return;
      feed.seq = info.update_seq;
      const changes = db.changes({
        since: info.update_seq,
        live: true,
        include_docs: true,
        // conflicts: a record with versions from two devices is listed for the supervisor.
        conflicts: true,
        return_docs: false,
      });
      changes.catch(() => undefined); // a closed database ends the feed; nothing to report
      void changes.on('change', (c) => {
        feed.seq = c.seq;
        countTold(feed, Date.now());
        const doc = c.doc as Record<string, unknown> | undefined;
        const row: ChangeRow = { id: c.id, seq: c.seq, deleted: c.deleted, doc };
        feed.listeners.forEach((l) => l(row));
      });
      cancelFeed = () => void changes.cancel();
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
  /** Records pour in: many changes in the last few seconds (a first sync). */
  pouring(): boolean;
  stop(): void;
}

/**
 * Calls `onRow` for every local change (own writes and replicated ones), in sequence order,
 * and `onStarted` once the feed knows where it starts (at once if it does already).
 */
export function followChanges(
  db: Db,
  onRow: (row: ChangeRow) => void,
  onStarted?: () => void,
): FeedFollower {
  let feed = feeds.get(db);
  if (!feed) feeds.set(db, (feed = open(db)));
  const current = feed;
  current.listeners.add(onRow);
  if (onStarted) {
    if (current.seq === null) current.starts.add(onStarted);
    else queueMicrotask(onStarted);
  }
  return {
    position: () => current.seq,
    pouring: () => pouring(current),
    stop: () => {
      current.listeners.delete(onRow);
      if (onStarted) current.starts.delete(onStarted);
      if (current.listeners.size === 0) {
        current.cancel();
        if (feeds.get(db) === current) feeds.delete(db);
      }
    },
  };
}

/** Calls `onChange` for every local change (own writes and replicated ones) whose id matches. */
export function watchIds(db: Db, matches: (id: string) => boolean, onChange: () => void) {
  // A replication batch is a burst of changes: call back once per burst, not once per document.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const follower = followChanges(db, (row) => {
    if (!matches(row.id) || timer) return;
    timer = setTimeout(
      () => {
        timer = null;
        onChange();
      },
      follower.pouring() ? POURING_BURST_MS : BURST_MS,
    );
  });
  return () => {
    if (timer) clearTimeout(timer);
    follower.stop();
  };
}
