// The photos of a form being filled in. New photos are compressed at once and kept in the
// person's own "draft photos" database on the phone (never replicated), so a reload or a
// crash loses none; when the record is saved they become its photo documents
// (../photos.repo.ts). Photos the record already has stay unless removed here.
import { PHOTO_LIMITS, PHOTO_SLOTS, type PhotoSlot, type PhotoType } from '$lib/domain/photos';
import type { FieldCheck } from '$lib/domain/field-check';
import { localDbName, openLocalDb } from '../local-db';
import type { PhotoRepository } from '../photos.repo';
import { isNotFound, type Db } from '../pouch-types';
import { compressPhoto } from './compress';

interface Kept {
  type: PhotoType;
  width: number;
  height: number;
}

interface PendingDoc {
  _id: string;
  _rev?: string;
  /** Slots of the record's stored photos removed in this draft. */
  removed: PhotoSlot[];
  kept: Partial<Record<PhotoSlot, Kept>>;
  _attachments?: Record<string, { content_type: string; data?: Blob; stub?: boolean }>;
}

export interface SlotView {
  slot: PhotoSlot;
  /** An object URL of the thumbnail (revoked by `close`). */
  thumbUrl: string | null;
  isNew: boolean;
}

const imageName = (slot: PhotoSlot) => `image${slot}`;
const thumbName = (slot: PhotoSlot) => `thumb${slot}`;

export class DraftPhotos {
  slots = $state<SlotView[]>([]);
  busy = $state(false);
  private urls: string[] = [];

  constructor(
    private readonly user: string,
    private readonly key: string,
    /** The slots the record already has photos in (none for a new record). */
    private readonly stored: readonly PhotoSlot[],
    /** Reads a stored photo's thumbnail, for the form's strip. */
    private readonly readStoredThumb: (slot: PhotoSlot) => Promise<Blob | null>,
  ) {}

  get count() {
    return this.slots.length;
  }
  get full() {
    return this.slots.length >= PHOTO_LIMITS.maxPhotos;
  }
  /** The record's photo slots once this draft is saved. */
  get slotList(): PhotoSlot[] {
    return this.slots.map((s) => s.slot);
  }

  /** Asked each time (openLocalDb keeps it open): a new instance after a full disk. */
  private pendingDb(): Promise<Db> {
    return openLocalDb(localDbName(this.user, 'draft-photos'));
  }

  private async pending(): Promise<PendingDoc> {
    const db = await this.pendingDb();
    try {
      return (await db.get(this.key)) as unknown as PendingDoc;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return { _id: this.key, removed: [], kept: {} };
    }
  }

  private url(blob: Blob | null): string | null {
    if (!blob) return null;
    const u = URL.createObjectURL(blob);
    this.urls.push(u);
    return u;
  }

  /** Reads what this draft holds: the record's photos not removed, and the new ones. */
  async load(): Promise<void> {
    const p = await this.pending();
    const db = await this.pendingDb();
    const views: SlotView[] = [];
    for (const slot of PHOTO_SLOTS) {
      if (p.kept[slot]) {
        const thumb = (await db.getAttachment(this.key, thumbName(slot))) as Blob;
        views.push({ slot, thumbUrl: this.url(thumb), isNew: true });
      } else if (this.stored.includes(slot) && !p.removed.includes(slot)) {
        const thumb = await this.readStoredThumb(slot).catch(() => null);
        views.push({ slot, thumbUrl: this.url(thumb), isNew: false });
      }
    }
    this.slots = views;
  }

  /** Compresses and keeps each file in a free slot; the originals are never stored. */
  async add(files: Iterable<Blob>): Promise<void> {
    this.busy = true;
    try {
      for (const file of files) {
        const p = await this.pending();
        // A removed stored photo's slot stays taken until the record is saved.
        const taken = [...this.slotList, ...this.stored];
        const slot = PHOTO_SLOTS.find((s) => !taken.includes(s));
        if (slot === undefined) break;
        const c = await compressPhoto(file);
        p.kept[slot] = { type: c.type, width: c.width, height: c.height };
        p._attachments = {
          ...p._attachments,
          [imageName(slot)]: { content_type: c.type, data: c.photo },
          [thumbName(slot)]: { content_type: c.type, data: c.thumb },
        };
        await (await this.pendingDb()).put(p as never);
        this.slots = [...this.slots, { slot, thumbUrl: this.url(c.thumb), isNew: true }].sort(
          (a, b) => a.slot - b.slot,
        );
      }
    } finally {
      this.busy = false;
    }
  }

  async remove(slot: PhotoSlot): Promise<void> {
    const p = await this.pending();
    if (p.kept[slot]) {
      const rest = { ...p._attachments };
      delete rest[imageName(slot)];
      delete rest[thumbName(slot)];
      p._attachments = rest;
      delete p.kept[slot];
    } else if (!p.removed.includes(slot)) {
      p.removed = [...p.removed, slot];
    }
    await (await this.pendingDb()).put(p as never);
    this.slots = this.slots.filter((s) => s.slot !== slot);
  }

  /**
   * After the record was saved: removed photos are taken back, new ones become the record's
   * photo documents, and the kept copies go.
   */
  async commit(record: FieldCheck, photos: PhotoRepository): Promise<void> {
    const p = await this.pending();
    const db = await this.pendingDb();
    for (const slot of p.removed) await photos.remove(record._id, slot);
    for (const { slot, isNew } of this.slots) {
      const kept = p.kept[slot];
      if (!isNew || !kept) continue;
      const image = (await db.getAttachment(this.key, imageName(slot))) as Blob;
      const thumb = (await db.getAttachment(this.key, thumbName(slot))) as Blob;
      await photos.save(record, slot, { image, thumb, ...kept });
    }
    await this.clear();
  }

  /** The kept copies go (after saving, or when the draft is discarded). */
  async clear(): Promise<void> {
    const db = await this.pendingDb();
    try {
      const doc = await db.get(this.key);
      await db.remove(doc);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  close(): void {
    this.urls.forEach((u) => URL.revokeObjectURL(u));
    this.urls = [];
  }
}

/** Throws away the photos kept for a draft (the form's "discard"). */
export async function discardDraftPhotos(user: string, key: string): Promise<void> {
  await new DraftPhotos(user, key, [], () => Promise.resolve(null)).clear();
}
