// A new phone's first pull holds the live feed (db-watch.ts, holdForPull): the pull tells the
// feed what it wrote, the indexes take it from there and read nothing, and the pull's proof that
// it wrote one revision per record confirms what they took. When that proof fails (a record with
// two versions on the server, a record written on the phone meanwhile) they read again.
import { describe, expect, it, vi } from 'vitest';
import {
  FIRST_PULL_PACE_MS,
  followChanges,
  holdForPull,
  POURING_PACE_MS,
  noteWrites,
  watchIds,
  type ChangeRow,
} from '../../src/lib/data/db-watch';
import { conflictIndexOf } from '../../src/lib/data/conflicts.repo';
import { logIndexOf } from '../../src/lib/data/indexes/log-index';
import type { Db } from '../../src/lib/data/pouch-types';
import { SyncEngine } from '../../src/lib/data/sync-engine';
import { makeCheck } from '../support/fixtures';
import { nodeEnvironment } from '../support/harness/node-environment';
import { memoryDb } from '../support/pouch';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rows read from the database's changes feed, by anyone (live feeds included). */
function countingReads(db: Db) {
  const reads = { rows: 0 };
  const changes = db.changes.bind(db);
  (db as unknown as { changes: unknown }).changes = (opts?: object) => {
    const feed = changes(opts as never);
    void feed.on('change', () => (reads.rows += 1));
    return feed;
  };
  return reads;
}

/** A phone with the log's screens open (two indexes following it), and its first sync. */
async function newPhone(server: Db) {
  const local = noteWrites(memoryDb('phone'));
  const log = logIndexOf(local);
  const conflicts = conflictIndexOf(local);
  const stops = [log.subscribe(() => undefined), conflicts.subscribe(() => undefined)];
  await settle(50); // the screens' indexes have joined the live feed
  const reads = countingReads(local);
  const engine = new SyncEngine(local, server, 'sync', nodeEnvironment(true), {
    holdFeed: () => holdForPull(local),
  });
  const upToDate = new Promise<void>((resolve) =>
    engine.subscribe((e) => e.type === 'paused' && resolve()),
  );
  engine.start();
  await upToDate;
  return {
    local,
    log,
    conflicts,
    reads,
    async close() {
      stops.forEach((stop) => stop());
      await engine.stop();
    },
  };
}

/** Records as a pull writes them (one revision each), numbered from `from`. */
const pulledChecks = (from: number, count = 600) =>
  Array.from({ length: count }, (_, n) => ({
    ...makeCheck(from + n),
    _rev: `1-${'d'.repeat(32)}`,
  }));

/** A phone's database with a screen on the log index and one watching records' ids. */
async function screensOn(name: string) {
  const local = noteWrites(memoryDb(name));
  const log = logIndexOf(local);
  let indexTold = 0;
  const stopIndex = log.subscribe(() => (indexTold += 1));
  let watched = 0;
  const stopWatch = watchIds(
    local,
    (id) => id.startsWith('check:'),
    () => (watched += 1),
  );
  await settle(50);
  return {
    local,
    log,
    /** How often each was told: the watcher, then the index. */
    told: () => [watched, indexTold],
    stop: () => {
      stopWatch();
      stopIndex();
    },
  };
}

