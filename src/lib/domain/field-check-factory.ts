// Building field-check documents. Used by the repository, fixtures and benchmarks, so every
// document anywhere is made the same way and checked by the same schema.
import { DOC_TYPES } from './constants';
import { kindOf } from '../kinds';
import {
  fieldCheckSchema,
  type DetailsOf,
  type FieldCheck,
  type FieldCheckKind,
} from './field-check';
import { makeId } from './ids';
import { normalizeStrings } from './normalize';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a person fills in; everything else is stamped by the app. */
export type FieldCheckInput = DistributiveOmit<
  FieldCheck,
  | '_id'
  | '_rev'
  | 'type'
  | 'schemaVersion'
  | 'status'
  | 'commune'
  | 'author'
  | 'authorRole'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
>;

export interface Author {
  name: string;
  role: string;
  commune: string;
}

/** The details of a new, empty form of `kind` (each kind says its own, see src/lib/kinds). */
export function emptyDetails<K extends FieldCheckKind>(kind: K, now = new Date()): DetailsOf<K> {
  const def = kindOf(kind);
  if (!def) throw new Error(`unknown kind ${kind}`);
  return def.empty(now) as DetailsOf<K>;
}

export function emptyInput(kind: FieldCheckKind, now: Date): FieldCheckInput {
  return {
    kind,
    details: emptyDetails(kind, now),
    participants: [],
    hamlet: '',
    place: '',
    gps: null,
    startedAt: now.toISOString(),
    endedAt: null,
    planItems: [],
    findings: '',
    recommendations: '',
    followUp: null,
    note: '',
  } as FieldCheckInput;
}

/** A new draft document (not yet validated: the caller decides how to report problems). */
export function newFieldCheck(input: FieldCheckInput, author: Author, now: Date): FieldCheck {
  const at = now.toISOString();
  return normalizeStrings({
    ...input,
    _id: makeId('check', now, author.name),
    type: DOC_TYPES.fieldCheck,
    schemaVersion: 1,
    status: 'draft',
    commune: author.commune,
    author: author.name,
    authorRole: author.role,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
  } as FieldCheck);
}

/** The same document with the person's edits applied; identity and authorship unchanged. */
export function editFieldCheck(doc: FieldCheck, input: FieldCheckInput, now: Date): FieldCheck {
  return normalizeStrings({
    ...doc,
    ...input,
    updatedAt: now.toISOString(),
  } as FieldCheck);
}

export function submitFieldCheck(doc: FieldCheck, now: Date): FieldCheck {
  const at = now.toISOString();
  return { ...doc, status: 'submitted', submittedAt: at, updatedAt: at };
}

export const validateFieldCheck = (doc: unknown) => fieldCheckSchema.safeParse(doc);
