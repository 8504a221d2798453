// SyncEngine's pending count is kept incrementally (it reads only the changes since its last
// count): after writes, edits, pulled records and pushes it equals a full recount of the
// changes since the push checkpoint.
import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../src/lib/data/sync-engine';
import type { Db } from '../../src/lib/data/pouch-types';
import type { SyncEvent } from '../../src/lib/data/sync-status';
import { makeCheck, officerAuthor } from '../support/fixtures';
import { nodeEnvironment } from '../support/harness/node-environment';
import { memoryDb } from '../support/pouch';
import { photoId, photoOwner } from '../../src/lib/domain/photos';

const own = (id: string) => id.split(':').at(-2) === 'canbo';
const chair = { name: 'chutich', role: 'chair', commune: 'hong-phong' };

/** The old way: every change since the push checkpoint, own documents only. */
async function recount(local: Db, pushedSeq: number): Promise<number> {
  const res = await local.changes({ since: pushedSeq, return_docs: true });
  return res.results.filter((r) => own(r.id)).length;
}

function until(engine: SyncEngine, match: (e: SyncEvent) => boolean): Promise<SyncEvent> {
  return new Promise((resolve) => {
    const stop = engine.subscribe((e) => {
      if (!match(e)) return;
      stop();
      resolve(e);
    });
  });
}

describe('SyncEngine pending count', () => {
  it('equals a full recount after writes, pulls, pushes and edits', async () => {
    const local = memoryDb('pending-local');
    const remote = memoryDb('pending-remote');
    const env = nodeEnvironment(true);
    const engine = new SyncEngine(local, remote, 'sync:pending', env, {
      isOwnChange: own,
      countDelayMs: 20,
    });
    const ownDocs = Array.from({ length: 30 }, (_, n) => makeCheck(n, officerAuthor));
    await local.bulkDocs(ownDocs);
    await remote.bulkDocs(Array.from({ length: 40 }, (_, n) => makeCheck(100 + n, chair)));
    expect(await engine.countPending()).toBe(30);
    expect(await engine.countPending()).toBe(await recount(local, 0));

    const caughtUp = until(engine, (e) => e.type === 'pendingCounted' && e.count === 0);
    const paused = until(engine, (e) => e.type === 'paused');
    engine.start();
    await Promise.all([caughtUp, paused]);
    await engine.stop();
    const memory = JSON.parse(env.storage.getItem('sync:pending')!) as { pushedSeq: number };
    expect(memory.pushedSeq).toBeGreaterThan(0);
    expect((await local.allDocs()).rows.length).toBe(70);

    // Offline: new own records, an edit of a pushed one, and someone else's record.
    await local.bulkDocs(Array.from({ length: 5 }, (_, n) => makeCheck(200 + n, officerAuthor)));
    const first = await local.get(ownDocs[0]._id);
    await local.put({ ...first, findings: 'Sửa lại sau khi đã gửi.' });
    await local.put(makeCheck(300, chair));
    expect(await engine.countPending()).toBe(6);
    expect(await engine.countPending()).toBe(await recount(local, memory.pushedSeq));
    await local.put({ ...(await local.get(ownDocs[0]._id)), findings: 'Sửa lần nữa.' });
    expect(await engine.countPending()).toBe(6);
  });
});

describe('SyncEngine pending photos', () => {
  it('counts the person’s photos apart from their records, until they are pushed', async () => {
    const local = memoryDb('pending-photos-local');
    const remote = memoryDb('pending-photos-remote');
    const env = nodeEnvironment(true);
    const isPhoto = (id: string) => photoOwner(id) === 'canbo';
    const engine = new SyncEngine(local, remote, 'sync:photos', env, {
      isOwnChange: (id) => own(id) || isPhoto(id),
      isPhoto,
      countDelayMs: 20,
    });
    const record = makeCheck(1, officerAuthor);
    const other = makeCheck(2, chair);
    const photo = (recordId: string, slot: 1 | 2) => ({ _id: photoId(recordId, slot), n: slot });
    await local.bulkDocs([record, other, photo(record._id, 1), photo(record._id, 2)]);
    await local.put(photo(other._id, 1)); // the chair's photo is not this person's to send
    expect(await engine.countPending()).toBe(3);
    expect(engine.pendingPhotos()).toBe(2);

    const sent = until(engine, (e) => e.type === 'pendingCounted' && e.count === 0);
    engine.start();
    expect(await sent).toEqual({ type: 'pendingCounted', count: 0, photos: 0 });
    await engine.stop();
  });
});
