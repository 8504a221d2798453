// What the log index keeps of one field check, and how a filter and a search match it. Pure
// functions, shared by the index, its tests and any reader that must agree with them.
import { CHECK_STATUSES, type CheckStatus } from '$lib/domain/field-check';
import { searchKey } from '$lib/domain/text';
import { kindOf, type FieldCheckKind } from '$lib/kinds';

/** What a list row shows of a record: the index has it, so a filtered page reads no record. */
export interface LogRow {
  _id: string;
  kind: FieldCheckKind;
  /** The review state: the record's status (draft, submitted, approved, returned). */
  status: CheckStatus;
  hamlet: string;
  place: string;
  startedAt: string;
  author: string;
  authorRole: string;
  /** The record's photo slots, so the row shows its first photo's thumbnail. */
  photos?: number[];
}

/** One record as the merged log filters and searches it (the winning revision). */
export interface LogEntry {
  id: string;
  kind: FieldCheckKind;
  hamlet: string;
  author: string;
  status: CheckStatus;
  place: string;
  startedAt: string;
  authorRole: string;
  planItems: string[];
  /** The day the work started, in Vietnam: `YYYY-MM-DD`. */
  day: string;
  /** Every distinct word of its text, diacritics and case removed: ` ve sinh thon `. */
  words: string;
  /** The record's photo slots (1–6), for the row's thumbnail. */
  photos: number[];
}

/** What a person asks of the merged log; every part is optional, all parts must match. */
export interface LogFilter {
  /** Any of these kinds (empty or absent: every kind). */
  kinds?: readonly string[];
  hamlet?: string | null;
  author?: string | null;
  status?: string | null;
  /** A plan item's code: the record names it, or one of its sub-items ("2.3" finds "2.3.7"). */
  planItem?: string | null;
  /** Work started on or after this day (`YYYY-MM-DD`, Vietnam). */
  from?: string | null;
  /** …and on or before this day. */
  to?: string | null;
  /** Words, each the start of a word of the record, diacritics and case ignored. */
  text?: string | null;
  /**
   * The review state as a person sees it (draft, waiting, returned, approved): the verdicts
   * live in review documents, so the log index cannot test it; `FieldCheckRepository.indexFilter`
   * turns it into `reviewed`.
   */
  review?: string | null;
  /** Only these records (a set worked out elsewhere). */
  ids?: ReadonlySet<string> | null;
  /** The review state as the log index can test it (worked out from `review`). */
  reviewed?: ReviewMatch | null;
}

/**
 * A review state in terms of the log's entries: a record whose status is one of `statuses`, or
 * one of the few records whose verdicts put them in the state (`plus`), never one whose
 * verdicts take them out (`minus`).
 */
export interface ReviewMatch {
  statuses: readonly string[];
  plus: ReadonlySet<string>;
  minus: ReadonlySet<string>;
}

/** The day in Vietnam (UTC+7, no daylight saving) of an ISO instant. */
export const vnDay = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

