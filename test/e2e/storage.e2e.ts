// A phone's storage (issue 15.4): a save that meets a full disk says so in Vietnamese next to
// the form and loses nothing typed; the device page shows what is used and left, and a nearly
// full phone warns on every screen.
import { expect, test } from '@playwright/test';
import { OFFICER, setField, signIn } from './helpers';
import { newPhone, screenshot } from './phone';

const QUOTA_TEXT =
  'Bộ nhớ của máy đã đầy nên chưa lưu được bản ghi. Nội dung đã nhập vẫn còn nguyên; hãy xóa bớt ảnh, video hoặc ứng dụng không cần trên máy rồi bấm lưu lại.';

test('a full disk on save: a clear message, the typing kept, and the save works once there is room', async ({
  browser,
}) => {
  const { page, context, errors } = await newPhone(browser);
  // A full disk as IndexedDB reports it: the write's transaction aborts, its error a
  // QuotaExceededError. Made by writing the record twice (the store's unique index refuses the
  // second, which aborts the transaction the way a full disk does), for the one write that
  // carries `__quotaFor`.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      const w = window as unknown as { __quotaFor?: string };
      if (!w.__quotaFor || !JSON.stringify(value ?? null).includes(w.__quotaFor))
        return put.call(this, value, key);
      delete w.__quotaFor;
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      Object.defineProperty(this.transaction, 'error', { value: error });
      const req = put.call(this, value, key);
      put.call(this, value, key);
      return req;
    };
  });
  await signIn(page, OFFICER);
  const place = `Kho phân bón Nà Pàn ${Date.now() % 100_000}`;
  await page.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await setField(page, 'Thôn/bản', 'Thôn Nà Rì');
  await setField(page, 'Địa điểm cụ thể', place);
  await page.evaluate(
    (p) => ((window as unknown as { __quotaFor?: string }).__quotaFor = p),
    place,
  );
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('form-message')).toHaveText(QUOTA_TEXT);
  await expect(page.getByLabel('Địa điểm cụ thể', { exact: true })).toHaveValue(place);
  await screenshot(page, 'storage-quota-error');

  // Kept through a reload too (the draft), and saved once the disk has room.
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Địa điểm cụ thể', { exact: true })).toHaveValue(place);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('status')).toBeVisible();
  await page.getByRole('link', { name: 'Sổ hiện trường', exact: true }).click();
  await expect(page.getByTestId('check-list')).toContainText(place);

  // The device page: used and free space, from the browser's own estimate.
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('storage-use')).toHaveText(
    /^Đã dùng [\d.,]+ [KMG]B \([\d,]+ %\), còn trống [\d.,]+ [KMG]B\.$/,
  );
  await expect(page.getByTestId('storage-near-full')).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a nearly full phone warns on every screen and on the device page', async ({ browser }) => {
  const { page, context, errors } = await newPhone(browser);
  // The browser says 90 % of the quota is used.
  await page.addInitScript(() => {
    navigator.storage.estimate = async () => ({ usage: 900_000_000, quota: 1_000_000_000 });
  });
  await signIn(page, OFFICER);
  await expect(page.getByTestId('storage-warning')).toContainText('Bộ nhớ của máy sắp đầy.');
  await page.getByTestId('nav-device').click();
  await expect(page.getByTestId('storage-use')).toHaveText(
    'Đã dùng 900 MB (90 %), còn trống 100 MB.',
  );
  await expect(page.getByTestId('storage-near-full')).toBeVisible();
  await screenshot(page, 'storage-near-full');
  expect(errors).toEqual([]);
  await context.close();
});
