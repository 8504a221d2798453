// Reviews against the running server over HTTP (/db): who may review is enforced by the server,
// not only by the screens; reviews are append-only; an approved record is frozen; and two
// reviewers judging the same record offline both keep their verdict after sync.
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckLog } from '../../src/lib/data/check-log.ts';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { ReviewLog, ReviewRepository } from '../../src/lib/data/reviews.repo.ts';
import type { Db } from '../../src/lib/data/pouch-types.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import type { Author } from '../../src/lib/domain/field-check-factory.ts';
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import type { Actor as PolicyActor } from '../../src/lib/domain/policy/index.ts';
import { newReview, reviewStateOf, type Review } from '../../src/lib/domain/review.ts';
import { couchRolesFor } from '../../src/lib/domain/roles.ts';
import { adminCouch } from '../../server/provision/couch.ts';
import { ensureUser } from '../../server/provision/steps.ts';
import { ACTORS, authorOf, COMMUNE } from '../fixtures/hostile-docs.ts';
import { makeCheck } from '../support/fixtures.ts';
import { httpDb, memoryDb, PouchDB } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames(COMMUNE).log;
type Who = 'officer' | 'officer2' | 'chair' | 'reviewer' | 'hamletHead';

beforeAll(async () => {
  const couch = adminCouch(server.couchUrl, server.admin);
  for (const who of ['officer2', 'reviewer', 'hamletHead'] as const)
    await ensureUser(couch, ACTORS[who]);
});

const login = (who: Who) => ({ name: ACTORS[who].name, password: ACTORS[who].password });
const remote = (who: Who) => httpDb(server.url, LOG, login(who));
const actorOf = (who: Who): PolicyActor => {
  const u = ACTORS[who];
  return { name: u.name, roles: couchRolesFor(u.role, u.commune, u.position), commune: COMMUNE };
};

