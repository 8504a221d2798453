// The newest records of a database, read fast. PouchDB reads a newest-first range with a
// cursor that steps back one row per IndexedDB round trip: 51 records cost 51 trips in a row,
// most of a home screen's time at a start, when every screen reads at once. Read oldest-first,
// PouchDB takes the same range in batches, a trip or two. So the page remembers where it began
// (its "floor", the oldest id it needed) and reads forward from there; it is exact whenever
// that read reaches the end of the range within its limit. Otherwise (records deleted below
// the page, or more arrived since than the limit) the cursor reads as before.
import { idRange, type IdPrefix } from '$lib/domain/ids';
import type { Db } from './pouch-types';

/** A stored document as allDocs gives it: its fields are checked by whoever reads it. */
export type Body = { _id: string } & Record<string, unknown>;

/** Where each database's newest page began last time. */
export interface FloorMemory {
  get(key: string): string | null;
  set(key: string, floor: string): void;
}

/** Floors for this session only (tests, and a repository opened without a person's store). */
export function memoryFloors(): FloorMemory {
  const floors = new Map<string, string>();
  return { get: (k) => floors.get(k) ?? null, set: (k, floor) => void floors.set(k, floor) };
}

/**
 * Floors kept in the person's own device store (device-store.ts), across starts of the app. A
 * hint only: a lost or wrong floor makes one read slower, never wrong.
 */
export function storedFloors(store: {
  get<T>(key: string): T | null;
  set(key: string, value: unknown): void;
}): FloorMemory {
  const known = memoryFloors();
  const key = (k: string) => `newestFloor:${k}`;
  const get = (k: string) => known.get(k) ?? store.get<string>(key(k));
  return {
    get,
    set: (k, floor) => {
      if (get(k) === floor) return;
      known.set(k, floor);
      try {
        store.set(key(k), floor);
      } catch {
        // storage full or refused: the floor still serves this session
      }
    },
  };
}

/** A forward read takes at most this many times the page: more means many arrived (a sync). */
const SLACK = 2;

/**
 * The newest `want` documents of `prefix`, newest first (fewer when the database has fewer),
 * with their bodies: the same as `allDocs({ descending: true, limit: want, include_docs })`.
 */
export async function newestDocs(
  db: Db,
  prefix: IdPrefix,
  want: number,
  memory: FloorMemory,
): Promise<Body[]> {
  const range = idRange(prefix);
  const key = `${db.name}:${prefix}`;
  const floor = memory.get(key);
  let docs: Body[] | null = null;
  if (floor !== null) {
    const cap = want * SLACK;
    const res = await db.allDocs({
      startkey: floor,
      endkey: range.startkey,
      limit: cap,
      include_docs: true,
    });
    const all = floor === range.endkey;
    // Exact when the read reached the range's end and held a whole page (or the whole log).
    if (res.rows.length < cap && (res.rows.length >= want || all))
      docs = bodies(res.rows).slice(-want).reverse();
  }
  if (!docs) {
    const res = await db.allDocs({ descending: true, ...range, limit: want, include_docs: true });
    docs = bodies(res.rows);
  }
  // The next read begins at this page's oldest record, or at the start of a short log.
  memory.set(key, docs.length === want ? docs[want - 1]._id : range.endkey);
  return docs;
}

export function bodies(rows: { doc?: object | null }[]): Body[] {
  return rows.flatMap((r) => (r.doc ? [r.doc as Body] : []));
}
