// The log's review-state filter and the states its rows show come from the review indexes,
// because a return is a review document and leaves the record's status at "submitted". They
// must agree with reviewStateOf over the record and its reviews, for every state.
import { describe, expect, it, vi } from 'vitest';
import { CheckLog } from '../../src/lib/data/check-log';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo';
import { logIndexOf } from '../../src/lib/data/indexes/log-index';
import { statusIndexOf, verdictIndexOf } from '../../src/lib/data/indexes/review-index';
import { chunkOf } from '../../src/lib/data/indexes/snapshot';
import type { Db } from '../../src/lib/data/pouch-types';
import { REVIEW_STATES } from '../../src/lib/data/review-states';
import { ReviewRepository } from '../../src/lib/data/reviews.repo';
import type { Author } from '../../src/lib/domain/field-check-factory';
import type { FieldCheck } from '../../src/lib/domain/field-check';
import { reviewStateOf, type ReviewStateName } from '../../src/lib/domain/review';
import { makeCheck, officerAuthor } from '../support/fixtures';
import { memoryDb } from '../support/pouch';

const chair: Author = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
const vice: Author = { name: 'phochutich', role: 'viceChair', commune: 'hong-phong' };

describe('review states of the merged log', () => {
  it('filter by the verdicts, not by the record’s status, and agree with reviewStateOf', async () => {
    const db = memoryDb('review-states');
    let now = Date.UTC(2026, 3, 1);
    const clock = () => new Date((now += 60_000));
    const checks = new FieldCheckRepository(db, clock);
    const reviews = new ReviewRepository(db, clock);
    const log = new CheckLog({ log: checks });

    const put = async (n: number, status: FieldCheck['status']) => {
      const doc = makeCheck(n, officerAuthor, 'environment', new Date(Date.UTC(2026, 2, n)));
      doc.status = status;
      doc.submittedAt = status === 'draft' ? null : doc.updatedAt;
      const res = await db.put(doc);
      return { ...doc, _rev: res.rev };
    };
    const want = new Map<string, ReviewStateName>();
    const draft = await put(1, 'draft');
    want.set(draft._id, 'draft');
    const waiting = await put(2, 'submitted');
    want.set(waiting._id, 'waiting');
    // Returned: a review only, the record still says "submitted".
    const returned = await put(3, 'submitted');
    await reviews.add(returned, { verdict: 'return', comment: 'Thiếu ảnh' }, chair);
    want.set(returned._id, 'returned');
    // Returned, corrected and sent again: the old verdict judged another version.
    const resent = await put(4, 'submitted');
    await reviews.add(resent, { verdict: 'return', comment: 'Sai số hộ' }, chair);
    const corrected = await checks.submit(await checks.reopen(resent));
    want.set(corrected._id, 'waiting');
    // Two reviewers offline on the same version: the approval wins before its stamp arrives.
    const both = await put(5, 'submitted');
    await reviews.add(both, { verdict: 'return', comment: 'Bổ sung' }, chair);
    await reviews.add(both, { verdict: 'approve', comment: '' }, vice);
    want.set(both._id, 'approved');
    // Approved and stamped.
    const approved = await put(6, 'submitted');
    await reviews.add(approved, { verdict: 'approve', comment: '' }, chair);
    await db.put({ ...approved, status: 'approved' }); // the reviewer's stamp
    want.set(approved._id, 'approved');
    // Stamped "returned" by an earlier version of the app.
    const legacy = await put(7, 'returned');
    want.set(legacy._id, 'returned');
    // Being corrected after a return: a draft again.
    const answering = await put(8, 'submitted');
    await reviews.add(answering, { verdict: 'return', comment: 'Sửa địa điểm' }, chair);
    await checks.reopen(answering);
    want.set(answering._id, 'draft');

    // The reference: the domain's rule over each record and all its reviews.
    for (const [id, state] of want) {
      const record = (await checks.get(id))!;
      expect(reviewStateOf(record, await reviews.forRecord(id)).state).toBe(state);
    }
    for (const state of REVIEW_STATES) {
      const ids = [...want].filter(([, s]) => s === state).map(([id]) => id);
      const rows = await log.findRows({ review: state }, 50);
      expect(rows.items.map((r) => r._id).sort(), state).toEqual(ids.sort());
      expect(rows.items.every((r) => r.state === state)).toBe(true);
      expect(await log.count({ review: state })).toBe(ids.length);
      const records = await log.find({ review: state }, 50);
      expect(records.items.map((r) => r._id).sort()).toEqual(ids.sort());
    }
    // The plain list shows the same states.
    const newest = await log.newestListed(50);
    expect(new Map(newest.items.map((r) => [r._id, r.state]))).toEqual(want);
  });

  it('follow a verdict arriving: the list is told, the row changes state', async () => {
    const db = memoryDb('review-states-live');
    const checks = new FieldCheckRepository(db);
    const reviews = new ReviewRepository(db);
    const log = new CheckLog({ log: checks });
    const doc = makeCheck(1, officerAuthor, 'environment', new Date(Date.UTC(2026, 2, 1)));
    doc.status = 'submitted';
    const record = { ...doc, _rev: (await db.put(doc)).rev };
    expect((await log.findRows({ review: 'waiting' }, 10)).items).toHaveLength(1);
    let told = 0;
    const stop = log.watchLog(() => told++);
    await reviews.add(record, { verdict: 'return', comment: 'Thiếu ảnh' }, chair);
    await expect.poll(() => told, { timeout: 5000 }).toBeGreaterThan(0);
    stop();
    expect((await log.findRows({ review: 'waiting' }, 10)).items).toHaveLength(0);
    const rows = await log.findRows({ review: 'returned' }, 10);
    expect(rows.items.map((r) => [r._id, r.state])).toEqual([[record._id, 'returned']]);
  });

  it('a list that watches the verdicts reads without waiting for a burst, then is told', async () => {
    const db = memoryDb('review-states-burst');
    const checks = new FieldCheckRepository(db);
    const reviews = new ReviewRepository(db);
    const log = new CheckLog({ log: checks });
    const at = (n: number) => new Date(Date.UTC(2026, 2, 1, 0, n));
    const first = makeCheck(1, officerAuthor, 'environment', at(1));
    first.status = 'submitted';
    const record = { ...first, _rev: (await db.put(first)).rev };
    expect((await log.newestListed(10)).items.map((r) => r.state)).toEqual(['waiting']);
    let told = 0;
    const stop = log.watchVerdicts(() => told++);
    // Kept: the next start reads the snapshot, as a phone reopening the app.
    await checks.reviewStates.verdicts();
    // A burst arrives (a sync): many records and, among them, the verdict on the first.
    const burst = Array.from({ length: 600 }, (_, i) => {
      const doc = makeCheck(i + 2, officerAuthor, 'environment', at(i + 2));
      return { ...doc, status: 'submitted' as const };
    });
    await db.bulkDocs(burst);
    await reviews.add(record, { verdict: 'approve', comment: '' }, chair);
    // The list reads what the index holds now, without asking it to read the burst through.
    const verdictIndex = verdictIndexOf(db);
    const catchUps = vi.spyOn(verdictIndex, 'catchUp');
    const now = await log.newestListed(700);
    expect(now.items).toHaveLength(601);
    expect(catchUps).not.toHaveBeenCalled();
    catchUps.mockRestore();
    // Then the index takes the burst in and tells the list, which reads the verdict.
    await expect.poll(() => told, { timeout: 10_000 }).toBeGreaterThan(0);
    const later = await log.newestListed(700);
    expect(later.items.find((r) => r._id === record._id)?.state).toBe('approved');
    expect(later.items.filter((r) => r.state === 'waiting')).toHaveLength(600);
    stop();
  });

  it('a filter by review state after a restart reads only the judged records’ months of the status index', async () => {
    const db = memoryDb('review-states-restart');
    const reviews = new ReviewRepository(db);
    // Twelve months of sent records, two of them judged (in March and in October).
    const docs = Array.from({ length: 120 }, (_, n) => {
      const doc = makeCheck(
        n,
        officerAuthor,
        'environment',
        new Date(Date.UTC(2025, n % 12, 1 + (n % 27))),
      );
      return { ...doc, status: 'submitted' as const };
    });
    const revs = await db.bulkDocs(docs);
    const sent = docs.map((d, i) => ({ ...d, _rev: (revs[i] as { rev: string }).rev }));
    await reviews.add(sent[2], { verdict: 'return', comment: 'Thiếu ảnh' }, chair);
    await reviews.add(sent[9], { verdict: 'approve', comment: '' }, chair);
    const before = new CheckLog({ log: new FieldCheckRepository(db) });
    const hamlet = sent[2].hamlet;
    const expected = async (log: CheckLog, state: ReviewStateName) =>
      (await log.findRows({ review: state, hamlet }, 50)).items.map((r) => r._id).sort();
    const waiting = await expected(before, 'waiting');
    expect(waiting).toHaveLength(9); // ten of the hamlet's, one of them returned
    await statusIndexOf(db).persist();
    await verdictIndexOf(db).persist();
    await logIndexOf(db).persist();

    // The app opens again: fresh indexes over the same database.
    const again = Object.create(db) as Db;
    const gets: string[] = [];
    const get = db.get.bind(db);
    (again as unknown as { get: unknown }).get = (id: string, opts?: object) => {
      gets.push(id);
      return get(id, opts as never);
    };
    const after = new CheckLog({ log: new FieldCheckRepository(again) });
    expect(await expected(after, 'waiting')).toEqual(waiting);
    expect(await expected(after, 'returned')).toEqual([sent[2]._id]);
    const statusChunks = gets.filter((id) => id.startsWith('_local/fieldbook-index-check-status:'));
    expect(new Set(statusChunks)).toEqual(
      new Set(
        [sent[2], sent[9]].map((d) => `_local/fieldbook-index-check-status:${chunkOf(d._id)}`),
      ),
    );
  });
});
