// The indexes of one database share their reads of its changes feed: a first catch-up and a
// burst of arriving records are read once for all of them, not once per index, and each index
// still takes in every change.
import { describe, expect, it } from 'vitest';
import { evidenceIndexOf } from '../../src/lib/data/indexes/evidence-index';
import { logIndexOf } from '../../src/lib/data/indexes/log-index';
import { statusIndexOf, verdictIndexOf } from '../../src/lib/data/indexes/review-index';
import type { Db } from '../../src/lib/data/pouch-types';
import { makeCheck } from '../support/fixtures';
import type { FieldCheck } from '../../src/lib/domain/field-check';
import { memoryDb } from '../support/pouch';

/**
 * Counts the reads of the changes feed that are not the live feed itself (the indexes' reads,
 * and the live feed's reads after each write), and the rows they read.
 */
function countingReads(db: Db) {
  const reads = { n: 0, rows: 0, byIndexes: 0 };
  const changes = db.changes.bind(db);
  (db as unknown as { changes: unknown }).changes = (opts?: { live?: boolean; limit?: number }) => {
    const feed = changes(opts as never);
    if (opts?.limit) reads.byIndexes += 1; // the live feed's reads have no limit
    if (!opts?.live) {
      reads.n += 1;
      void feed.on('change', () => (reads.rows += 1));
    }
    return feed;
  };
  return reads;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shared reads of the changes feed', () => {
  it('read a first catch-up once for three indexes, a burst only by the live feed, and miss nothing', async () => {
    const db = memoryDb('shared-changes');
    await db.bulkDocs(Array.from({ length: 300 }, (_, n) => makeCheck(n)));
    const reads = countingReads(db);
    const indexes = [logIndexOf(db), evidenceIndexOf(db), statusIndexOf(db)];
    const stops = indexes.map((i) => i.subscribe(() => undefined));
    await Promise.all(indexes.map((i) => i.catchUp()));
    expect(reads.rows).toBe(300);

    await db.bulkDocs(Array.from({ length: 200 }, (_, n) => makeCheck(1000 + n)));
    await settle(1_500);
    // Each arrived record is read once, by the live feed, and the indexes take it from there
    // (reading it again per index was 200 more rows each).
    expect(reads.rows).toBe(500);
    // A reader that must be up to date reads the database once more, and finds nothing new.
    await Promise.all(indexes.map((i) => i.catchUp()));
    expect(reads.rows).toBe(500);
    expect(await logIndexOf(db).count()).toBe(500);
    expect((await statusIndexOf(db).totalsNow()).get('draft')).toBe(500);
    const evidence = [...(await evidenceIndexOf(db).totalsNow()).values()];
    expect(evidence.reduce((a, b) => a + b, 0)).toBe(500);
    stops.forEach((stop) => stop());
  });

  it('an index none of whose documents are among many changes still keeps its place in the feed', async () => {
    const db = memoryDb('irrelevant-changes');
    await db.bulkDocs(Array.from({ length: 1200 }, (_, n) => makeCheck(n)));
    const verdicts = verdictIndexOf(db); // reviews only: none here
    const stop = verdicts.subscribe(() => undefined);
    await verdicts.catchUp();
    await settle(200); // the first snapshot is written at once
    stop();
    // The next start (a fresh index on the same database) reads nothing again.
    const again = Object.create(db) as Db;
    const rows = { n: 0 };
    const changes = again.changes.bind(again);
    (again as unknown as { changes: unknown }).changes = (opts?: { include_docs?: boolean }) => {
      const res = changes(opts as never);
      if (opts?.include_docs)
        void Promise.resolve(res).then(
          (r) => (rows.n += (r as { results: unknown[] }).results.length),
        );
      return res;
    };
    expect((await verdictIndexOf(again).totalsNow()).size).toBe(0);
    await settle(0);
    expect(rows.n).toBe(0);
  });

  it('a followed index takes edits, deletes and conflicting revisions from the live feed as a full read does', async () => {
    const db = memoryDb('followed');
    const seeded = Array.from({ length: 60 }, (_, n) => makeCheck(n));
    const revs = await db.bulkDocs(seeded);
    const docs = seeded.map((d, i) => ({ ...d, _rev: (revs[i] as { rev: string }).rev }));
    const status = statusIndexOf(db);
    const log = logIndexOf(db);
    const told = { n: 0 };
    const stops = [status, log].map((i) => i.subscribe(() => (told.n += 1)));
    await Promise.all([status.catchUp(), log.catchUp()]);
    const reads = countingReads(db);

    for (const d of docs.slice(0, 10)) await db.put({ ...d, status: 'submitted' });
    for (const d of docs.slice(10, 15)) await db.remove(d._id, d._rev);
    // Another device's edit of the same versions arrives by sync (new_edits: false).
    const branches = docs.slice(20, 30).map((d, i): FieldCheck & { _revisions: object } => {
      const [, hash] = d._rev.split('-');
      const id = `${'b'.repeat(31)}${i}`;
      return {
        ...d,
        note: 'từ máy khác',
        _rev: `2-${id}`,
        _revisions: { start: 2, ids: [id, hash] },
      };
    });
    await db.bulkDocs(branches, { new_edits: false });
    await db.put({ ...(await db.get(docs[20]._id)), note: 'sửa tại đây' });
    await db.bulkDocs(Array.from({ length: 20 }, (_, n) => makeCheck(500 + n)));
    await settle(1_500);
    expect(told.n).toBeGreaterThan(0);
    // Taken from the feed: neither index read the database for these changes.
    expect(reads.byIndexes).toBe(0);

    // A fresh index on the same database reads every record: the same entries.
    const fresh = Object.create(db) as Db;
    expect(await status.entriesSoFar()).toEqual(await statusIndexOf(fresh).entriesNow());
    expect(await log.matching()).toEqual(await logIndexOf(fresh).matching());
    const words = (await log.matching()).map((e) => e.words);
    expect(words.filter((w) => w.includes(' may khac '))).toHaveLength(9);
    expect(words.filter((w) => w.includes(' sua tai day '))).toHaveLength(1);
    stops.forEach((stop) => stop());
  });
});
