// A new phone's first pull lets its push start after the records it pulled (sync-engine.ts):
// `onlyPulledUpTo` must prove that nothing else was written up to there, and prove it without
// reading every pulled record again when the count of changes already does.
import { describe, expect, it, vi } from 'vitest';
import { onlyPulledUpTo } from '../../src/lib/data/first-pull';
import { makeCheck } from '../support/fixtures';
import { memoryDb, PouchDB } from '../support/pouch';
import type { Db } from '../../src/lib/data/pouch-types';

/** Records as a pull writes them (revisions from the server); the pull's `written` map. */
async function pulled(db: Db, from: number, n: number, written: Map<string, string>) {
  const server = new PouchDB(`server-${from}-${Date.now()}`, { adapter: 'memory' }) as Db;
  const docs = Array.from({ length: n }, (_, i) => makeCheck(from + i));
  const res = await server.bulkDocs(docs);
  const withRevs = docs.map((d, i) => ({ ...d, _rev: res[i].rev! }));
  await db.bulkDocs(withRevs, { new_edits: false });
  withRevs.forEach((d) => written.set(d._id, d._rev));
  await server.destroy();
  return withRevs;
}

describe('the first pull’s proof that only pulled records were written', () => {
  it('counts the changes instead of reading them when every change is a pulled record', async () => {
    const db = memoryDb('first-pull');
    const written = new Map<string, string>();
    await pulled(db, 1, 40, written);
    const feed = vi.spyOn(db, 'changes');
    expect(await onlyPulledUpTo(db, written)).toBe(40);
    expect(feed).not.toHaveBeenCalled();
  });

  it('reads the feed, and says no, when a record was made on the phone during the pull', async () => {
    const db = memoryDb('first-pull-own');
    const written = new Map<string, string>();
    await pulled(db, 1, 20, written);
    await db.put(makeCheck(100)); // recorded here meanwhile: the push must start at the beginning
    await pulled(db, 21, 20, written);
    const feed = vi.spyOn(db, 'changes');
    expect(await onlyPulledUpTo(db, written)).toBeNull();
    expect(feed).toHaveBeenCalled();
  });

  it('reads the feed when the server changed a record during the pull, and finds it pulled', async () => {
    const db = memoryDb('first-pull-twice');
    const written = new Map<string, string>();
    const [first] = await pulled(db, 1, 10, written);
    // Pulled again in a later batch, in its next version: two changes for one id.
    const next = { ...first, _rev: `2-${'a'.repeat(32)}`, _revisions: undefined };
    await db.bulkDocs(
      [{ ...next, _revisions: { start: 2, ids: ['a'.repeat(32), first._rev.slice(2)] } }],
      {
        new_edits: false,
      },
    );
    written.set(first._id, next._rev);
    const feed = vi.spyOn(db, 'changes');
    expect(await onlyPulledUpTo(db, written)).toBe(11);
    expect(feed).toHaveBeenCalled();
  });
});