/** A PUT as `who`: the status and CouchDB's reason. */
async function put(
  who: Who,
  doc: { _id: string; [k: string]: unknown },
): Promise<{ status: number; reason: string }> {
  const { name, password } = login(who);
  const res = await fetch(`${server.url}/db/${LOG}/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64'),
      'content-type': 'application/json',
    },
    body: JSON.stringify(doc),
  });
  const body = (await res.json()) as { reason?: string; rev?: string };
  return { status: res.status, reason: body.reason ?? body.rev ?? '' };
}

/** A sent record by the officer, stored on the server; returns it with its revision. */
async function sentRecord(n: number): Promise<FieldCheck> {
  const draft = makeCheck(n, authorOf('officer'));
  const doc = { ...draft, status: 'submitted' as const, submittedAt: draft.createdAt };
  const res = await put('officer', doc);
  expect(res.status).toBe(201);
  return { ...doc, _rev: res.reason };
}

const reviewBy = (who: Who, record: FieldCheck, verdict: 'approve' | 'return', comment = '') =>
  newReview(record, { verdict, comment }, authorOf(who) as Author, new Date());

describe('the server enforces who reviews', () => {
  it('refuses a review from an officer or a hamlet head, and from the record’s author', async () => {
    const record = await sentRecord(801);
    for (const who of ['officer2', 'hamletHead', 'officer'] as const) {
      const res = await put(who, reviewBy(who, record, 'approve'));
      expect(res.status, who).toBe(403);
      expect(res.reason).toMatch(/only reviewers review/);
    }
    // A chair's own record: a reviewer role, but never their own record.
    const own = makeCheck(802, authorOf('chair'));
    const stored = await put('chair', { ...own, status: 'submitted', submittedAt: own.createdAt });
    expect(stored.status).toBe(201);
    const selfReview = reviewBy('chair', { ...own, _rev: stored.reason }, 'approve');
    expect(await put('chair', selfReview)).toMatchObject({ status: 403 });
    expect((await put('chair', selfReview)).reason).toMatch(/nobody reviews their own record/);
    // Nothing of it was stored.
    const reviews = await new ReviewRepository(remote('chair') as Db).forRecord(record._id);
    expect(reviews).toEqual([]);
  });

  it('refuses a return without a comment, an edit or deletion of a review', async () => {
    const record = await sentRecord(803);
    const empty = await put('chair', reviewBy('chair', record, 'return', '  '));
    expect(empty).toMatchObject({ status: 403 });
    expect(empty.reason).toMatch(/a return must say what to correct/);

    const review = reviewBy('chair', record, 'return', 'Thiếu số hộ được kiểm tra');
    const stored = await put('chair', review);
    expect(stored.status).toBe(201);
    const edited = await put('chair', { ...review, _rev: stored.reason, comment: 'khác' } as never);
    expect(edited).toMatchObject({ status: 403 });
    expect(edited.reason).toMatch(/append-only/);
    const gone = await put('chair', {
      _id: review._id,
      _rev: stored.reason,
      _deleted: true,
    } as never);
    expect(gone.status).toBe(403);
    const onServer = (await remote('officer').get(review._id)) as unknown as Review;
    expect(onServer.comment).toBe('Thiếu số hộ được kiểm tra');
  });

  it('lets a reviewer approve; the approved record is frozen for its author', async () => {
    const record = await sentRecord(804);
    expect((await put('reviewer', reviewBy('reviewer', record, 'approve'))).status).toBe(201);
    const stamped = await put('reviewer', { ...record, status: 'approved' });
    expect(stamped.status).toBe(201);
    const approved = { ...record, status: 'approved' as const, _rev: stamped.reason };
    const change = await put('officer', { ...approved, findings: 'sửa sau khi duyệt' });
    expect(change).toMatchObject({ status: 403 });
    expect(change.reason).toMatch(/approved records are final/);
    const back = await put('officer', { ...approved, status: 'draft' });
    expect(back.reason).toMatch(/approved records are final/);
    // An officer cannot stamp an approval either.
    const other = await sentRecord(805);
    const forged = await put('officer2', { ...other, status: 'approved' });
    expect(forged.reason).toMatch(/only reviewers review/);
  });
});

describe('two reviewers offline', () => {
  it('both verdicts reach the server; the approval wins and the return is kept', async () => {
    const phone = (who: Who) => {
      const db = memoryDb(who);
      const checks = new CheckLog({ log: new FieldCheckRepository(db, undefined, actorOf(who)) });
      const reviews = new ReviewLog(
        { log: new ReviewRepository(db, undefined, actorOf(who)) },
        checks,
      );
      return { db, checks, reviews };
    };
    const sync = (p: { db: Db }, who: Who) => PouchDB.sync(p.db, remote(who));
    const record = await sentRecord(806);
    const chair = phone('chair');
    const reviewer = phone('reviewer');
    await sync(chair, 'chair');
    await sync(reviewer, 'reviewer');
    expect((await chair.reviews.waiting()).map((r) => r._id)).toContain(record._id);

    // Offline, each judges the same version.
    const seen = (await chair.checks.get(record._id))!;
    await chair.reviews.approve(seen, '', authorOf('chair'));
    const seen2 = (await reviewer.checks.get(record._id))!;
    await reviewer.reviews.return(seen2, 'Ảnh chụp chưa rõ', authorOf('reviewer'));

    const a = await sync(chair, 'chair');
    const b = await sync(reviewer, 'reviewer');
    expect((a.push?.doc_write_failures ?? 0) + (b.push?.doc_write_failures ?? 0)).toBe(0);
    expect(a.push?.docs_written).toBeGreaterThan(0);

    const officer = phone('officer');
    await sync(officer, 'officer');
    const onPhone = (await officer.checks.get(record._id))!;
    const state = reviewStateOf(onPhone, await officer.reviews.forRecord(onPhone));
    expect(state.state).toBe('approved');
    expect(state.decisive?.author).toBe(ACTORS.chair.name);
    expect(state.dissent.map((r) => r.comment)).toEqual(['Ảnh chụp chưa rõ']);
    expect(state.history).toHaveLength(2);
    expect(await officer.reviews.waiting()).not.toContainEqual(
      expect.objectContaining({ _id: record._id }),
    );
  });
});
