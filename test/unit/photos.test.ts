// Photos of a record (issue 13) are documents of their own: the schema bounds slot, type and
// size as the server does (zod and the generated validator agree); only the record's author
// adds one, in the record's database, never changes it, and may take it back; pushes with
// photos are split into requests the gate accepts.
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../server/design/build.ts';
import { photoDocSchema, photoId, PHOTO_LIMITS } from '../../src/lib/domain/photos.ts';
import { decide } from '../../src/lib/domain/policy/index.ts';
import type { StoreRole } from '../../src/lib/domain/constants.ts';
import { chunksBySize, sizeOf } from '../../src/lib/data/sized-batches.ts';
import { makeCheck, officerAuthor } from '../support/fixtures.ts';
import { attachmentStub, inlineAttachment, photoOf } from '../support/photo-docs.ts';

type Doc = Record<string, unknown>;
type Ctx = { name: string; roles: string[] };
type Validate = (n: Doc, o: Doc | null, ctx: Ctx) => void;
const validator = (db: StoreRole) =>
  new Function('return ' + validatorSource('hong-phong', db))() as Validate;
/** Photos live in the photo database paired with the record's (issue 16.2). */
const LOG = validator('log-photos');
const refusal = (v: Validate, n: Doc, o: Doc | null, ctx: Ctx) => {
  try {
    v(structuredClone(n), o && structuredClone(o), ctx);
    return null;
  } catch (err) {
    return String((err as { forbidden?: string }).forbidden ?? err);
  }
};
const ADMIN = { name: 'admin', roles: ['_admin'] };
const OFFICER = { name: 'canbo', roles: ['officer@hong-phong', 'member@hong-phong'] };
const OTHER = { name: 'canbo2', roles: ['officer@hong-phong', 'member@hong-phong'] };
const actor = (c: Ctx) => ({ ...c, commune: 'hong-phong' });

const att = inlineAttachment;
const record = makeCheck(1, officerAuthor);
function photo(p: Doc = {}, atts: Doc = {}): Doc {
  return { ...photoOf(record, { image: att(1000), thumb: att(100), ...atts }), ...p };
}

describe('a photo document: zod and the validator agree on the bounds', () => {
  const cases: [string, Doc, boolean][] = [
    ['a photo with its thumbnail', photo(), true],
    ['exactly 300 KB', photo({}, { image: att(PHOTO_LIMITS.maxBytes) }), true],
    [
      'stubs as CouchDB shows them',
      photo(
        {},
        {
          image: { content_type: 'image/jpeg', digest: 'md5-a', length: 9, revpos: 1, stub: true },
        },
      ),
      true,
    ],
    ['over 300 KB', photo({}, { image: att(PHOTO_LIMITS.maxBytes + 3) }), false],
    [
      'a stub over 300 KB',
      photo({}, { image: { content_type: 'image/webp', length: PHOTO_LIMITS.maxBytes + 1 } }),
      false,
    ],
    ['a thumbnail over 40 KB', photo({}, { thumb: att(PHOTO_LIMITS.thumbMaxBytes + 3) }), false],
    ['a PNG', photo({}, { image: att(10, 'image/png') }), false],
    ['another attachment', photo({}, { original: att(10) }), false],
    ['slot 7', photo({ slot: 7, _id: `${photoId(record._id, 1).slice(0, -1)}7` }), false],
    ['wider than 1600 px', photo({ width: 1601 }), false],
    ['an id that is not a photo id', photo({ _id: record._id }), false],
    ['an unknown kind', photo({ kind: 'party' }), false],
  ];
  it.each(cases)('%s', (_name, doc, ok) => {
    expect(photoDocSchema.safeParse(doc).success).toBe(ok);
    expect(refusal(LOG, doc, null, ADMIN) === null).toBe(ok);
  });
});

