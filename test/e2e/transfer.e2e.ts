// Unsent records by file (issue 15.4): a phone that cannot sync exports its unsent record and
// its photo; the same official imports the file on another phone, which then holds exactly
// the same documents (exported again: identical, checksum too) and sends them under the
// official's name. A damaged file and someone else's file are refused in Vietnamese.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dbNames } from '../../src/lib/domain/constants';
import { makePhotoInPage } from '../support/photo-fixture';
import {
  CHAIR,
  OFFICER,
  basic,
  serverDocs,
  setField,
  signIn,
  waitForServiceWorker,
} from './helpers';
import { newPhone, screenshot } from './phone';

const LOG = dbNames('hong-phong').log;
const PHOTOS = `${LOG}-photos`;
const upToDate = { timeout: 30_000 };

async function exportFile(page: Page) {
  await page.getByTestId('nav-device').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Xuất bản ghi chưa gửi ra tệp' }).click(),
  ]);
  const text = readFileSync((await download.path())!, 'utf8');
  return {
    text,
    file: JSON.parse(text) as {
      author: string;
      checksum: string;
      databases: Record<string, Record<string, unknown>[]>;
    },
  };
}

const importText = (page: Page, text: string) =>
  page.getByLabel('Nhập tệp bản ghi').setInputFiles({
    name: 'so-hien-truong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });

async function signedInOffline(page: Page, who: { name: string; password: string }) {
  await signIn(page, who);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await page.context().setOffline(true);
}

test('export then import round-trips exactly, photos included, and only for their author', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const place = `Đập tràn Khuổi Luông ${Date.now() % 100_000}`;

  // The phone that cannot sync: a record with a photo, then the file.
  const old = await newPhone(browser);
  await signedInOffline(old.page, OFFICER);
  await old.page.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await setField(old.page, 'Thôn/bản', 'Thôn Nà Rì');
  await setField(old.page, 'Địa điểm cụ thể', place);
  const jpeg = await old.page.evaluate(makePhotoInPage, { width: 800, height: 600, seed: 15 });
  await old.page.getByTestId('photo-gallery').setInputFiles({
    name: 'IMG_0150.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from(jpeg, 'base64'),
  });
  await expect(old.page.getByTestId('photo-count')).toHaveText('(1/6 ảnh)', { timeout: 60_000 });
  await old.page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(old.page.getByTestId('status')).toBeVisible();
  const first = await exportFile(old.page);
  await expect(old.page.getByTestId('transfer-message')).toHaveText(
    'Đã xuất 1 bản ghi và 1 ảnh ra tệp.',
  );
  await screenshot(old.page, 'transfer-export');
  expect(first.file.author).toBe(OFFICER.name);
  // The record from the log, its photo from the paired photo database (issue 16.2).
  expect(Object.keys(first.file.databases).sort()).toEqual([LOG, PHOTOS]);
  const docs = [...first.file.databases[LOG], ...first.file.databases[PHOTOS]];
  expect(docs.map((d) => d.type).sort()).toEqual(['fieldCheck', 'photo']);
  expect(JSON.stringify(docs.find((d) => d.type === 'fieldCheck'))).toContain(place);
  const photo = docs.find((d) => d.type === 'photo') as {
    _attachments: Record<string, { data: string }>;
  };
  expect(Object.keys(photo._attachments).sort()).toEqual(['image', 'thumb']);
  expect(photo._attachments.image.data.length).toBeGreaterThan(1000);

  // Someone else cannot import it.
  const chair = await newPhone(browser);
  await signedInOffline(chair.page, CHAIR);
  await chair.page.getByTestId('nav-device').click();
  await importText(chair.page, first.text);
  await expect(chair.page.getByTestId('transfer-problem')).toHaveText(
    'Tệp này là bản ghi của người khác. Chỉ người đã ghi mới nhập được tệp của mình, khi đăng nhập bằng tài khoản của chính họ.',
  );

  // The official on another phone: a damaged file is refused, the real one comes in exactly.
  const other = await newPhone(browser);
  await signedInOffline(other.page, OFFICER);
  await other.page.getByTestId('nav-device').click();
  await importText(other.page, first.text.replace(place, `${place} (sửa)`));
  await expect(other.page.getByTestId('transfer-problem')).toHaveText(
    'Tệp đã bị hỏng hoặc bị sửa nên không nhập được. Hãy xuất lại từ máy cũ.',
  );
  await importText(other.page, first.text);
  await expect(other.page.getByTestId('transfer-message')).toHaveText(
    'Đã nhập 1 bản ghi và 1 ảnh. Chúng sẽ được gửi lên máy chủ khi có mạng.',
  );
  await screenshot(other.page, 'transfer-import');
  const again = await exportFile(other.page);
  expect(again.file.databases).toEqual(first.file.databases);
  expect(again.file.checksum).toBe(first.file.checksum);
  await other.page.getByRole('link', { name: 'Sổ hiện trường', exact: true }).click();
  await expect(other.page.getByTestId('check-list')).toContainText(place);

  // Online, the other phone sends them under the official's name.
  await other.context.setOffline(false);
  const onServer = async () =>
    [
      ...(await serverDocs(baseURL!, LOG, basic(CHAIR))),
      ...(await serverDocs(baseURL!, PHOTOS, basic(CHAIR))),
    ].filter((d) => docs.some((x) => x._id === d._id));
  await expect.poll(async () => (await onServer()).length, upToDate).toBe(2);
  for (const d of await onServer()) {
    const mine = docs.find((x) => x._id === d._id)!;
    expect(d._rev).toBe(mine._rev);
    if (d.type === 'fieldCheck') expect(d.author).toBe(OFFICER.name);
  }
  for (const d of [old, chair, other]) expect(d.errors).toEqual([]);
  await Promise.all([old, chair, other].map((d) => d.context.close()));
});
