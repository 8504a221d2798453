// Conflicts (issue 14.3, docs/conflicts.md): a record edited on two devices before they synced
// has several versions (leaves); CouchDB keeps them all and picks one as the winner. A
// supervisor compares them side by side and keeps one or merges them field by field, but never
// writes the record: they write a resolution (append-only, holding every version in full, the
// field picks and the leaves it settles), and the server applies it after checking it against
// the record's current leaves (./conflict-check.ts), recording the result in an outcome.
import { z } from 'zod';
import { DOC_TYPES } from './constants';
import type { Author } from './field-check-factory';
import { FIELD_CHECK_KINDS, type FieldCheck, type FieldCheckKind } from './field-check';
import { isoTime, shortText } from './fields';
import { RESOLUTION_ID_PATTERN, idPattern, makeResolutionId } from './ids';

export const RESOLUTION_VERSION = 1;
/** More versions than this on one record is beyond anything two or three phones make. */
export const MAX_VERSIONS = 10;

const kind = z.enum(FIELD_CHECK_KINDS as [FieldCheckKind, ...FieldCheckKind[]]);
const rev = z.string().min(1).max(100);

export const resolutionSchema = z.strictObject({
  _id: z.string().regex(RESOLUTION_ID_PATTERN),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.conflictResolution),
  schemaVersion: z.literal(RESOLUTION_VERSION),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  /** The record's kind: it places the resolution in the record's database. */
  kind,
  recordId: z.string().regex(idPattern('check')),
  /** The leaf the result is written onto (its status and stamps are kept). */
  keptRev: rev,
  /** The other leaves, removed once the result is written. */
  removedRevs: z.array(rev).max(MAX_VERSIONS),
  /** For each field that differed, the leaf whose value is kept. */
  picks: z.array(z.strictObject({ path: z.string().max(100), rev })).max(200),
  /** Every leaf as it was, in full: nothing is lost when the others are removed. */
  versions: z.array(z.record(z.string(), z.unknown())).max(MAX_VERSIONS),
  createdAt: isoTime,
});
export type Resolution = z.infer<typeof resolutionSchema>;

