// One live changes feed per local database, shared by every subscriber: screens and the
// workspace watch plans, progress and evidence at once, and a feed each would pile listeners
// onto the database (PouchDB warns past ten).
import type { Db } from './pouch-types';

type Listener = (id: string) => void;
const BURST_MS = 50;
const feeds = new WeakMap<Db, { listeners: Set<Listener>; cancel: () => void }>();

/** Calls `onChange` for every local change (own writes and replicated ones) whose id matches. */
export function watchIds(db: Db, matches: (id: string) => boolean, onChange: () => void) {
  let entry = feeds.get(db);
  if (!entry) {
    const listeners = new Set<Listener>();
    const feed = db.changes({ since: 'now', live: true, return_docs: false });
    feed.catch(() => undefined); // a closed database ends the feed; nothing to report
    void feed.on('change', (c) => listeners.forEach((l) => l(c.id)));
    entry = { listeners, cancel: () => void feed.cancel() };
    feeds.set(db, entry);
  }
  // A replication batch is a burst of changes: call back once per burst, not once per document.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listener: Listener = (id) => {
    if (!matches(id) || timer) return;
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, BURST_MS);
  };
  const current = entry;
  current.listeners.add(listener);
  return () => {
    if (timer) clearTimeout(timer);
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.cancel();
      if (feeds.get(db) === current) feeds.delete(db);
    }
  };
}
