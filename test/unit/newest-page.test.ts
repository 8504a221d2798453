// The home list's newest page, read forward from where it began last time (newest-page.ts): it
// must equal PouchDB's newest-first read whatever happened since (records added, edited,
// deleted, a short log growing, a wrong floor), and take the forward read when it can.
import { describe, expect, it } from 'vitest';
import { newestDocs, storedFloors, type FloorMemory } from '../../src/lib/data/newest-page.ts';
import type { Db } from '../../src/lib/data/pouch-types.ts';
import { idRange, makeId } from '../../src/lib/domain/ids.ts';
import { memoryDb } from '../support/pouch.ts';

const WANT = 51;

/** A floor memory whose floors the test can see and set. */
function memory(): FloorMemory & { floors: Map<string, string> } {
  const floors = new Map<string, string>();
  return { floors, get: (k) => floors.get(k) ?? null, set: (k, f) => void floors.set(k, f) };
}

/** Counts the database's newest-first (cursor) and forward reads. */
function counted(db: Db) {
  const reads = { cursor: 0, forward: 0 };
  const allDocs = db.allDocs.bind(db);
  db.allDocs = ((opts: { descending?: boolean }) => {
    if (opts.descending) reads.cursor += 1;
    else reads.forward += 1;
    return allDocs(opts as never);
  }) as typeof db.allDocs;
  return { reads, allDocs };
}

let clock = Date.parse('2024-01-01T00:00:00Z');
function record(n: number) {
  clock += 60_000 + ((n * 7919) % 3_600_000);
  return { _id: makeId('check', new Date(clock), n % 3 ? 'canbo' : 'chutich'), n };
}

async function add(db: Db, count: number) {
  await db.bulkDocs(Array.from({ length: count }, (_, i) => record(i)));
}

/** What the newest page must be: PouchDB's own newest-first read. */
async function expected(allDocs: Db['allDocs']) {
  const res = await allDocs({
    descending: true,
    ...idRange('check'),
    limit: WANT,
    include_docs: true,
  });
  return res.rows.map((r) => r.doc);
}

describe('the newest page, read forward from its floor', () => {
  it('equals the newest-first read after adds, edits and deletes, and reads forward when it can', async () => {
    const db = memoryDb('newest');
    const { reads, allDocs } = counted(db);
    const floors = memory();
    // Other kinds of documents around the records' range must not enter the page.
    await db.bulkDocs([
      { _id: makeId('progress', new Date('2025-06-01T00:00:00Z'), 'canbo'), n: -1 },
      { _id: makeId('review', new Date('2020-01-01T00:00:00Z'), 'chutich'), n: -2 },
    ]);
    await add(db, 300);

    // No floor yet: the cursor reads, and the floor is the page's oldest record.
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads).toEqual({ cursor: 1, forward: 0 });
    const page = await expected(allDocs);
    expect([...floors.floors.values()]).toEqual([page[WANT - 1]!._id]);

    // Next start: forward from the floor, no cursor.
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads).toEqual({ cursor: 1, forward: 1 });

    // A day's new records and an edit: still forward, still exact.
    await add(db, 20);
    const edited = page[3] as { _id: string; _rev: string; n: number };
    await db.put({ ...edited, n: 1000 });
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(1);

    // Records deleted inside the page leave it short above the floor: the cursor reads again.
    const now = await expected(allDocs);
    for (const doc of now.slice(WANT - 5)) {
      const d = doc as { _id: string; _rev: string };
      await db.remove(d._id, d._rev);
    }
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(2);

    // More records arrived than the forward read may take (a sync): the cursor reads.
    await add(db, 150);
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(3);
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(3);
  });

  it('a short log is read whole and forward until it outgrows the limit; a wrong floor costs a cursor', async () => {
    const db = memoryDb('newest-short');
    const { reads, allDocs } = counted(db);
    const floors = memory();
    await add(db, 10);
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads).toEqual({ cursor: 1, forward: 1 });

    await add(db, 60); // 70 records: a whole page now, read forward from the log's start
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(1);
    await add(db, 100); // 170 from the start: more than the forward read takes
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(2);

    // A floor from elsewhere (newer than every record here): nothing forward, so the cursor.
    floors.floors.set(`${db.name}:check`, makeId('check', new Date('2099-01-01T00:00:00Z'), 'x'));
    expect(await newestDocs(db, 'check', WANT, floors)).toEqual(await expected(allDocs));
    expect(reads.cursor).toBe(3);
  });

  it("keeps the floors in the person's device store, written only when they move", async () => {
    const kept = new Map<string, string>();
    let writes = 0;
    const store = {
      get: <T>(k: string) => (kept.get(k) as T) ?? null,
      set: (k: string, v: unknown) => {
        writes += 1;
        kept.set(k, v as string);
      },
    };
    const db = memoryDb('newest-stored');
    const { reads } = counted(db);
    await add(db, 120);
    await newestDocs(db, 'check', WANT, storedFloors(store));
    // The next start of the app: a new memory over the same store reads forward at once.
    const next = storedFloors(store);
    await newestDocs(db, 'check', WANT, next);
    await newestDocs(db, 'check', WANT, next);
    expect(reads).toEqual({ cursor: 1, forward: 2 });
    expect(writes).toBe(1);
  });
});
