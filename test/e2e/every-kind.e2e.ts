// Every kind of field work in the plan, as an officer and a police officer record it offline on
// a phone: hamlet from the list, a place, the GPS position (granted, then no signal and a
// retry; refused for the police officer, who records without one), a photo each, one draft
// reloaded halfway, every record sent. Back online, the server holds each record in its own
// database with its photo, and the chair's phone lists them with their thumbnails.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { makePhotoInPage } from '../support/photo-fixture';
import {
  CHAIR,
  OFFICER,
  POLICE,
  basic,
  pendingCount,
  serverDocs,
  setField,
  signIn,
  waitForServiceWorker,
} from './helpers';
import { newPhone, screenshot } from './phone';

const COMMUNE = 'hong-phong';
const DBS = {
  log: `fieldbook-${COMMUNE}`,
  police: `fieldbook-${COMMUNE}-police`,
  citizens: `fieldbook-${COMMUNE}-citizens`,
};
/** Words of this spec's own in every place, so the chair can search for them alone. */
const TAG = 'Mọi loại việc';
const HAMLET = 'Bản Khòn Pát';
const HERE = { latitude: 22.35291, longitude: 103.87654, accuracy: 12 };

/** The kinds an officer records, with the database each one lives in. */
const OFFICER_KINDS = [
  ['Kiểm tra môi trường', DBS.log],
  ['Họp thôn / bầu cử', DBS.log],
  ['Tiếp công dân / đối thoại', DBS.citizens],
  ['Kiểm tra niêm yết công khai', DBS.log],
  ['Buổi tuyên truyền', DBS.log],
  ['Kiểm tra Bộ phận một cửa', DBS.log],
  ['Xử lý phản ánh, kiến nghị', DBS.citizens],
] as const;
const PATROL = 'Tuần tra / vụ việc ANTT';

async function smallPhoto(page: Page, seed: number) {
  const b64 = await page.evaluate(makePhotoInPage, { width: 1600, height: 1200, seed });
  return Buffer.from(b64, 'base64');
}

/** Fills a new record of `kind` (the GPS is left to the caller), one photo attached. */
async function fill(page: Page, kind: string, n: number) {
  await page.goto('/');
  await page.getByRole('link', { name: `Ghi mới: ${kind}` }).click();
  await setField(page, 'Thôn/bản', HAMLET);
  await setField(page, 'Địa điểm cụ thể', `${TAG} số ${n}`);
  const photo = await smallPhoto(page, n);
  await page
    .getByTestId('photo-gallery')
    .setInputFiles({ name: `IMG_${n}.jpg`, mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('photo-count')).toHaveText('(1/6 ảnh)', { timeout: 60_000 });
}

async function send(page: Page) {
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('(Đã gửi)');
}

/** The position the form took, as the person reads it. */
async function takePosition(page: Page, button: 'Lấy vị trí' | 'Thử lại' = 'Lấy vị trí') {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('gps')).toContainText('22.35291, 103.87654 (sai số ±12 m, lúc ');
}

/** Cuts the GPS off in Chromium itself: a position is then "unavailable", as with no signal. */
async function loseSignal(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setGeolocationOverride', {});
}

