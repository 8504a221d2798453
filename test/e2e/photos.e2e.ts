// Photos as a person meets them, on a phone, offline: a 12-megapixel photo (with the EXIF
// orientation a phone writes when held upright) is attached from the gallery and another with
// the camera button, the page is reloaded in the middle of the draft, the record is sent, and
// what is stored is a 1600 px WebP of at most 300 KB, upright, without EXIF; nothing larger
// ever reaches IndexedDB. Back online it syncs; the server has the photos, and the chair's
// phone shows the thumbnail in the list and the photo in the viewer.
import { expect, test, type Page } from '@playwright/test';
import { hasExif, makePhotoInPage, withOrientation } from '../support/photo-fixture';
import {
  CHAIR,
  OFFICER,
  basic,
  pendingCount,
  setField,
  signIn,
  waitForServiceWorker,
} from './helpers';
import { newPhone, screenshot } from './phone';

const CITIZENS_DB = 'fieldbook-hong-phong-citizens';
const MAX = 300 * 1024;
/** A place of this spec's own: other specs leave records in the same log. */
const PLACE = 'Ngã ba chợ Khòn Pát';

/** A 12 MP JPEG as a phone camera writes it: 4000×3000 pixels stored sideways, EXIF says 6. */
async function phonePhoto(page: Page, seed: number) {
  const b64 = await page.evaluate(makePhotoInPage, { width: 4000, height: 3000, seed });
  return Buffer.from(withOrientation(new Uint8Array(Buffer.from(b64, 'base64')), 6));
}

/** The largest attachment body in any of the page's IndexedDB databases (PouchDB's stores). */
async function largestStoredBlob(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let largest = 0;
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        for (const row of rows) {
          for (const v of Object.values(row as object)) {
            const size = v instanceof Blob ? v.size : typeof v === 'string' ? v.length : 0;
            largest = Math.max(largest, size);
          }
        }
      }
      db.close();
    }
    return largest;
  });
}

/** The photo the viewer shows: its pixel size, bytes, type and whether it has EXIF. */
async function shownPhoto(page: Page) {
  const img = page.getByTestId('photo-full');
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  const info = await img.evaluate(async (i: HTMLImageElement) => {
    const blob = await (await fetch(i.src)).blob();
    const bytes = Array.from(new Uint8Array(await blob.arrayBuffer()).subarray(0, 64 * 1024));
    return {
      width: i.naturalWidth,
      height: i.naturalHeight,
      size: blob.size,
      type: blob.type,
      bytes,
    };
  });
  return { ...info, exif: hasExif(new Uint8Array(info.bytes)) };
}

test('photos: compressed on the phone, kept through a reload, synced to the chair', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  const first = await phonePhoto(page, 7);
  const second = await phonePhoto(page, 11);
  expect(first.length).toBeGreaterThan(2 * 1024 * 1024);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('link', { name: 'Ghi mới: Xử lý phản ánh, kiến nghị' }).click();
  await setField(page, 'Thôn/bản', 'Bản Khòn Pát');
  await setField(page, 'Địa điểm cụ thể', PLACE);
  await page.getByLabel('Nội dung phản ánh, kiến nghị').fill('Đèn đường hỏng ở ngã ba.');
  await page
    .getByTestId('photo-gallery')
    .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: first });
  await expect(page.getByTestId('photo-count')).toHaveText('(1/6 ảnh)', { timeout: 60_000 });
  await page
    .getByTestId('photo-camera')
    .setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: second });
  await expect(page.getByTestId('photo-count')).toHaveText('(2/6 ảnh)', { timeout: 60_000 });
  await screenshot(page, 'photos-form');

  // A reload in the middle of the draft: the typing and both photos come back.
  await page.reload();
  await expect(page.getByLabel('Nội dung phản ánh, kiến nghị')).toHaveValue(
    'Đèn đường hỏng ở ngã ba.',
  );
  await expect(page.getByTestId('photo-count')).toHaveText('(2/6 ảnh)');
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('(Đã gửi)');

  // What is stored: upright (EXIF 6 applied: 3000×4000 → 1200×1600), WebP, ≤ 300 KB, no EXIF.
  await page.getByRole('button', { name: 'Xem ảnh 1' }).click();
  const shown = await shownPhoto(page);
  expect({ width: shown.width, height: shown.height, type: shown.type }).toEqual({
    width: 1200,
    height: 1600,
    type: 'image/webp',
  });
  expect(shown.size).toBeLessThanOrEqual(MAX);
  expect(shown.exif).toBe(false);
  await screenshot(page, 'photos-viewer-officer');
  await page.getByRole('button', { name: 'Đóng' }).click();
  // The 12 MP originals (several MB each) never reached IndexedDB.
  expect(await largestStoredBlob(page)).toBeLessThanOrEqual(MAX);

  // Back online: the record and its photos reach the server.
  await context.setOffline(false);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', {
    timeout: 60_000,
  });
  await expect.poll(() => pendingCount(page)).toBe(0);
  const res = await fetch(`${baseURL}/db/${CITIZENS_DB}/_all_docs?include_docs=true`, {
    headers: { authorization: basic(CHAIR) },
  });
  const rows = ((await res.json()) as { rows: { doc: Record<string, unknown> }[] }).rows;
  const docs = rows.map((r) => r.doc);
  const doc = docs.find((d) => d.place === PLACE)!;
  expect(doc.photos).toEqual([1, 2]);
  // The photos are documents of their own beside the record, never its attachments.
  expect(doc._attachments).toBeUndefined();
  // The photos are in the paired photo database (issue 16.2), synced after the record.
  const photoRes = await fetch(`${baseURL}/db/${CITIZENS_DB}-photos/_all_docs?include_docs=true`, {
    headers: { authorization: basic(CHAIR) },
  });
  const photoRows = ((await photoRes.json()) as { rows: { doc: Record<string, unknown> }[] }).rows;
  const photos = photoRows.map((r) => r.doc).filter((d) => d.record === doc._id);
  expect(photos.map((p) => p.slot)).toEqual([1, 2]);
  for (const p of photos) {
    const atts = p._attachments as Record<string, { length: number; content_type: string }>;
    expect(Object.keys(atts).sort()).toEqual(['image', 'thumb']);
    for (const a of Object.values(atts)) expect(a.content_type).toBe('image/webp');
    expect(atts.image.length).toBeLessThanOrEqual(MAX);
    expect(atts.thumb.length).toBeLessThanOrEqual(40 * 1024);
  }

  // The chair's phone: thumbnail in the list, the photo in the viewer.
  const chair = await newPhone(browser);
  await signIn(chair.page, CHAIR);
  const row = chair.page.getByRole('link', { name: new RegExp(PLACE) });
  await expect(row.getByTestId('thumb')).toBeVisible({ timeout: 60_000 });
  await screenshot(chair.page, 'photos-list-chair');
  await row.click();
  await chair.page.getByRole('button', { name: 'Xem ảnh 2' }).click();
  const onChair = await shownPhoto(chair.page);
  expect([onChair.width, onChair.height]).toEqual([1200, 1600]);
  await screenshot(chair.page, 'photos-viewer-chair');

  expect(errors).toEqual([]);
  expect(chair.errors).toEqual([]);
  await context.close();
  await chair.context.close();
});