describe('who may add, change and take back a photo', () => {
  it('its record’s author adds it; nobody changes it; the author takes it back', () => {
    const doc = photo();
    expect(decide(actor(OFFICER), null, doc, 'log-photos').reason).toBeNull();
    expect(refusal(LOG, doc, null, OFFICER)).toBeNull();
    const changed = { ...doc, width: 800, _rev: '1-a' };
    expect(decide(actor(OFFICER), { ...doc, _rev: '1-a' }, changed, 'log-photos').reason).toBe(
      'appendOnly',
    );
    expect(refusal(LOG, changed, { ...doc, _rev: '1-a' }, OFFICER)).not.toBeNull();
    const gone = { _id: String(doc._id), _deleted: true };
    expect(decide(actor(OFFICER), doc, gone, 'log-photos').reason).toBeNull();
    expect(refusal(LOG, gone, doc, OFFICER)).toBeNull();
    expect(decide(actor(OTHER), doc, gone, 'log-photos').reason).toBe('notYourRecord');
    expect(refusal(LOG, gone, doc, OTHER)).not.toBeNull();
  });

  it('someone else cannot add a photo to a record', () => {
    expect(decide(actor(OTHER), null, photo(), 'log-photos').reason).not.toBeNull();
    expect(refusal(LOG, photo(), null, OTHER)).not.toBeNull();
  });

  it('a photo of citizen feedback lives in the citizens photo database', () => {
    const fb = makeCheck(3, officerAuthor, 'citizenFeedback');
    const doc = photo({ _id: photoId(fb._id, 1), kind: fb.kind, record: fb._id });
    expect(refusal(LOG, doc, null, OFFICER)).toMatch(/wrong database/);
    expect(refusal(validator('citizens'), doc, null, OFFICER)).toMatch(/wrong database/);
    expect(refusal(validator('citizens-photos'), doc, null, OFFICER)).toBeNull();
  });

  it('never in a record database, and no record in a photo database', () => {
    expect(refusal(validator('log'), photo(), null, OFFICER)).toMatch(/wrong database/);
    expect(decide(actor(OFFICER), null, photo(), 'log').reason).toBe('wrongDatabase');
    expect(refusal(LOG, record as unknown as Doc, null, OFFICER)).toMatch(/wrong database/);
  });
});

describe('an approved record’s photos are sealed, and frozen with it', () => {
  const CHAIR = { name: 'chutich', roles: ['chair@hong-phong', 'member@hong-phong'] };
  const stub = attachmentStub;
  const stored = photo({ _rev: '1-a' }, { image: stub(1), thumb: stub(2) });
  const sealed = { ...stored, sealed: true, _rev: '2-b' };
  const both = (who: Ctx, next: Doc, old: Doc) => [
    decide(actor(who), old, next, 'log-photos').reason,
    refusal(LOG, next, old, who)?.match(/\(([^)]+)\)$/)?.[1] ?? null,
  ];

  it('a reviewer of the kind seals it (only the seal), never the author', () => {
    expect(both(CHAIR, sealed, stored)).toEqual([null, null]);
    expect(both(OFFICER, sealed, stored)[0]).toBe('appendOnly');
    expect(refusal(LOG, sealed, stored, OFFICER)).not.toBeNull();
    const edited = { ...sealed, width: 800 };
    expect(both(CHAIR, edited, stored)[0]).toBe('reviewFieldsOnly');
    expect(refusal(LOG, edited, stored, CHAIR)).not.toBeNull();
    const swapped = { ...sealed, _attachments: { image: stub(9), thumb: stub(2) } };
    expect(both(CHAIR, swapped, stored)[0]).toBe('reviewFieldsOnly');
    expect(refusal(LOG, swapped, stored, CHAIR)).not.toBeNull();
  });

  it('the same photo pushed inline (replication) seals too', () => {
    const inline = { ...sealed, _attachments: { image: att(999), thumb: att(999) } };
    expect(both(CHAIR, inline, stored)).toEqual([null, null]);
    const bigger = { ...sealed, _attachments: { image: att(1002), thumb: att(999) } };
    expect(both(CHAIR, bigger, stored)[0]).toBe('reviewFieldsOnly');
  });

  it('sealed, nobody changes or deletes it (but a server admin)', () => {
    const gone = { _id: String(stored._id), _deleted: true };
    expect(both(OFFICER, gone, sealed)[0]).toBe('frozen');
    expect(refusal(LOG, gone, sealed, OFFICER)).not.toBeNull();
    expect(both(CHAIR, { ...sealed, sealed: true, _rev: '3-c' }, sealed)[0]).toBe('frozen');
    expect(refusal(LOG, gone, sealed, ADMIN)).toBeNull();
  });
});

describe('pushes in requests the gate accepts', () => {
  const doc = (kb: number): Doc => ({
    _id: `photo:x:${kb}`,
    _attachments: {
      image: { content_type: 'image/webp', data: new Blob([new Uint8Array(kb * 1024)]) },
    },
  });

  it('weighs inline photos as base64', () => {
    expect(sizeOf(doc(300))).toBeGreaterThan(400 * 1024);
  });

  it('splits a batch of photos, keeping order and every document', () => {
    const docs = Array.from({ length: 40 }, () => doc(300));
    const chunks = chunksBySize(docs, 2 * 1024 * 1024);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(docs);
    for (const c of chunks)
      expect(c.reduce((s, d) => s + sizeOf(d), 0)).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('leaves records without photos in one request', () => {
    const docs = Array.from(
      { length: 250 },
      (_, i) => makeCheck(i, officerAuthor) as unknown as Doc,
    );
    expect(chunksBySize(docs, 8 * 1024 * 1024)).toHaveLength(1);
  });
});
