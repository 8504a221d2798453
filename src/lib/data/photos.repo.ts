// Photos of records: each a `photo` document in the record's database (src/lib/domain/photos.ts)
// with the image and its thumbnail as attachments. The repository is handed the database it
// works on, so photos can move to a database of their own without touching the screens.
import type { FieldCheck } from '$lib/domain/field-check';
import {
  PHOTO_VERSION,
  photoDocSchema,
  photoId,
  photoRange,
  type PhotoDoc,
  type PhotoSlot,
  type PhotoType,
} from '$lib/domain/photos';
import { DOC_TYPES } from '$lib/domain/constants';
import { actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import { watchIds } from './db-watch';
import { isNotFound, type Db } from './pouch-types';
import { parseOrThrow } from './validation';

export interface PhotoInput {
  image: Blob;
  thumb: Blob;
  type: PhotoType;
  width: number;
  height: number;
}

const toBase64 = async (blob: Blob): Promise<string> => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** The record lists photos this phone does not have yet (they sync after records). */
export class PhotosNotHere extends Error {
  constructor(readonly slots: PhotoSlot[]) {
    super(`photos not on this phone yet: ${slots.join(', ')}`);
  }
}

export class PhotoRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor | null = null,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Stores photo `slot` of `record` (replacing none: a slot is taken back first). */
  async save(record: FieldCheck, slot: PhotoSlot, photo: PhotoInput): Promise<void> {
    const doc = parseOrThrow(photoDocSchema, {
      _id: photoId(record._id, slot),
      type: DOC_TYPES.photo,
      schemaVersion: PHOTO_VERSION,
      commune: record.commune,
      author: record.author,
      authorRole: record.authorRole,
      kind: record.kind,
      record: record._id,
      slot,
      width: photo.width,
      height: photo.height,
      createdAt: this.clock().toISOString(),
      _attachments: {
        image: { content_type: photo.type, data: await toBase64(photo.image) },
        thumb: { content_type: photo.type, data: await toBase64(photo.thumb) },
      },
    }) as unknown as PhotoDoc;
    assertAllowed(this.actor ?? actorOf(doc), null, doc);
    await this.db.put(doc);
  }

  /** The slots holding a photo of the record, in order (no photo bytes are read). */
  async list(recordId: string): Promise<PhotoSlot[]> {
    const res = await this.db.allDocs(photoRange(recordId));
    return res.rows
      .map((r) => Number(r.id.slice(r.id.lastIndexOf('-') + 1)) as PhotoSlot)
      .sort((a, b) => a - b);
  }

  thumb(recordId: string, slot: PhotoSlot): Promise<Blob | null> {
    return this.attachment(recordId, slot, 'thumb');
  }

  image(recordId: string, slot: PhotoSlot): Promise<Blob | null> {
    return this.attachment(recordId, slot, 'image');
  }

  /** Takes photo `slot` back (the record's author, while the record is being edited). */
  async remove(recordId: string, slot: PhotoSlot): Promise<void> {
    let doc: PhotoDoc;
    try {
      doc = (await this.db.get(photoId(recordId, slot))) as unknown as PhotoDoc;
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    assertAllowed(this.actor ?? actorOf(doc), doc, { ...doc, _deleted: true });
    await this.db.remove(doc as never);
  }

  /**
   * Seals the record's photos as it is approved: frozen with it (the server refuses any change
   * or deletion of a sealed photo). Throws PhotosNotHere, sealing nothing, while a photo the
   * record lists has not arrived: a reviewer approves the photos they have seen.
   */
  async seal(record: Pick<FieldCheck, '_id' | 'photos'>): Promise<void> {
    for (const doc of await this.allHere(record)) {
      if (doc.sealed) continue;
      const next = { ...doc, sealed: true as const };
      assertAllowed(this.actor ?? actorOf(doc), doc, next);
      await this.db.put(next as never);
    }
  }

  /** The photo documents the record lists; throws PhotosNotHere while one has not arrived. */
  async allHere(record: Pick<FieldCheck, '_id' | 'photos'>): Promise<PhotoDoc[]> {
    const slots = (record.photos ?? []) as PhotoSlot[];
    const docs: PhotoDoc[] = [];
    for (const slot of slots) {
      try {
        docs.push((await this.db.get(photoId(record._id, slot))) as unknown as PhotoDoc);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    const have = docs.map((d) => d.slot);
    const missing = slots.filter((s) => !have.includes(s));
    if (missing.length) throw new PhotosNotHere(missing);
    return docs;
  }

  /** Calls back when a photo of the record arrives or goes (records sync before photos). */
  watch(recordId: string, onChange: () => void): () => void {
    const { startkey } = photoRange(recordId);
    return watchIds(this.db, (id) => id.startsWith(startkey), onChange);
  }

  private async attachment(recordId: string, slot: PhotoSlot, name: string) {
    try {
      return (await this.db.getAttachment(photoId(recordId, slot), name)) as Blob;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }
}

/** The photo repositories of a person's databases; a record's photos live where it does. */
export class PhotoLog {
  constructor(
    private readonly repos: Partial<Record<string, PhotoRepository>>,
    private readonly dbOf: (kind: string) => string | undefined,
  ) {}

  for(record: Pick<FieldCheck, 'kind'>): PhotoRepository {
    const db = this.dbOf(record.kind);
    const repo = db ? this.repos[db] : undefined;
    if (!repo) throw new Error(`no local database for photos of ${record.kind}`);
    return repo;
  }
}
