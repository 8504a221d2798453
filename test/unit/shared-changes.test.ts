// The indexes of one database share their reads of its changes feed: a first catch-up and a
// burst of arriving records are read once for all of them, not once per index, and each index
// still takes in every change.
import { describe, expect, it } from 'vitest';
import { evidenceIndexOf } from '../../src/lib/data/indexes/evidence-index';
import { logIndexOf } from '../../src/lib/data/indexes/log-index';
import { statusIndexOf, verdictIndexOf } from '../../src/lib/data/indexes/review-index';
import type { Db } from '../../src/lib/data/pouch-types';
import { makeCheck } from '../support/fixtures';
import { memoryDb } from '../support/pouch';

/** Counts the reads of the changes feed that carry documents (the indexes' reads). */
function countingReads(db: Db) {
  const reads = { n: 0 };
  const changes = db.changes.bind(db);
  (db as unknown as { changes: unknown }).changes = (opts?: { include_docs?: boolean }) => {
    if (opts?.include_docs) reads.n += 1;
    return changes(opts as never);
  };
  return reads;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('shared reads of the changes feed', () => {
  it('read a first catch-up and a burst once for three indexes, and miss nothing', async () => {
    const db = memoryDb('shared-changes');
    await db.bulkDocs(Array.from({ length: 300 }, (_, n) => makeCheck(n)));
    const reads = countingReads(db);
    const indexes = [logIndexOf(db), evidenceIndexOf(db), statusIndexOf(db)];
    const stops = indexes.map((i) => i.subscribe(() => undefined));
    await Promise.all(indexes.map((i) => i.catchUp()));
    expect(reads.n).toBe(1);

    await db.bulkDocs(Array.from({ length: 200 }, (_, n) => makeCheck(1000 + n)));
    await settle(1_500);
    // A burst takes one or two catch-ups, each one read for all three (unshared: 3 or 6).
    expect(reads.n - 1).toBeGreaterThanOrEqual(1);
    expect(reads.n - 1).toBeLessThanOrEqual(2);
    const before = reads.n;
    await Promise.all(indexes.map((i) => i.catchUp()));
    expect(reads.n - before).toBe(1);
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
});