/** The words of `text` for search: diacritics, case and punctuation gone. */
export function wordsOf(text: string): string[] {
  return searchKey(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const clean = (s: unknown) => (typeof s === 'string' ? s.replace(/[\t\n]/g, ' ') : '');

/** Every string a record holds that a person may search for, in any kind's details too. */
function textOf(doc: Record<string, unknown>): string {
  const parts: unknown[] = [
    doc.hamlet,
    doc.place,
    doc.findings,
    doc.recommendations,
    doc.note,
    doc.author,
  ];
  if (Array.isArray(doc.participants)) parts.push(...doc.participants);
  const followUp = doc.followUp as Record<string, unknown> | null | undefined;
  if (followUp) parts.push(followUp.what, followUp.who);
  const details = doc.details as Record<string, unknown> | null | undefined;
  if (details && typeof details === 'object') parts.push(...Object.values(details));
  return parts.filter((p): p is string => typeof p === 'string').join(' ');
}

/** The entry of a stored document, or null when it is not a readable field check. */
export function logEntryOf(id: string, doc: Record<string, unknown>): LogEntry | null {
  if (doc.type !== 'fieldCheck' || typeof doc.startedAt !== 'string') return null;
  const started = Date.parse(doc.startedAt);
  if (!Number.isFinite(started)) return null;
  // A kind or state this app does not know (a newer app's record) is left to the record's own
  // reader, which reports what it cannot read.
  if (typeof doc.kind !== 'string' || !kindOf(doc.kind)) return null;
  if (!(CHECK_STATUSES as readonly unknown[]).includes(doc.status)) return null;
  const words = [...new Set(wordsOf(textOf(doc)))];
  return {
    id,
    kind: doc.kind as FieldCheckKind,
    hamlet: clean(doc.hamlet),
    author: clean(doc.author),
    status: doc.status as CheckStatus,
    place: clean(doc.place),
    startedAt: doc.startedAt,
    authorRole: clean(doc.authorRole),
    planItems: Array.isArray(doc.planItems)
      ? [...new Set(doc.planItems.filter((c): c is string => typeof c === 'string'))]
      : [],
    day: vnDay(doc.startedAt),
    words: ` ${words.join(' ')} `,
    photos: Array.isArray(doc.photos)
      ? doc.photos.filter((n): n is number => Number.isInteger(n) && n >= 1 && n <= 6)
      : [],
  };
}

/** A filter made ready to test many entries (the query's words found once). */
export interface Matcher {
  test(e: LogEntry): boolean;
  /** True when the filter asks for nothing: every entry matches. */
  all: boolean;
}

export function matcher(f: LogFilter): Matcher {
  const kinds = f.kinds?.length ? new Set(f.kinds) : null;
  const words = f.text ? wordsOf(f.text).map((w) => ` ${w}`) : [];
  const item = f.planItem || null;
  const tests: ((e: LogEntry) => boolean)[] = [];
  if (kinds) tests.push((e) => kinds.has(e.kind));
  if (f.hamlet) tests.push((e) => e.hamlet === f.hamlet);
  if (f.author) tests.push((e) => e.author === f.author);
  if (f.status) tests.push((e) => e.status === f.status);
  if (f.ids) tests.push((e) => f.ids!.has(e.id));
  const r = f.reviewed;
  if (r)
    tests.push((e) => (r.statuses.includes(e.status) || r.plus.has(e.id)) && !r.minus.has(e.id));
  if (f.from) tests.push((e) => e.day >= f.from!);
  if (f.to) tests.push((e) => e.day <= f.to!);
  if (item) tests.push((e) => e.planItems.some((c) => c === item || c.startsWith(`${item}.`)));
  // Cheap exact tests first, the word search last.
  if (words.length) tests.push((e) => words.every((w) => e.words.includes(w)));
  return { test: (e) => tests.every((t) => t(e)), all: tests.length === 0 };
}

/** True when the filter asks for nothing (the plain newest-first list). */
export const isEmptyFilter = (f: LogFilter) => matcher(f).all && !f.review;

/** One entry as a line of the snapshot (tab-separated; no field holds a tab or newline). */
export function entryLine(e: LogEntry): string {
  return [
    e.id,
    e.kind,
    e.hamlet,
    e.author,
    e.status,
    e.place,
    e.startedAt,
    e.authorRole,
    e.planItems.join(','),
    e.day,
    e.words,
    e.photos.join(','),
  ].join('\t');
}

export function lineEntry(line: string): LogEntry | null {
  const f = line.split('\t');
  if (f.length !== 12) return null;
  const [id, kind, hamlet, author, status, place, startedAt, authorRole, items, day, words, pics] =
    f;
  return {
    id,
    kind: kind as FieldCheckKind,
    hamlet,
    author,
    status: status as CheckStatus,
    place,
    startedAt,
    authorRole,
    planItems: items ? items.split(',') : [],
    day,
    words,
    photos: pics ? pics.split(',').map(Number) : [],
  };
}

/** The row a list shows. */
export const rowOf = (e: LogEntry): LogRow => ({
  _id: e.id,
  kind: e.kind,
  status: e.status,
  hamlet: e.hamlet,
  place: e.place,
  startedAt: e.startedAt,
  author: e.author,
  authorRole: e.authorRole,
  photos: e.photos,
});
