// Opening the browser's local databases (IndexedDB). Kept apart from sync: every screen works
// on these alone, and the sync module replicates them when it can.
import { compressingFetch } from './compressed-fetch';
import { noteWrites } from './db-watch';
import { rememberId, rememberInfo } from './remote-info';
import type { Db, PouchStatic } from './pouch-types';
import { readAhead } from './read-ahead';
import { limitPushSize } from './sized-batches';

let pouchPromise: Promise<PouchStatic> | null = null;

/** pouchdb-browser touches `self` when imported, so it is loaded lazily, in the browser only. */
export function loadPouch(): Promise<PouchStatic> {
  pouchPromise ??= import('pouchdb-browser').then((m) => m.default as unknown as PouchStatic);
  return pouchPromise;
}

/** Local database names carry the user so that two people sharing a phone never mix data. */
export function localDbName(user: string, remoteName: string): string {
  return `fb-${encodeURIComponent(user)}-${remoteName}`;
}

const open = new Map<string, Db>();

/**
 * Later opens make new instances. PouchDB's IndexedDB adapter closes a database for good when
 * one of its transactions aborts (a full disk does that): every later call on that instance
 * fails. The old instances are not closed here (their holders stop them); a sound database's
 * new instance shares its IndexedDB connection (the adapter keeps one per name).
 */
export function forgetOpenDbs(): void {
  open.clear();
}

export async function openLocalDb(name: string): Promise<Db> {
  const existing = open.get(name);
  if (existing) return existing;
  const PouchDB = await loadPouch();
  // Writes are told to the live feed while a first pull holds it (./db-watch.ts).
  const db = noteWrites(new PouchDB(name, { auto_compaction: true }) as Db);
  open.set(name, db);
  return db;
}

/** Set once a new version is taking over: see closeRemoteForUpdate. */
let remoteClosed = false;

/**
 * A new version is taking over (UpdatePrompt). Chromium hands the page to the new service
 * worker only while the old one is idle; a sync request that reached the old one as it stopped
 * left the new one waiting for good (update.e2e.ts, 2 and 3 runs in 16), and a cancelled
 * replication can still send one. From now on requests fail as if offline; the reload opens
 * everything anew.
 */
export function closeRemoteForUpdate(): void {
  remoteClosed = true;
}

/** Reading a remote database's first pull ahead (./read-ahead.ts), by the database. */
const readsAhead = new WeakMap<Db, () => () => void>();

/** Starts reading a first pull from `remote` one batch ahead; returns its stop. */
export function pullAhead(remote: Db): () => void {
  return readsAhead.get(remote)?.() ?? (() => undefined);
}

/**
 * The server's copy, through /db; large request bodies go gzipped (./compressed-fetch.ts) and
 * pushes of records with photos in requests of a bounded size (./sized-batches.ts); a failed
 * info request after a first answer gets the last answer, and the id is asked once
 * (./remote-info.ts). A new phone's first pull may read one batch ahead (pullAhead).
 */
export function remoteDb(PouchDB: PouchStatic, origin: string, name: string): Db {
  const compressing = compressingFetch();
  const closed = () => Promise.reject(new TypeError('closed for an update'));
  const ahead = readAhead((url, init) => (remoteClosed ? closed() : compressing(url, init)));
  const db = new PouchDB(`${origin}/db/${name}`, {
    skip_setup: true,
    // Nothing read ahead is handed over once closed either.
    fetch: (url, init) => (remoteClosed ? closed() : ahead.fetch(url, init)),
  }) as Db;
  const remote = rememberId(rememberInfo(limitPushSize(db)));
  readsAhead.set(remote, () => ahead.start());
  return remote;
}