describe('a first pull that holds the live feed', () => {
  it('lets the indexes take every pulled record without reading one, up to where the pull ends', async () => {
    const server = memoryDb('server');
    await server.bulkDocs(Array.from({ length: 1200 }, (_, n) => makeCheck(n)));
    const phone = await newPhone(server);
    // The indexes take what the feed told, and keep their place: nothing read from the database.
    await phone.log.persist(true);
    await phone.conflicts.persist(true);
    expect(phone.reads.rows).toBe(0);
    const info = await phone.local.info();
    const snapshot = (await phone.local.get('_local/fieldbook-index-log')) as unknown as {
      seq: number;
    };
    expect(snapshot.seq).toBe(info.update_seq);
    // What they hold equals a full read.
    expect(await phone.log.count()).toBe(1200);
    expect((await phone.conflicts.totalsNow()).get('conflict') ?? 0).toBe(0);
    expect(phone.reads.rows).toBe(0);
    await phone.close();
  });

  it("writes the indexes' snapshots a moment after the pull, not beside its checkpoints", async () => {
    const server = memoryDb('server-snapshot');
    await server.bulkDocs(Array.from({ length: 600 }, (_, n) => makeCheck(n)));
    const phone = await newPhone(server);
    const snapshot = () =>
      phone.local.get('_local/fieldbook-index-log').then(
        (d) => (d as unknown as { seq: number }).seq,
        () => null,
      );
    // Up to date: the checkpoints are set, and the snapshot is not written yet…
    expect(await snapshot()).toBe(null);
    // …but soon after, with everything the pull wrote.
    const { update_seq } = await phone.local.info();
    await expect.poll(snapshot, { timeout: 6000, interval: 200 }).toBe(update_seq);
    expect(phone.reads.rows).toBe(0);
    await phone.close();
  });

  it('reads again when a pulled record has two versions, and then lists the conflict', async () => {
    const server = memoryDb('server-conflict');
    const docs = Array.from({ length: 700 }, (_, n) => makeCheck(n));
    await server.bulkDocs(docs);
    const doc = docs[3];
    const { _rev } = (await server.get(doc._id)) as { _rev: string };
    const [, hash] = _rev.split('-');
    await server.bulkDocs(
      ['a', 'b'].map((c) => ({
        ...doc,
        _rev: `2-${c.repeat(32)}`,
        _revisions: { start: 2, ids: [c.repeat(32), hash] },
      })),
      { new_edits: false },
    );
    const phone = await newPhone(server);
    // The pulled rows said "no conflict"; the read after the pull says otherwise.
    await expect.poll(async () => (await phone.conflicts.totalsSoFar()).get('conflict')).toBe(1);
    expect(phone.reads.rows).toBeGreaterThan(0);
    expect(await phone.log.count()).toBe(700);
    await phone.close();
  });

  it("tells a person's write at once while held, and rewinds the followers when the proof fails", async () => {
    const local = noteWrites(memoryDb('held'));
    const log = logIndexOf(local);
    const stop = log.subscribe(() => undefined);
    const rows: ChangeRow[] = [];
    const follower = followChanges(local, (row) => rows.push(row));
    await settle(50);
    const hold = holdForPull(local);
    // What a pull writes, and tells.
    const asPulled = (n: number) => ({ ...makeCheck(n), _rev: `1-${'c'.repeat(32)}` });
    const pulled = Array.from({ length: 5 }, (_, n) => asPulled(100 + n));
    await local.bulkDocs(pulled, { new_edits: false } as never);
    hold.tell(pulled as unknown as Record<string, unknown>[]);
    expect(rows.map((r) => r.pulled)).toEqual([true, true, true, true, true]);
    // The person records something meanwhile: told from the database, with its sequence.
    const mine = makeCheck(200);
    await local.put(mine);
    await expect.poll(() => rows.some((r) => r.id === mine._id && !r.pulled)).toBe(true);
    expect(rows.find((r) => r.id === mine._id)?.doc?.findings).toBe(mine.findings);
    // Another write nobody told (an import): the proof fails, the index reads from the start.
    const unseen = asPulled(300);
    await local.bulkDocs([unseen], { new_edits: false } as never);
    hold.release(null);
    await expect.poll(() => log.count()).toBe(7);
    stop();
    follower.stop();
  });

  it('tells the screens as soon as the pull ends, not at the pace of the pour', async () => {
    const { local, log, told, stop } = await screensOn('paced');
    // A save of the person's is told at once, by both.
    await local.put(makeCheck(9999));
    await expect.poll(() => told()).toEqual([1, 1]);
    const hold = holdForPull(local);
    const pour = async (from: number) => {
      const docs = pulledChecks(from);
      await local.bulkDocs(docs, { new_edits: false } as never);
      hold.tell(docs as unknown as Record<string, unknown>[]);
    };
    // Records pour in: the screens are not called again within a second and a half…
    await pour(0);
    await pour(1000);
    await settle(1500);
    expect(told()).toEqual([1, 1]);
    // …but the moment the pull ends, they are, with everything it wrote.
    hold.release((await local.info()).update_seq);
    await expect.poll(told, { timeout: 2000 }).toEqual([2, 2]);
    expect(await log.count()).toBe(1201);
    stop();
  });

  it('tells the screens of a first pull when it ends, or after a long while, not at the pour’s pace', async () => {
    const { local, log, told, stop } = await screensOn('once');
    const hold = holdForPull(local);
    const [first, second] = [pulledChecks(0), pulledChecks(1000)];
    await local.bulkDocs([...first, ...second], { new_edits: false } as never);
    // The pulled records pour in for longer than the pour's pace (a weak link)…
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      hold.tell(first as unknown as Record<string, unknown>[]);
      await vi.advanceTimersByTimeAsync(POURING_PACE_MS + 1000);
      // …the index has taken them in meanwhile, and told nobody: the screens wait for the end…
      expect(await log.count()).toBe(600);
      expect(told()).toEqual([0, 0]);
      // …or for a long while: a pull of many minutes still fills the list in.
      await vi.advanceTimersByTimeAsync(FIRST_PULL_PACE_MS);
      expect(told()).toEqual([1, 1]);
      hold.tell(second as unknown as Record<string, unknown>[]);
      await vi.advanceTimersByTimeAsync(POURING_PACE_MS + 1000);
      expect(told()).toEqual([1, 1]);
    } finally {
      vi.useRealTimers();
    }
    // The end: each screen is told at once, with everything.
    hold.release((await local.info()).update_seq);
    await expect.poll(() => told(), { timeout: 2000 }).toEqual([2, 2]);
    expect(await log.count()).toBe(1200);
    await settle(400);
    expect(told()).toEqual([2, 2]);
    stop();
  });

  it("tells the screens of the person's own write at once while a first pull pours in", async () => {
    const { local, told, stop } = await screensOn('own-while-held');
    const watched = () => told()[0];
    const hold = holdForPull(local);
    const docs = pulledChecks(0);
    await local.bulkDocs(docs, { new_edits: false } as never);
    hold.tell(docs as unknown as Record<string, unknown>[]);
    await settle(300);
    expect(watched()).toBe(0); // the pulled records wait for the pour's pace…
    await local.put(makeCheck(5000));
    await expect.poll(watched, { timeout: 1000 }).toBe(1); // …the person's save does not
    hold.release(null);
    stop();
  });
});
