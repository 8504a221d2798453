// A field check: one record of work done in the field. Common fields plus a `details` object
// whose shape depends on `kind` (each kind is a folder in src/lib/kinds). This module is the single definition used by the forms, the
// local store and (converted to JSON Schema) the server's validate_doc_update.
import { z } from 'zod';
import { KINDS, type FieldCheckKind, type Kinds } from '../kinds';
import { DOC_TYPES, LIMITS } from './constants';
import { isoTime, longText, shortText } from './fields';
import { idPattern } from './ids';
import { PHOTO_LIMITS } from './photos';

export { FIELD_CHECK_KINDS, type FieldCheckKind } from '../kinds';

// draft → submitted → approved | returned; a returned record goes back to its author (the
// transitions and who makes them are in ./policy).
export const CHECK_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const gpsSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
  capturedAt: isoTime,
});

export const followUpSchema = z.strictObject({
  what: shortText.min(1),
  who: shortText,
  due: isoTime.nullable(),
});

export const FIELD_CHECK_VERSION = 1;

const common = {
  _id: z.string().regex(idPattern('check')),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.fieldCheck),
  schemaVersion: z.literal(FIELD_CHECK_VERSION),
  status: z.enum(CHECK_STATUSES),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  participants: z.array(shortText).max(LIMITS.listItems),
  hamlet: shortText.min(1),
  place: shortText,
  gps: gpsSchema.nullable(),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  planItems: z.array(z.string().regex(/^\d+(\.\d+){0,3}$/)).max(LIMITS.listItems),
  findings: longText,
  recommendations: longText,
  followUp: followUpSchema.nullable(),
  note: longText,
  /** The slots of the record's photos (documents of their own, ./photos.ts); absent: none. */
  photos: z
    .array(z.int().min(1).max(PHOTO_LIMITS.maxPhotos))
    .max(PHOTO_LIMITS.maxPhotos)
    .optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
  submittedAt: isoTime.nullable(),
};

const commonSchema = z.strictObject(common);

/** The whole document of one kind: the common fields and that kind's details. */
function checkSchemaOf(kind: Kinds[number]) {
  return commonSchema.extend({ kind: z.literal(kind.key), details: kind.details });
}

/** One kind's document type; distributes over the kinds, so `kind` narrows `details`. */
type CheckOf<K extends Kinds[number]> = K extends unknown
  ? z.infer<typeof commonSchema> & { kind: K['key']; details: z.infer<K['details']> }
  : never;
export type FieldCheck = CheckOf<Kinds[number]>;

const [first, ...rest] = KINDS.map(checkSchemaOf);
/** Every kind's document, told apart by `kind` (a JSON Schema `anyOf` on the server). */
export const fieldCheckSchema = z.discriminatedUnion('kind', [
  first,
  ...rest,
]) as unknown as z.ZodType<FieldCheck, FieldCheck>;

export type FieldCheckDetails = FieldCheck['details'];
export type DetailsOf<K extends FieldCheckKind> = z.infer<
  Extract<Kinds[number], { key: K }>['details']
>;