test('every kind recorded offline with GPS granted, lost and refused, photos, sent and seen by the chair', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const officer = await newPhone(browser, { permissions: ['geolocation'], geolocation: HERE });
  const { page, context } = officer;
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  await context.setOffline(true);
  await page.reload();

  for (const [n, [kind]] of OFFICER_KINDS.entries()) {
    await fill(page, kind, n + 1);
    if (n === 0) {
      // No signal first: said so, the form still works, and "Thử lại" gets the fix later.
      await loseSignal(context, page);
      await page.getByRole('button', { name: 'Lấy vị trí' }).click();
      await expect(page.getByTestId('gps-problem')).toHaveText(
        'Không có tín hiệu GPS. Có thể ghi tiếp mà không có vị trí, hoặc ra chỗ thoáng và bấm "Thử lại".',
        { timeout: 45_000 },
      );
      await screenshot(page, 'gps-no-signal');
      await context.setGeolocation(HERE);
      await takePosition(page, 'Thử lại');
      await expect(page.getByTestId('gps-problem')).toHaveCount(0);
      await screenshot(page, 'gps-fix');
    } else await takePosition(page);
    if (n === 3) {
      // A reload halfway: the typing, the position and the photo come back.
      await page.reload();
      await expect(page.getByLabel('Địa điểm cụ thể', { exact: true })).toHaveValue(`${TAG} số 4`);
      await expect(page.getByTestId('gps')).toContainText('±12 m');
      await expect(page.getByTestId('photo-count')).toHaveText('(1/6 ảnh)');
    }
    await send(page);
  }
  await expect(page.getByText('Vị trí GPS')).toBeVisible();
  await expect(page.getByText(/22\.35291, 103\.87654 \(sai số ±12 m, lúc \d\d:\d\d/)).toBeVisible();
  // Still offline, the status bar tells the records and their photos apart.
  await page.goto('/');
  await expect(page.getByTestId('sync-pending')).toContainText(
    '7 bản ghi và 7 ảnh chưa lên máy chủ',
  );
  await screenshot(page, 'every-kind-unsent');

  // The police officer's phone has refused to share its location.
  const police = await newPhone(browser);
  await signIn(police.page, POLICE);
  await waitForServiceWorker(police.page);
  await expect(police.page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  await police.context.setOffline(true);
  await fill(police.page, PATROL, 8);
  await police.page.getByRole('button', { name: 'Lấy vị trí' }).click();
  await expect(police.page.getByTestId('gps-problem')).toContainText(
    'Máy chưa cho Sổ hiện trường dùng vị trí.',
  );
  await expect(police.page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  await screenshot(police.page, 'gps-refused');
  await send(police.page);
  await expect(police.page.getByText('Không có vị trí GPS')).toBeVisible();

  // Back online: every record and its photo reach the server, each in its database.
  for (const phone of [officer, police]) {
    await phone.context.setOffline(false);
    await expect(phone.page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', {
      timeout: 90_000,
    });
    await expect.poll(() => pendingCount(phone.page), { timeout: 60_000 }).toBe(0);
  }
  const kinds = [...OFFICER_KINDS, [PATROL, DBS.police] as const];
  for (const [n, [, db]] of kinds.entries()) {
    const docs = await serverDocs(baseURL!, db, basic(CHAIR));
    const record = docs.find((d) => d.place === `${TAG} số ${n + 1}`);
    expect(record, `record ${n + 1} in ${db}`).toBeDefined();
    expect(record!.status).toBe('submitted');
    expect(record!.photos).toEqual([1]);
    if (db === DBS.police) expect(record!.gps).toBeNull();
    else expect(record!.gps).toMatchObject({ lat: 22.35291, lon: 103.87654, accuracy: 12 });
    // Its photo is in the paired photo database, synced after the records (issue 16.2).
    const photos = await serverDocs(baseURL!, `${db}-photos`, basic(CHAIR));
    expect(photos.some((d) => d.type === 'photo' && d.record === record!._id)).toBe(true);
  }

  // The chair's phone: every one of them, each with its thumbnail, found by a search.
  const chair = await newPhone(browser);
  await signIn(chair.page, CHAIR);
  await chair.page.getByLabel('Tìm (không cần dấu)').fill('moi loai viec');
  const rows = chair.page.getByTestId('check-list').getByRole('link');
  await expect(rows).toHaveCount(8, { timeout: 90_000 });
  await expect(rows.getByTestId('thumb')).toHaveCount(8, { timeout: 60_000 });
  await screenshot(chair.page, 'every-kind-chair');

  for (const phone of [officer, police, chair]) {
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }
});
