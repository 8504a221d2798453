// Photos of a field record: up to six, each a `photo` document beside the record with the
// image and a small thumbnail as its attachments (lists show thumbnails and never load the
// photos). The schema bounds the slot, type and size with plain JSON Schema, and the server's
// validate_doc_update enforces the same.
// Photos are re-encoded in the browser before anything is stored (src/lib/data/photos/):
// what leaves the camera at 12 MP never reaches IndexedDB, and the re-encoding drops EXIF
// (place and time are the record's own fields).
import { z } from 'zod';
import { FIELD_CHECK_KINDS } from '../kinds';
import { DOC_TYPES } from './constants';
import { isoTime, shortText } from './fields';
import { idPattern } from './ids';

export const PHOTO_LIMITS = {
  maxPhotos: 6,
  /** Long edge of a stored photo, px. */
  maxEdge: 1600,
  /** Bytes of a stored photo. */
  maxBytes: 300 * 1024,
  /** Long edge of a thumbnail, px, and its bytes. */
  thumbEdge: 320,
  thumbMaxBytes: 40 * 1024,
} as const;

export const PHOTO_TYPES = ['image/jpeg', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const PHOTO_SLOTS = [1, 2, 3, 4, 5, 6] as const;
export type PhotoSlot = (typeof PHOTO_SLOTS)[number];

/** Base64 characters for `bytes` bytes (attachments written inline arrive as base64). */
const base64Chars = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * One attachment as the databases show it to a validator: inline (`data`, base64) when a phone
 * writes or replicates it, a stub (`stub`, `length`, `digest`) when CouchDB or PouchDB reads it.
 */
const attachment = (maxBytes: number) =>
  z.strictObject({
    content_type: z.enum(PHOTO_TYPES),
    data: z.string().max(base64Chars(maxBytes)).optional(),
    stub: z.boolean().optional(),
    length: z.int().min(0).max(maxBytes).optional(),
    digest: z.string().max(200).optional(),
    revpos: z.int().min(0).max(1_000_000).optional(),
    encoding: z.string().max(20).optional(),
    encoded_length: z.int().min(0).max(maxBytes).optional(),
  });

/**
 * A photo of a record is a document of its own (issue 16: records sync before photos, editing
 * a record never resends its photos, lists read records without photo bytes):
 * `photo:<the record's id without "check:">-<slot>`, in the record's database, by the record's
 * author, with the photo (`image`) and its thumbnail (`thumb`) as attachments.
 */
export const PHOTO_ID_PATTERN =
  /^photo:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):([^:]+):([a-z0-9]{8})-([1-6])$/;

/** The person whose photo `id` is (the record's author), or null for another kind of id. */
export const photoOwner = (id: string): string | null => PHOTO_ID_PATTERN.exec(id)?.[2] ?? null;

/** The id of photo `slot` of record `recordId` (`check:<time>:<user>:<random>`). */
export const photoId = (recordId: string, slot: PhotoSlot) =>
  `${recordId.replace(/^check:/, 'photo:')}-${slot}`;

/** The id range of a record's photos, for a range read. */
export const photoRange = (recordId: string) => {
  const base = recordId.replace(/^check:/, 'photo:');
  return { startkey: `${base}-`, endkey: `${base}-\uffff` };
};

export const PHOTO_VERSION = 1;

export const photoDocSchema = z.strictObject({
  _id: z.string().regex(PHOTO_ID_PATTERN),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.photo),
  schemaVersion: z.literal(PHOTO_VERSION),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  /** The record's kind: the photo lives in its database and follows who may record it. */
  kind: z.enum(FIELD_CHECK_KINDS as unknown as [string, ...string[]]),
  record: z.string().regex(idPattern('check')),
  slot: z.int().min(1).max(PHOTO_LIMITS.maxPhotos),
  width: z.int().min(1).max(PHOTO_LIMITS.maxEdge),
  height: z.int().min(1).max(PHOTO_LIMITS.maxEdge),
  createdAt: isoTime,
  /** Set by the reviewer who approved the record: the photo is frozen with it. */
  sealed: z.literal(true).optional(),
  _attachments: z.strictObject({
    image: attachment(PHOTO_LIMITS.maxBytes),
    thumb: attachment(PHOTO_LIMITS.thumbMaxBytes),
  }),
});

/**
 * The TypeScript view of a photo document's `_attachments`, as PouchDB types them: a stub as
 * read, or inline base64 data as written.
 */
export type StoredAttachment =
  | { content_type: string; digest: string; stub: true; length: number; revpos?: number }
  | { content_type: string; digest?: string; data: string };
export type PhotoDoc = Omit<z.infer<typeof photoDocSchema>, '_attachments'> & {
  _attachments: { image: StoredAttachment; thumb: StoredAttachment };
};
