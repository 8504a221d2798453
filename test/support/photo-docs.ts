// Photo documents for the policy and validator tests: as the author's phone writes them
// (inline attachments) and as CouchDB shows them once stored (stubs).
import { photoId } from '../../src/lib/domain/photos.ts';

type Doc = Record<string, unknown>;

/** `bytes` bytes as base64 without padding: 999 bytes are 1,332 characters. */
export const base64Of = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);

export const inlineAttachment = (bytes: number, type = 'image/webp') => ({
  content_type: type,
  data: base64Of(bytes),
});

/** A stored attachment of 999 bytes (inlineAttachment(999)) as CouchDB shows it. */
export const attachmentStub = (n: number) => ({
  content_type: 'image/webp',
  digest: `md5-${n}`,
  length: 999,
  revpos: 1,
  stub: true,
});

/** Photo 1 of `record` with these attachments (its image and thumbnail, say). */
export function photoOf(record: Doc, attachments: Doc): Doc {
  return {
    _id: photoId(String(record._id), 1),
    type: 'photo',
    schemaVersion: 1,
    commune: record.commune ?? 'hong-phong',
    author: record.author,
    authorRole: record.authorRole,
    kind: record.kind,
    record: record._id,
    slot: 1,
    width: 1600,
    height: 1200,
    createdAt: record.createdAt,
    _attachments: attachments,
  };
}
