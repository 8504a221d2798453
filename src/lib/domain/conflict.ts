// Conflicts (issue 14.3): a record edited on two devices before they synced has several
// versions; CouchDB keeps them all and picks one as the winner. A supervisor (or the record's
// author) compares them side by side, the differing fields marked, and keeps one or merges
// them field by field. Nothing is lost: a resolution document holding every version in full is
// written first, then the merge is written onto the winner, and only then are the other
// versions removed, each tombstone naming the resolution (policy/table.ts CONFLICT_RULE).
import { z } from 'zod';
import { DOC_TYPES } from './constants';
import type { Author } from './field-check-factory';
import { FIELD_CHECK_KINDS, type FieldCheck, type FieldCheckKind } from './field-check';
import { isoTime, shortText } from './fields';
import { RESOLUTION_ID_PATTERN, idPattern, makeResolutionId } from './ids';

export const RESOLUTION_VERSION = 1;
/** More versions than this on one record is beyond anything two or three phones make. */
export const MAX_VERSIONS = 10;

export const resolutionSchema = z.strictObject({
  _id: z.string().regex(RESOLUTION_ID_PATTERN),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.conflictResolution),
  schemaVersion: z.literal(RESOLUTION_VERSION),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  /** The record's kind: it places the resolution in the record's database. */
  kind: z.enum(FIELD_CHECK_KINDS as [FieldCheckKind, ...FieldCheckKind[]]),
  recordId: z.string().regex(idPattern('check')),
  /** The version the result was written onto (the winner when the choice was made). */
  keptRev: z.string().min(1).max(100),
  /** The versions removed after it. */
  removedRevs: z.array(z.string().min(1).max(100)).max(MAX_VERSIONS),
  /** For each field that differed, the version whose value was kept. */
  picks: z.array(z.strictObject({ path: z.string().max(100), rev: z.string().max(100) })).max(200),
  /** Every version as it was, in full: nothing is lost when the others are removed. */
  versions: z.array(z.record(z.string(), z.unknown())).max(MAX_VERSIONS),
  createdAt: isoTime,
});
export type Resolution = z.infer<typeof resolutionSchema>;

/** What the author writes and the app stamps: never merged from another version. */
const STAMPED = new Set([
  '_id',
  '_rev',
  '_conflicts',
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

const get = (doc: Record<string, unknown>, path: string): unknown => {
  const [head, tail] = path.split('.', 2);
  const v = doc[head];
  return tail === undefined ? v : (v as Record<string, unknown> | null)?.[tail];
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields a person compares, each with its value in every version; differing ones marked. */
export function compareVersions(versions: readonly FieldCheck[]): FieldRow[] {
  const docs = versions as unknown as Record<string, unknown>[];
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
 * The merged record: `base` (the version written onto) with each picked field taken from the
 * version whose `_rev` is named. Stamped fields (author, status, times) stay the base's.
 */
export function mergeVersions(
  base: FieldCheck,
  versions: readonly FieldCheck[],
  picks: Record<string, string>,
  now: Date,
): FieldCheck {
  const out = structuredClone(base) as unknown as Record<string, unknown>;
  for (const [path, rev] of Object.entries(picks)) {
    const from = versions.find((v) => v._rev === rev) as unknown as Record<string, unknown>;
    if (!from) throw new Error(`no version ${rev}`);
    const [head, tail] = path.split('.', 2);
    if (STAMPED.has(head)) continue;
    const value = structuredClone(get(from, path));
    if (tail === undefined) {
      if (value === undefined) delete out[head];
      else out[head] = value;
    } else {
      const details = { ...(out[head] as Record<string, unknown>) };
      if (value === undefined) delete details[tail];
      else details[tail] = value;
      out[head] = details;
    }
  }
  delete out._conflicts;
  out.updatedAt = now.toISOString();
  return out as unknown as FieldCheck;
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
    versions: versions.map((v) => {
      const copy = { ...v } as Record<string, unknown>;
      delete copy._conflicts;
      return copy;
    }),
    createdAt: now.toISOString(),
  };
}
