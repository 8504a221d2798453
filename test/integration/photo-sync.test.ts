// Records before photos (issue 16.2), through the real server on both backends: a phone's
// photos live in the paired photo database and replicate only once its records are up to date
// (on the wire: no photo request before the last record write was answered), pulled the same
// way by the chair's phone; a link cut in the middle of a photo resumes, resends only what had
// not arrived, and every photo arrives whole (sha-256 of the bytes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_BATCH_SIZE } from '../../src/lib/data/photo-sync.ts';
import { dbNames, photosDbName } from '../../src/lib/domain/constants.ts';
import { CHAIR, OFFICER, officerAuthor } from '../support/fixtures.ts';
import { PhotoPhone, idsOn, sha256, type Photo } from '../support/harness/photo-phone.ts';
import { TcpProxy } from '../support/harness/tcp-proxy.ts';
import { httpDb } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const PHOTOS = photosDbName(LOG);
const PHOTO_BYTES = 250_000;

/** The photo's image as the server (or a phone's database) holds it, hashed. */
async function digestOn(db: ReturnType<typeof httpDb>, id: string): Promise<string | null> {
  try {
    const blob = (await db.getAttachment(id, 'image')) as unknown as Buffer | Blob;
    const bytes =
      blob instanceof Blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array(blob);
    return sha256(bytes);
  } catch {
    return null;
  }
}

/** Every record write of `phone` answered before its first photo request was sent. */
function recordsFirst(phone: PhotoPhone) {
  const { recordWrites, photoRequests } = phone.ordering();
  const lastRecord = Math.max(...recordWrites.map((w) => w.doneAt ?? Infinity));
  const firstPhoto = Math.min(...photoRequests.map((w) => w.sentAt));
  return { recordWrites: recordWrites.length, lastRecord, firstPhoto };
}

