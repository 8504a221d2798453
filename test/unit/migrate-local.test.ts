// Migrations on the device when a database opens: this person's unsent records of an older
// version are rewritten (the server would refuse them), what the server already has and other
// people's records are left to the server's own migration, and each run is logged.
import { describe, expect, it } from 'vitest';
import {
  MIGRATION_LOG_ID,
  migrateOnOpen,
  readMigrationLog,
} from '../../src/lib/data/migrate-local.ts';
import { parseId } from '../../src/lib/domain/ids.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import { progressUpdateSchema } from '../../src/lib/domain/progress.ts';
import { memoryDb } from '../support/pouch.ts';

const item = loadPlan2023().items.find((i) => i.code === '2.1.3')!;
const NAME = 'progressUpdate-2-positions-and-complete';

/** A progress update as version 1 stored it. */
function v1(author: string, n: number, status = 'done', percent: number | null = 40) {
  return {
    _id: `progress:2023-09-0${n}T02:03:04.005Z:${author}:abcd123${n}`,
    type: 'progressUpdate',
    schemaVersion: 1,
    commune: 'hong-phong',
    planItemId: item._id,
    author,
    authorRole: 'officer',
    status,
    percent,
    value: null,
    criterionId: null,
    note: 'Cập nhật cũ',
    createdAt: `2023-09-0${n}T02:03:04.005Z`,
  };
}

const isOwn = (id: string) => parseId(id)?.user === 'canbo';

describe('migrations on the device', () => {
  it('rewrite only own unsent records, log the counts, and find nothing the second time', async () => {
    const db = memoryDb('migrate');
    const sent = await db.put(v1('canbo', 1));
    const checkpoint = (await db.info()).update_seq;
    await db.put(v1('canbo', 2));
    await db.put(v1('canbo', 3, 'inProgress', 100));
    await db.put(v1('chutich', 4)); // someone else's, pulled: the server migrates it

    const log = await migrateOnOpen(db, { since: checkpoint, isOwn, now: '2026-11-27T10:00:00Z' });
    expect(log).toMatchObject({ runs: 1, counts: { [NAME]: 2 }, last: { [NAME]: 2 } });

    const two = progressUpdateSchema.parse(await db.get(v1('canbo', 2)._id));
    expect(two).toMatchObject({ schemaVersion: 2, status: 'done', percent: 100 });
    const three = progressUpdateSchema.parse(await db.get(v1('canbo', 3)._id));
    expect(three).toMatchObject({ schemaVersion: 2, percent: null });
    // Left alone: what the server has, and another person's record.
    expect(await db.get(v1('canbo', 1)._id)).toMatchObject({ _rev: sent.rev, schemaVersion: 1 });
    expect(await db.get(v1('chutich', 4)._id)).toMatchObject({ schemaVersion: 1 });

    const again = await migrateOnOpen(db, {
      since: checkpoint,
      isOwn,
      now: '2026-11-27T11:00:00Z',
    });
    expect(again).toMatchObject({ runs: 2, counts: { [NAME]: 2 }, last: {} });
    expect(await readMigrationLog(db)).toMatchObject({ _id: MIGRATION_LOG_ID, runs: 2 });
    // The log is a `_local` document: it never replicates, and is no change to send.
    const changes = await db.changes({ since: 0 });
    expect(changes.results.map((r) => r.id)).not.toContain(MIGRATION_LOG_ID);
  });

  it('on a database never opened before, the log starts empty', async () => {
    const log = await readMigrationLog(memoryDb('fresh'));
    expect(log).toMatchObject({ runs: 0, lastRunAt: null, counts: {} });
  });

  it('a database never written is left as it is: nothing read, no run logged', async () => {
    const db = memoryDb('empty');
    const log = await migrateOnOpen(db, { since: 0, isOwn, now: '2026-11-28T10:00:00Z' });
    expect(log).toMatchObject({ runs: 0, lastRunAt: null, counts: {} });
    expect((await db.info()).update_seq).toBe(0);
    expect(await readMigrationLog(db)).toMatchObject({ runs: 0 });
  });
});
