// Reviews: the state a record is in after its reviews (the rule in src/lib/domain/review.ts),
// and the review rules as the app's policy and the server's generated validator judge them.
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../server/design/build.ts';
import type { Author } from '../../src/lib/domain/field-check-factory.ts';
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import { reviewedRecordId, parseId } from '../../src/lib/domain/ids.ts';
import { decide, type Actor } from '../../src/lib/domain/policy/index.ts';
import {
  newReview,
  reviewSchema,
  reviewStateOf,
  type Review,
  type Verdict,
} from '../../src/lib/domain/review.ts';
import { couchRolesFor, type Role } from '../../src/lib/domain/roles.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { makeCheck, officerAuthor } from '../support/fixtures.ts';

const COMMUNE = 'hong-phong';
const chair: Author = { name: 'chutich', role: 'chair', commune: COMMUNE };
const vice: Author = { name: 'phochutich', role: 'viceChair', commune: COMMUNE };
let clock = Date.UTC(2026, 3, 1);
const tick = () => new Date((clock += 60_000));

function sent(n = 1, rev = '2-a'): FieldCheck {
  return { ...makeCheck(n), status: 'submitted', submittedAt: tick().toISOString(), _rev: rev };
}
function review(record: FieldCheck, verdict: Verdict, by: Author = chair, comment = 'Bổ sung ảnh') {
  return reviewSchema.parse(newReview(record, { verdict, comment }, by, tick()));
}

describe('review ids', () => {
  it('start with the record id, name the reviewer, and parse back', () => {
    const record = sent();
    const r = review(record, 'return');
    expect(r._id.startsWith(`review:${record._id}:`)).toBe(true);
    expect(reviewedRecordId(r._id)).toBe(record._id);
    expect(parseId(r._id)?.user).toBe('chutich');
    expect(reviewedRecordId(record._id)).toBeNull();
  });
});

describe('a record’s review state', () => {
  it('waits while nobody has judged its current version', () => {
    const record = sent();
    expect(reviewStateOf(record, []).state).toBe('waiting');
  });

  it('is returned with the comment of the return on its current version', () => {
    const record = sent();
    const r = review(record, 'return', chair, 'Thiếu số hộ được kiểm tra');
    const s = reviewStateOf(record, [r]);
    expect(s.state).toBe('returned');
    expect(s.decisive?.comment).toBe('Thiếu số hộ được kiểm tra');
  });

  it('keeps the return in view while the author corrects, then waits again when resent', () => {
    const record = sent();
    const r = review(record, 'return');
    const correcting = { ...record, status: 'draft' as const, _rev: '3-b' };
    expect(reviewStateOf(correcting, [r])).toMatchObject({ state: 'draft', answering: r });
    const resent = { ...record, status: 'submitted' as const, _rev: '5-c' };
    const s = reviewStateOf(resent, [r]);
    expect(s.state).toBe('waiting');
    expect(s.history).toEqual([r]);
  });

  it('is approved once stamped, with the approval as the decisive verdict', () => {
    const record = sent();
    const a = review(record, 'approve', chair, '');
    const stamped = { ...record, status: 'approved' as const, _rev: '3-z' };
    expect(reviewStateOf(stamped, [a])).toMatchObject({ state: 'approved', decisive: a });
  });

  it('two reviewers disagreeing offline: the approval wins, the return stays as dissent', () => {
    const record = sent();
    const ret = review(record, 'return', vice, 'Sai thôn');
    const ok = review(record, 'approve', chair, '');
    // Before the stamp arrives, and after it: the same answer on every device, in any order.
    for (const reviews of [
      [ret, ok],
      [ok, ret],
    ]) {
      const before = reviewStateOf(record, reviews);
      expect(before.state).toBe('approved');
      expect(before.dissent).toEqual([ret]);
      const after = reviewStateOf({ ...record, status: 'approved', _rev: '3-z' }, reviews);
      expect(after).toMatchObject({ state: 'approved', decisive: ok, dissent: [ret] });
    }
  });

  it('two returns: the newest decides and both stay in the history', () => {
    const record = sent();
    const first = review(record, 'return', vice, 'Sai thôn');
    const second = review(record, 'return', chair, 'Thiếu ảnh');
    const s = reviewStateOf(record, [second, first]);
    expect(s.decisive).toEqual(second);
    expect(s.history).toEqual([first, second]);
  });

  it('ignores a review by the record’s author and one naming another record', () => {
    const record = sent(1);
    const other = sent(2);
    const own = review(record, 'approve', officerAuthor, '');
    const elsewhere = { ...review(other, 'return'), recordId: record._id };
    expect(reviewStateOf(record, [own, elsewhere]).state).toBe('waiting');
  });
});