describe('records before photos, through the server', () => {
  let proxy: TcpProxy;
  let via: string;
  const phones: PhotoPhone[] = [];
  beforeAll(async () => {
    proxy = new TcpProxy(Number(new URL(server.url).port));
    via = await proxy.start();
  });
  afterAll(async () => {
    for (const p of phones) await p.stop();
    await proxy.close();
  });

  it('a day offline: every record is on the server before the first photo is sent', async () => {
    // A link a little faster than a hamlet's, so the test stays short; the order is the point.
    proxy.link = { bitsPerSecond: 8_000_000, roundTripMs: 40 };
    const phone = new PhotoPhone('officer', via, LOG, OFFICER);
    phones.push(phone);
    const { checks, photos } = await phone.record(5, officerAuthor, 1, PHOTO_BYTES);
    phone.start();
    const chairDb = httpDb(server.url, PHOTOS, CHAIR);
    await PhotoPhone.until(
      async () => (await idsOn(chairDb, 'photo:')).length >= photos.length,
      60_000,
      'photos on the server',
    );
    const order = recordsFirst(phone);
    expect(order.recordWrites).toBeGreaterThan(0);
    expect(order.firstPhoto).toBeGreaterThanOrEqual(order.lastRecord);
    const recordsOnServer = await idsOn(httpDb(server.url, LOG, CHAIR), 'check:');
    for (const c of checks) expect(recordsOnServer).toContain(c._id);
    for (const p of photos) expect(await digestOn(chairDb, p.id)).toBe(p.sha256);
    // The record database holds no photo, the photo database no record.
    expect(await idsOn(httpDb(server.url, LOG, CHAIR), 'photo:')).toEqual([]);
    expect(await idsOn(chairDb, 'check:')).toEqual([]);

    // The chair's phone pulls the same way: records complete before any photo request.
    const chair = new PhotoPhone('chair', via, LOG, CHAIR);
    phones.push(chair);
    chair.start();
    await PhotoPhone.until(
      async () => (await idsOn(chair.photos.local, 'photo:')).length >= photos.length,
      60_000,
      'photos on the chair’s phone',
    );
    const pulls = chair.wire.filter((w) => w.db === 'records' && w.path.endsWith('/_bulk_get'));
    const lastPull = Math.max(...pulls.map((w) => w.doneAt ?? Infinity));
    const firstPhoto = Math.min(
      ...chair.wire.filter((w) => w.db === 'photos').map((w) => w.sentAt),
    );
    expect(pulls.length).toBeGreaterThan(0);
    expect(firstPhoto).toBeGreaterThanOrEqual(lastPull);
    // A new phone's first pull of photos goes in photo batches too, not the records' 500.
    const photoGets = chair.wire.filter((w) => w.db === 'photos' && w.path.endsWith('/_bulk_get'));
    expect(photoGets.length).toBeGreaterThanOrEqual(Math.ceil(photos.length / PHOTO_BATCH_SIZE));
    for (const g of photoGets) expect(g.ids.length).toBeLessThanOrEqual(PHOTO_BATCH_SIZE);
    for (const p of photos) expect(await digestOn(chair.photos.local, p.id)).toBe(p.sha256);
    await chair.stop();
    await phone.stop();
  }, 120_000);

  it('a link cut in the middle of a photo: it resumes, resends only what had not arrived, and every photo arrives whole', async () => {
    // ~500 KB a second: a photo takes about half a second on the wire; the cut lands inside one.
    proxy.link = { bitsPerSecond: 4_000_000, roundTripMs: 40 };
    const phone = new PhotoPhone('officer2', via, LOG, OFFICER);
    phones.push(phone);
    const { photos } = await phone.record(3, officerAuthor, 2, PHOTO_BYTES);
    phone.start();
    // Cut once about two and a half photos have gone up: the third photo is half-way.
    await PhotoPhone.until(
      async () => phone.wire.some((w) => w.db === 'photos'),
      60_000,
      'photos started',
    );
    const before = proxy.bytesUp;
    await PhotoPhone.until(
      async () => proxy.bytesUp - before > 2.5 * PHOTO_BYTES,
      60_000,
      'two and a half photos sent',
    );
    const cutAt = performance.now();
    proxy.setLink(false);
    phone.env.setOnline(false);
    await new Promise((r) => setTimeout(r, 300));
    proxy.setLink(true);
    phone.env.setOnline(true);

    const serverDb = httpDb(server.url, PHOTOS, CHAIR);
    await PhotoPhone.until(
      async () => {
        const ids = await idsOn(serverDb, 'photo:');
        return photos.every((p) => ids.includes(p.id));
      },
      90_000,
      'every photo on the server after the cut',
    );
    for (const p of photos) expect(await digestOn(serverDb, p.id)).toBe(p.sha256);

    // Written before the cut (answered 201): never sent again after it.
    const writes = phone.wire.filter((w) => w.db === 'photos' && w.path.endsWith('/_bulk_docs'));
    const arrived = writes
      .filter((w) => w.doneAt !== null && w.doneAt < cutAt && w.status === 201)
      .flatMap((w) => w.ids);
    const resent = writes.filter((w) => w.sentAt > cutAt).flatMap((w) => w.ids);
    expect(arrived.length).toBeGreaterThan(0);
    expect(resent.length).toBeGreaterThan(0);
    expect(resent.filter((id) => arrived.includes(id))).toEqual([]);
    expect(new Set([...arrived, ...resent])).toEqual(new Set(photos.map((p) => p.id)));

    // Pulled by the chair over a link cut in the middle of a photo: whole on the chair's phone.
    const chair = new PhotoPhone('chair2', via, LOG, CHAIR);
    phones.push(chair);
    chair.start();
    await PhotoPhone.until(
      async () => chair.wire.some((w) => w.db === 'photos' && w.path.endsWith('/image')),
      60_000,
      'the chair’s phone fetching photos',
    );
    const down = proxy.bytesDown;
    await PhotoPhone.until(
      async () => proxy.bytesDown - down > PHOTO_BYTES / 2,
      60_000,
      'half a photo down',
    );
    proxy.setLink(false);
    chair.env.setOnline(false);
    await new Promise((r) => setTimeout(r, 300));
    proxy.setLink(true);
    chair.env.setOnline(true);
    const mine = (p: Photo) => p.id;
    await PhotoPhone.until(
      async () => {
        const ids = await idsOn(chair.photos.local, 'photo:');
        return photos.map(mine).every((id) => ids.includes(id));
      },
      90_000,
      'every photo on the chair’s phone after the cut',
    );
    for (const p of photos) expect(await digestOn(chair.photos.local, p.id)).toBe(p.sha256);
    await chair.stop();
    await phone.stop();
  }, 240_000);
});
