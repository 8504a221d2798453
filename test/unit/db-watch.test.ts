// The one live feed of a local database: watchers hear of a save at once, and of records
// pouring in (a first sync) at most every POURING_PACE_MS; the rows carry the documents.
import { describe, expect, it } from 'vitest';
import { followChanges, POURING_PACE_MS, watchIds } from '../../src/lib/data/db-watch';
import { makeCheck } from '../support/fixtures';
import { memoryDb } from '../support/pouch';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the live feed of a local database', () => {
  it('tells a save within a moment, and a pour of records at most every POURING_PACE_MS', async () => {
    const db = memoryDb('db-watch');
    const heard: number[] = [];
    const stop = watchIds(
      db,
      (id) => id.startsWith('check:'),
      () => heard.push(Date.now()),
    );
    await settle(50); // the feed starts from the database's sequence
    await db.put(makeCheck(1));
    await expect.poll(() => heard.length, { timeout: 1000 }).toBe(1);

    // 600 records in a few batches: records pour in.
    for (let b = 0; b < 3; b++)
      await db.bulkDocs(Array.from({ length: 200 }, (_, n) => makeCheck(100 + b * 200 + n)));
    await settle(300);
    const during = heard.length;
    await db.put(makeCheck(5000));
    await settle(1000);
    // Still pouring: the watcher has not been called again within a second.
    expect(heard.length).toBe(during);
    await expect
      .poll(() => heard.length, { timeout: POURING_PACE_MS + 2000 })
      .toBeGreaterThan(during);
    stop();
  });

  it('carries each changed document, with its conflicts, from where it started', async () => {
    const db = memoryDb('db-watch-rows');
    await db.put(makeCheck(1));
    const rows: { id: string; conflicts?: unknown }[] = [];
    let started = false;
    const follower = followChanges(
      db,
      (row) => rows.push({ id: row.id, conflicts: row.doc?._conflicts }),
      () => (started = true),
    );
    await expect.poll(() => started).toBe(true);
    expect(follower.position()).toBe(1);
    const doc = makeCheck(2);
    const { rev } = await db.put(doc);
    const [, hash] = rev.split('-');
    await db.bulkDocs(
      [
        {
          ...doc,
          _rev: `2-${'b'.repeat(32)}`,
          _revisions: { start: 2, ids: ['b'.repeat(32), hash] },
        },
        {
          ...doc,
          _rev: `2-${'a'.repeat(32)}`,
          _revisions: { start: 2, ids: ['a'.repeat(32), hash] },
        },
      ],
      { new_edits: false },
    );
    await expect.poll(() => rows.length).toBeGreaterThan(0);
    await settle(100);
    // The earlier record is not told again; the conflicted one comes with its other version.
    expect(rows.every((r) => r.id === doc._id)).toBe(true);
    expect(rows.at(-1)?.conflicts).toEqual([`2-${'a'.repeat(32)}`]);
    follower.stop();
  });
});