// ---- the rules, in the app and in the server's validator ------------------------------------------

type Doc = Record<string, unknown>;
type Validate = (n: Doc, o: Doc | null, ctx: { name: string | null; roles: string[] }) => void;
const validators = {
  log: new Function('return ' + validatorSource(COMMUNE, 'log'))() as Validate,
  police: new Function('return ' + validatorSource(COMMUNE, 'police'))() as Validate,
};
const actor = (name: string, role: Role): Actor => ({
  name,
  roles: couchRolesFor(role, COMMUNE),
  commune: COMMUNE,
});

/** The reason both give (they must agree), or null when both accept. */
function judged(who: Actor, doc: Doc, old: Doc | null = null, db: 'log' | 'police' = 'log') {
  const app = decide(who, old, doc, db).reason;
  let server: string | null = null;
  try {
    validators[db](structuredClone(doc), old && structuredClone(old), {
      name: who.name,
      roles: [...who.roles],
    });
  } catch (err) {
    const msg = String((err as { forbidden?: string }).forbidden);
    server = Object.entries(en.policy).find(([, m]) => msg.endsWith(`(${m})`))?.[0] ?? msg;
  }
  expect(server).toBe(app);
  return app;
}

describe('review rules (app and server agree)', () => {
  const record = sent();
  const asChair = actor('chutich', 'chair');

  it('a reviewer may approve or return someone else’s record', () => {
    expect(judged(asChair, review(record, 'approve', chair, ''))).toBeNull();
    expect(judged(asChair, review(record, 'return'))).toBeNull();
    const asVice = actor('phochutich', 'viceChair');
    expect(judged(asVice, review(record, 'return', vice))).toBeNull();
  });

  it('an officer may not review, nor a reviewer their own record', () => {
    const officer = actor('canbo2', 'officer');
    const byOfficer = review(record, 'approve', { ...officerAuthor, name: 'canbo2' }, '');
    expect(judged(officer, byOfficer)).toBe('notReviewer');
    const chairs = { ...makeCheck(9, chair), status: 'submitted', _rev: '2-a' } as FieldCheck;
    expect(judged(asChair, review(chairs, 'approve', chair, ''))).toBe('ownRecord');
  });

  it('a return says what to correct; a review names its record; reviews are never edited', () => {
    expect(judged(asChair, review(record, 'return', chair, '   '))).toBe('commentNeeded');
    const moved = { ...review(record, 'return'), recordId: sent(3)._id };
    expect(judged(asChair, moved)).toBe('wrongRecord');
    const r: Review = { ...review(record, 'return'), _rev: '1-a' };
    expect(judged(asChair, { ...r, comment: 'sửa lại ý kiến' }, r)).toBe('appendOnly');
  });

  it('a police record’s review stays in the police database, written by the chair only', () => {
    const patrol = {
      ...makeCheck(4, { name: 'congan', role: 'police', commune: COMMUNE }, 'security'),
      status: 'submitted',
      _rev: '2-a',
    } as FieldCheck;
    const r = review(patrol, 'approve', chair, '');
    expect(judged(asChair, r, null, 'police')).toBeNull();
    expect(judged(asChair, r, null, 'log')).toBe('wrongDatabase');
    const asVice = actor('phochutich', 'viceChair');
    expect(judged(asVice, review(patrol, 'approve', vice, ''), null, 'police')).toBe('notReviewer');
  });

  it('an approved record is frozen for its author; a return no longer changes the record', () => {
    const officer = actor('canbo', 'officer');
    const approved = { ...record, status: 'approved' } as Doc;
    expect(judged(officer, { ...approved, status: 'draft' }, approved)).toBe('frozen');
    expect(judged(officer, { ...approved, findings: 'sửa' }, approved)).toBe('frozen');
    expect(judged(asChair, { ...record, status: 'returned' }, record as Doc)).toBe('badTransition');
    expect(judged(asChair, { ...record, status: 'approved' }, record as Doc)).toBeNull();
  });
});
