// The review indexes against a full recount: which records are sent (in which revision) and
// which revisions have verdicts, after adds, edits, withdrawals and a restart from the
// snapshot; and their totals stay a handful of keys however many records there are.
import { describe, expect, it } from 'vitest';
import { ReviewRepository } from '../../src/lib/data/reviews.repo';
import { statusIndexOf, verdictIndexOf } from '../../src/lib/data/indexes/review-index';
import type { Db } from '../../src/lib/data/pouch-types';
import type { Author } from '../../src/lib/domain/field-check-factory';
import type { FieldCheck } from '../../src/lib/domain/field-check';
import { newReview, reviewSchema, type Verdict } from '../../src/lib/domain/review';
import { makeCheck } from '../support/fixtures';
import { memoryDb } from '../support/pouch';

const chair: Author = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
let clock = Date.UTC(2026, 3, 1);
const tick = () => new Date((clock += 60_000));

async function put<T extends { _id: string; _rev?: string }>(db: Db, doc: T): Promise<T> {
  const res = await db.put(doc as never);
  return { ...doc, _rev: res.rev };
}

async function judge(db: Db, record: FieldCheck, verdict: Verdict) {
  const r = reviewSchema.parse(
    newReview(record, { verdict, comment: 'Bổ sung ảnh' }, chair, tick()),
  );
  await db.put(r as never);
}

/** The review queue read again from every document, by the rule the repository implements. */
async function recountWaiting(db: Db): Promise<string[]> {
  const res = await db.allDocs({ include_docs: true });
  const docs = res.rows.map((r) => r.doc as unknown as Record<string, unknown>);
  const judged = new Set(
    docs
      .filter((d) => d.type === 'review')
      .map((d) => `${String(d.recordId)}|${String(d.recordRev)}`),
  );
  return docs
    .filter((d) => d.type === 'fieldCheck' && d.status === 'submitted')
    .filter((d) => !judged.has(`${String(d._id)}|${String(d._rev)}`))
    .map((d) => String(d._id))
    .sort();
}

const ids = (records: FieldCheck[]) => records.map((r) => r._id).sort();

describe('review indexes', () => {
  it('keep the queue and the returned list equal to a full recount through edits and a restart', async () => {
    const db = memoryDb('review-index');
    const records: FieldCheck[] = [];
    for (let n = 0; n < 40; n++) {
      const draft = await put(db, makeCheck(n));
      records.push(
        n % 4 === 0
          ? draft
          : await put(db, { ...draft, status: 'submitted', submittedAt: tick().toISOString() }),
      );
    }
    // Verdicts on some sent records; one returned record is corrected and sent again.
    await judge(db, records[1], 'return');
    await judge(db, records[2], 'approve');
    await judge(db, records[5], 'return');
    records[5] = await put(db, { ...records[5], findings: 'Đã bổ sung ảnh.' });
    // A withdrawn record leaves the queue; a deleted draft leaves everything.
    records[6] = await put(db, { ...records[6], status: 'draft' });
    await db.remove(records[8]._id, records[8]._rev!);

    const repo = new ReviewRepository(db);
    expect(ids(await repo.waiting())).toEqual(await recountWaiting(db));
    // Record 5's new version was sent after its return: it waits in the queue again.
    expect(ids((await repo.returnedTo('canbo')).map((r) => r.record))).toEqual([records[1]._id]);
    expect(ids(await repo.waiting())).toContain(records[5]._id);
    expect(await repo.returnedTo('someone-else')).toEqual([]);

    // Totals are counted under the status, and the author with the verdict.
    const statuses = await statusIndexOf(db).totalsNow();
    expect([...statuses.keys()].sort()).toEqual(['draft', 'submitted']);
    const all = await db.allDocs({
      startkey: 'check:',
      endkey: 'check:\uffff',
      include_docs: true,
    });
    const drafts = all.rows.filter((r) => (r.doc as unknown as FieldCheck).status === 'draft');
    expect(statuses.get('draft')).toBe(drafts.length);
    expect(drafts.length).toBe(10); // 10 made as drafts, one withdrawn, one deleted
    const verdicts = await verdictIndexOf(db).totalsNow();
    expect(Object.fromEntries(verdicts)).toEqual({ 'canbo|return': 2, 'canbo|approve': 1 });

    // A restart reads the snapshot (totals first), then what changed since.
    await statusIndexOf(db).persist();
    await verdictIndexOf(db).persist();
    await judge(db, records[9], 'return');
    const again = new ReviewRepository(Object.create(db) as Db);
    expect(ids(await again.waiting())).toEqual(await recountWaiting(db));
    expect((await again.returnedTo('canbo')).map((r) => r.record._id)).toContain(records[9]._id);
  });
});