/** What became of a resolution: written by the server only (policy: conflictOutcome). */
export const OUTCOMES = ['applied', 'stale', 'refused'] as const;
/** Why a resolution was not applied. */
export const OUTCOME_REASONS = [
  /** The record's versions changed since the supervisor compared them: compare again. */
  'stale',
  /** The record was approved meanwhile: it is frozen. */
  'approved',
  /** A copied version is not the record's version, or a pick names no version. */
  'mismatch',
  /** The resolver's account may not resolve (any more). */
  'notResolver',
  /** The merged record would not be a valid record. */
  'invalid',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

export const OUTCOME_ID_PREFIX = 'outcome:';
const OUTCOME_ID_PATTERN = new RegExp(
  '^' + OUTCOME_ID_PREFIX + RESOLUTION_ID_PATTERN.source.slice(1),
);

export const outcomeSchema = z.strictObject({
  _id: z.string().regex(OUTCOME_ID_PATTERN),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.conflictOutcome),
  schemaVersion: z.literal(RESOLUTION_VERSION),
  commune: shortText.min(1),
  kind,
  recordId: z.string().regex(idPattern('check')),
  resolutionId: z.string().regex(RESOLUTION_ID_PATTERN),
  result: z.enum(OUTCOMES),
  reason: z.enum(OUTCOME_REASONS).nullable(),
  /** The record's revision after the merge (applied only). */
  appliedRev: rev.nullable(),
  at: isoTime,
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const outcomeIdOf = (resolutionId: string) => OUTCOME_ID_PREFIX + resolutionId;

/** What the author writes and the app stamps: never merged from another version. */
export const STAMPED: ReadonlySet<string> = new Set([
  '_id',
  '_rev',
  '_conflicts',
  '_revisions',
  '_deleted',
  '_attachments',
  'type',
  'schemaVersion',
  'kind',
  'commune',
  'author',
  'authorRole',
  'createdAt',
  'updatedAt',
  'submittedAt',
  'status',
]);

/** One field of the record across its versions. */
export interface FieldRow {
  /** `findings`, or `details.householdsChecked` for a kind's own field. */
  path: string;
  values: unknown[];
  differs: boolean;
}

type Loose = Record<string, unknown>;

const get = (doc: Loose, path: string): unknown => {
  const [head, tail] = path.split('.', 2);
  const v = doc[head];
  return tail === undefined ? v : (v as Loose | null)?.[tail];
};

/** JSON with object keys sorted: two copies of one version compare equal whatever the order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Loose;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** A path a person may pick: a field of the record, or one of its kind's details. */
export function isPickable(path: string): boolean {
  const parts = path.split('.');
  if (parts.length > 2 || STAMPED.has(parts[0]) || parts.some((p) => !p)) return false;
  return parts.length === 1 || parts[0] === 'details';
}

/** The fields a person compares, each with its value in every version; differing ones marked. */
export function compareVersions(versions: readonly FieldCheck[]): FieldRow[] {
  const docs = versions as unknown as Loose[];
  const paths = new Set<string>();
  for (const d of docs)
    for (const [k, v] of Object.entries(d)) {
      if (STAMPED.has(k)) continue;
      if (k === 'details' && v && typeof v === 'object')
        for (const dk of Object.keys(v)) paths.add(`details.${dk}`);
      else paths.add(k);
    }
  return [...paths].map((path) => {
    const values = docs.map((d) => get(d, path));
    return { path, values, differs: values.some((v) => !same(v, values[0])) };
  });
}

/**
 * The merged record: `base` (the leaf written onto) with each picked field taken from the
 * version whose `_rev` is named. Stamped fields (author, status, times) stay the base's; the
 * merge is stamped `updatedAt`. Throws on a pick naming no version or an unpickable path.
 */
export function mergeVersions(
  base: Loose,
  versions: readonly Loose[],
  picks: readonly { path: string; rev: string }[],
  updatedAt: string,
): Loose {
  const out = structuredClone(base);
  for (const { path, rev } of picks) {
    const from = versions.find((v) => v._rev === rev);
    if (!from) throw new Error(`no version ${rev}`);
    if (!isPickable(path)) throw new Error(`not a field one picks: ${path}`);
    const [head, tail] = path.split('.', 2);
    const value = structuredClone(get(from, path));
    if (tail === undefined) {
      if (value === undefined) delete out[head];
      else out[head] = value;
    } else {
      const details = { ...(out[head] as Loose) };
      if (value === undefined) delete details[tail];
      else details[tail] = value;
      out[head] = details;
    }
  }
  for (const k of ['_conflicts', '_revisions', '_deleted']) delete out[k];
  out.updatedAt = updatedAt;
  return out;
}

/** A copy of a leaf as the resolution keeps it (no replication metadata). */
export function versionCopy(v: Loose): Loose {
  const copy = { ...v };
  for (const k of ['_conflicts', '_revisions', '_deleted']) delete copy[k];
  return copy;
}

export function newResolution(
  record: Pick<FieldCheck, '_id' | 'kind'>,
  keptRev: string,
  versions: readonly FieldCheck[],
  picks: Record<string, string>,
  by: Author,
  now: Date,
): Resolution {
  return {
    _id: makeResolutionId(record._id, now, by.name),
    type: DOC_TYPES.conflictResolution,
    schemaVersion: RESOLUTION_VERSION,
    commune: by.commune,
    author: by.name,
    authorRole: by.role,
    kind: record.kind,
    recordId: record._id,
    keptRev,
    removedRevs: versions.map((v) => v._rev!).filter((r) => r !== keptRev),
    picks: Object.entries(picks).map(([path, rev]) => ({ path, rev })),
    versions: versions.map((v) => versionCopy(v as unknown as Loose)),
    createdAt: now.toISOString(),
  };
}

export function newOutcome(
  resolution: Resolution,
  result: Outcome['result'],
  reason: OutcomeReason | null,
  appliedRev: string | null,
  now: Date,
): Outcome {
  return {
    _id: outcomeIdOf(resolution._id),
    type: DOC_TYPES.conflictOutcome,
    schemaVersion: RESOLUTION_VERSION,
    commune: resolution.commune,
    kind: resolution.kind,
    recordId: resolution.recordId,
    resolutionId: resolution._id,
    result,
    reason,
    appliedRev,
    at: now.toISOString(),
  };
}
