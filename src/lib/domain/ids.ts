// Time-ordered document ids: `<prefix>:<ISO time>:<user>:<random>`. Sorting ids sorts by time,
// so the log is a range read, and the random tail keeps two devices from ever colliding.

export type IdPrefix = 'check' | 'progress' | 'review' | 'task' | 'taskevent' | 'resolution';

const ID_PATTERN =
  /^(check|progress|review|task):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):([^:]+):([a-z0-9]{8})$/;

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
  const m =
    ID_PATTERN.exec(id) ??
    REVIEW_ID_PATTERN.exec(id) ??
    TASK_EVENT_ID_PATTERN.exec(id) ??
    RESOLUTION_ID_PATTERN.exec(id);
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

// A task's events (closing it: done or not done) name the task the same way
// (`taskevent:<task id>:<time>:<user>:<random>`): one range read per task, and the server reads
// which task from the id.
const TASK_EVENT_ID_PATTERN = new RegExp(
  String.raw`^(taskevent):task:${TIME}:[^:]+:[a-z0-9]{8}:(${TIME}):([^:]+):([a-z0-9]{8})$`,
);
export { TASK_EVENT_ID_PATTERN };

export function makeTaskEventId(taskId: string, at: Date, user: string, random = randomSuffix()) {
  if (!ID_PATTERN.test(taskId) || !taskId.startsWith('task:')) throw new Error('not a task id');
  if (!user || user.includes(':')) throw new Error('user name must be non-empty and free of ":"');
  return `taskevent:${taskId}:${at.toISOString()}:${user}:${random}`;
}

// A conflict's resolution names its record the same way (`resolution:<record id>:<time>:<user>:
// <random>`): the tombstones of the versions it removed carry its id.
const RESOLUTION_ID_PATTERN = new RegExp(
  String.raw`^(resolution):check:${TIME}:[^:]+:[a-z0-9]{8}:(${TIME}):([^:]+):([a-z0-9]{8})$`,
);
export { RESOLUTION_ID_PATTERN };

export function makeResolutionId(
  recordId: string,
  at: Date,
  user: string,
  random = randomSuffix(),
) {
  if (!ID_PATTERN.test(recordId) || !recordId.startsWith('check:'))
    throw new Error('not a record id');
  if (!user || user.includes(':')) throw new Error('user name must be non-empty and free of ":"');
  return `resolution:${recordId}:${at.toISOString()}:${user}:${random}`;
}

/** The task a record's follow-up became: the record id's time, author and random tail. */
export const followUpTaskId = (recordId: string) => `task:${recordId.slice('check:'.length)}`;

/** Bounds for a range read of one prefix, newest first with `descending: true`. */
export function idRange(prefix: IdPrefix): { startkey: string; endkey: string } {
  return { startkey: `${prefix}:\uffff`, endkey: `${prefix}:` };
}

/** The id pattern of one prefix, for schemas (JSON-Schema friendly: a plain regex). */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(ID_PATTERN.source.replace('(check|progress|review|task)', prefix));
}

export { ID_PATTERN };
