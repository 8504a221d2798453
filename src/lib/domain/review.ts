// Reviews: a supervisor's verdict on one version of a field check, approve or return with a
// comment. A review is a document of its own, only ever added (never edited), so two reviewers
// working offline never overwrite each other; a record's review state is `reviewStateOf` over
// the record and its reviews, and every device computes the same state from the same set.
//
// The rule, written once (docs/review.md says it in words):
// - A review judges the version it names (`recordRev`). When the author corrects and resends,
//   the record has a new version and earlier verdicts no longer decide anything (they stay in
//   the history).
// - An approval is also written onto the record (`status: approved`, by the reviewer), which
//   freezes it on the server: the policy has no way out of `approved`.
// - Two reviewers disagreeing on the same version (one approves, one returns, both offline):
//   the approval wins, because it has frozen the record on the server; the return is kept and
//   shown beside it as a dissenting opinion, for the supervisors to see. Two returns: the
//   newest decides, every comment is shown.
// - A review by the record's own author, or naming another record, counts for nothing (the
//   server refuses both; a forged one that slipped into a device is ignored here too).
import { z } from 'zod';
import { DOC_TYPES } from './constants';
import type { Author } from './field-check-factory';
import { FIELD_CHECK_KINDS, type FieldCheck, type FieldCheckKind } from './field-check';
import { isoTime, shortText } from './fields';
import { REVIEW_ID_PATTERN, idPattern, makeReviewId, parseId } from './ids';
import { normalizeStrings } from './normalize';

export const REVIEW_VERDICTS = ['approve', 'return'] as const;
export type Verdict = (typeof REVIEW_VERDICTS)[number];
export const REVIEW_VERSION = 1;
export const REVIEW_COMMENT_MAX = 2000;

export const reviewSchema = z.strictObject({
  _id: z.string().regex(REVIEW_ID_PATTERN),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.review),
  schemaVersion: z.literal(REVIEW_VERSION),
  commune: shortText.min(1),
  /** The reviewer. */
  author: shortText.min(1),
  authorRole: shortText.min(1),
  /** The record's kind: it places the review in the record's database (police stays police). */
  kind: z.enum(FIELD_CHECK_KINDS as [FieldCheckKind, ...FieldCheckKind[]]),
  recordId: z.string().regex(idPattern('check')),
  /** The version judged: a verdict decides only while the record is still this version. */
  recordRev: z.string().min(1).max(100),
  verdict: z.enum(REVIEW_VERDICTS),
  /** Required for a return (the policy says so): what the author must correct. */
  comment: z.string().max(REVIEW_COMMENT_MAX),
  createdAt: isoTime,
});
export type Review = z.infer<typeof reviewSchema>;

export interface ReviewInput {
  verdict: Verdict;
  comment: string;
}

/** A review of `record` as it is now (its `_rev`), by `reviewer`. */
export function newReview(
  record: Pick<FieldCheck, '_id' | '_rev' | 'kind' | 'commune'>,
  input: ReviewInput,
  reviewer: Author,
  now: Date,
): Review {
  if (!record._rev) throw new Error('a review judges a stored version of a record');
  return normalizeStrings({
    _id: makeReviewId(record._id, now, reviewer.name),
    type: DOC_TYPES.review,
    schemaVersion: REVIEW_VERSION,
    commune: reviewer.commune,
    author: reviewer.name,
    authorRole: reviewer.role,
    kind: record.kind,
    recordId: record._id,
    recordRev: record._rev,
    verdict: input.verdict,
    comment: input.comment.trim(),
    createdAt: now.toISOString(),
  });
}

/** Where a record stands for its author and the reviewers. */
export type ReviewStateName = 'draft' | 'waiting' | 'returned' | 'approved';

export interface ReviewState {
  state: ReviewStateName;
  /** The verdict that decides the state; null while waiting, or an approval whose review has not arrived. */
  decisive: Review | null;
  /** Verdicts on the same version that disagree with the decisive one (two reviewers offline). */
  dissent: Review[];
  /** A draft being corrected after a return: that return, so its comment stays in view. */
  answering: Review | null;
  /** Every review that counts, oldest first. */
  history: Review[];
}

const byTime = (a: Review, b: Review) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1;
const last = <T>(list: T[]): T | null => (list.length ? list[list.length - 1] : null);

/** The record's author, read from its id (which the server ties to the author). */
const authorOfRecord = (record: Pick<FieldCheck, '_id' | 'author'>) =>
  parseId(record._id)?.user ?? record.author;

/** The reviews that count for `record`: its own, by someone else, of its commune. */
export function validReviews(
  record: Pick<FieldCheck, '_id' | 'author' | 'commune'>,
  reviews: readonly Review[],
): Review[] {
  const author = authorOfRecord(record);
  return reviews
    .filter(
      (r) =>
        r.recordId === record._id &&
        r._id.startsWith(`review:${record._id}:`) &&
        r.author !== author &&
        r.commune === record.commune,
    )
    .sort(byTime);
}

/** The record's review state: the rule at the top of this file. */
export function reviewStateOf(
  record: Pick<FieldCheck, '_id' | '_rev' | 'author' | 'commune' | 'status'>,
  reviews: readonly Review[],
): ReviewState {
  const history = validReviews(record, reviews);
  const approvals = history.filter((r) => r.verdict === 'approve');
  const returns = history.filter((r) => r.verdict === 'return');
  const base = { decisive: null, dissent: [], answering: null, history };
  switch (record.status) {
    case 'approved': {
      const decisive = last(approvals);
      const dissent = decisive ? returns.filter((r) => r.recordRev === decisive.recordRev) : [];
      return { ...base, state: 'approved', decisive, dissent };
    }
    case 'returned':
      // Written by earlier versions of the app, which stamped returns onto the record.
      return { ...base, state: 'returned', decisive: last(returns) };
    case 'draft': {
      const latest = last(history);
      return { ...base, state: 'draft', answering: latest?.verdict === 'return' ? latest : null };
    }
    case 'submitted': {
      const onThis = history.filter((r) => r.recordRev === record._rev);
      const approval = last(onThis.filter((r) => r.verdict === 'approve'));
      const ret = last(onThis.filter((r) => r.verdict === 'return'));
      if (approval) {
        const dissent = onThis.filter((r) => r.verdict === 'return');
        return { ...base, state: 'approved', decisive: approval, dissent };
      }
      if (ret) return { ...base, state: 'returned', decisive: ret };
      return { ...base, state: 'waiting' };
    }
  }
}

/** A record still waits for a verdict (what the review queue lists). */
export const waitsForReview = (state: ReviewState) => state.state === 'waiting';
