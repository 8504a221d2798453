// Time-ordered document ids: `<prefix>:<ISO time>:<user>:<random>`. Sorting ids sorts by time,
// so the log is a range read, and the random tail keeps two devices from ever colliding.

export type IdPrefix = 'check' | 'progress' | 'review';

const ID_PATTERN =
  /^(check|progress|review):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):([^:]+):([a-z0-9]{8})$/;

export function randomSuffix(): string {
  const bytes = new Uint8Array(5);
  crypto.getRandomValues(bytes);
  // 40 bits as 8 base-32 characters.
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n.toString(32).padStart(8, '0');
}

export function makeId(prefix: IdPrefix, at: Date, user: string, random = randomSuffix()): string {
  if (!user || user.includes(':')) throw new Error('user name must be non-empty and free of ":"');
  return `${prefix}:${at.toISOString()}:${user}:${random}`;
}

export interface ParsedId {
  prefix: IdPrefix;
  at: string;
  user: string;
  random: string;
}

export function parseId(id: string): ParsedId | null {
  const m = ID_PATTERN.exec(id) ?? REVIEW_ID_PATTERN.exec(id);
  if (!m) return null;
  return { prefix: m[1] as IdPrefix, at: m[2], user: m[3], random: m[4] };
}

// A review's id starts with the id of the record it judges (`review:<record id>:<time>:<user>:
// <random>`): a record's reviews are one range read, and the server's validator reads the
// record's author from the id itself, so nobody can review their own record under a forged name.
const TIME = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const REVIEW_ID_PATTERN = new RegExp(
  String.raw`^(review):check:${TIME}:[^:]+:[a-z0-9]{8}:(${TIME}):([^:]+):([a-z0-9]{8})$`,
);

export function makeReviewId(recordId: string, at: Date, user: string, random = randomSuffix()) {
  if (!ID_PATTERN.test(recordId) || !recordId.startsWith('check:'))
    throw new Error('not a record id');
  if (!user || user.includes(':')) throw new Error('user name must be non-empty and free of ":"');
  return `review:${recordId}:${at.toISOString()}:${user}:${random}`;
}

/** The record a review id names, or null. */
export function reviewedRecordId(reviewId: string): string | null {
  const m = /^review:(check:.+):[^:]+:[^:]+:[^:]+:[^:]+:[^:]+$/.exec(reviewId);
  return m && REVIEW_ID_PATTERN.test(reviewId) ? m[1] : null;
}

/** Bounds for the range read of one record's reviews, oldest first. */
export function reviewRange(recordId: string): { startkey: string; endkey: string } {
  return { startkey: `review:${recordId}:`, endkey: `review:${recordId}:\uffff` };
}

export { REVIEW_ID_PATTERN };

/** Bounds for a range read of one prefix, newest first with `descending: true`. */
export function idRange(prefix: IdPrefix): { startkey: string; endkey: string } {
  return { startkey: `${prefix}:\uffff`, endkey: `${prefix}:` };
}

/** The id pattern of one prefix, for schemas (JSON-Schema friendly: a plain regex). */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(ID_PATTERN.source.replace('(check|progress|review)', prefix));
}

export { ID_PATTERN };
