// A phone's storage (issue 15.4): a save that meets a full disk says so in Vietnamese next to
// the form and loses nothing typed; the device page shows what is used and left, and a nearly
// full phone warns on every screen.
import { expect, test, type Page } from '@playwright/test';
import { CHAIR, OFFICER, setField, signIn } from './helpers';
import { newPhone, screenshot } from './phone';

const QUOTA_TEXT =
  'Bộ nhớ của máy đã đầy nên chưa lưu được. Nội dung đã nhập vẫn còn nguyên; hãy xóa bớt ảnh, video hoặc ứng dụng không cần trên máy rồi thử lại.';

/**
 * A full disk for the one write that carries `window.__quotaFor` (see `fullDiskOnce`).
 * IndexedDB: the write's transaction aborts, its error a QuotaExceededError, made by writing
 * the value twice (the store's unique index refuses the second, which aborts the transaction
 * the way a full disk does). localStorage (the PIN's hash): setItem throws the browser's own
 * QuotaExceededError for a key holding `__quotaFor`.
 */
async function diskFillsOnDemand(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __quotaFor?: string };
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if (!w.__quotaFor || !JSON.stringify(value ?? null).includes(w.__quotaFor))
        return put.call(this, value, key);
      delete w.__quotaFor;
      Object.defineProperty(this.transaction, 'error', { value: quota() });
      const req = put.call(this, value, key);
      put.call(this, value, key);
      return req;
    };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (!w.__quotaFor || !key.includes(w.__quotaFor)) return setItem.call(this, key, value);
      delete w.__quotaFor;
      throw quota();
    };
  });
}

/** The next write carrying `text` meets a full disk. */
const fullDiskOnce = (page: Page, text: string) =>
  page.evaluate((p) => ((window as unknown as { __quotaFor?: string }).__quotaFor = p), text);

test('a full disk on save: a clear message, the typing kept, and the save works once there is room', async ({
  browser,
}) => {
  const { page, context, errors } = await newPhone(browser);
  await diskFillsOnDemand(page);
  await signIn(page, OFFICER);
  const place = `Kho phân bón Nà Pàn ${Date.now() % 100_000}`;
  await page.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await setField(page, 'Thôn/bản', 'Thôn Nà Rì');
  await setField(page, 'Địa điểm cụ thể', place);
  await fullDiskOnce(page, place);
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

test('every form that saves typing says the same on a full disk: a task, the PIN', async ({
  browser,
}) => {
  const { page, context, errors } = await newPhone(browser);
  await diskFillsOnDemand(page);
  await signIn(page, CHAIR);

  // Assigning a task: the same sentence, everything typed still in the form, then saved.
  await page.getByTestId('nav-tasks').click();
  const form = page.getByTestId('assign-form');
  const what = `Kiểm tra kho phân bón ${Date.now() % 100_000}`;
  await form.getByLabel('Việc cần làm').fill(what);
  await form.getByLabel('Chọn người').selectOption({ label: 'Nguyễn Văn Cán Bộ (Công chức)' });
  await form.getByLabel('Ghi chú thêm').fill('Mang theo biên bản lần trước');
  await fullDiskOnce(page, what);
  await form.getByRole('button', { name: 'Giao việc' }).click();
  await expect(form.getByRole('alert')).toHaveText(QUOTA_TEXT);
  await expect(form.getByLabel('Việc cần làm')).toHaveValue(what);
  await expect(form.getByLabel('Ghi chú thêm')).toHaveValue('Mang theo biên bản lần trước');
  await screenshot(page, 'storage-quota-task');
  await form.getByRole('button', { name: 'Giao việc' }).click();
  await expect(form.getByRole('status')).toHaveText('Đã giao việc; sẽ tự đồng bộ.');
  await expect(page.getByTestId('task-list')).toContainText(what);
  // Without a reload: the databases PouchDB closed at the full disk were opened anew, and the
  // sync sends the task.
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', {
    timeout: 30_000,
  });

  // Setting a PIN (its hash goes to localStorage, which a full phone refuses too).
  await page.getByTestId('pin-offer').getByRole('link').click();
  await page.getByLabel('Mã PIN mới (ít nhất 6 chữ số)').fill('731904');
  await page.getByLabel('Nhập lại mã PIN').fill('731904');
  await fullDiskOnce(page, 'fieldbook:device:people');
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('alert')).toHaveText(QUOTA_TEXT);
  await expect(page.getByLabel('Mã PIN mới (ít nhất 6 chữ số)')).toHaveValue('731904');
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
  await expect(page.getByTestId('pin-offer')).toHaveCount(0);
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
