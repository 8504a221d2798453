// Shared phones (issue 15), on a phone-sized screen in Vietnamese: signing out never loses a
// record; the next person learns whose records still wait on the phone.
import { expect, test } from '@playwright/test';
import { dbNames } from '../../src/lib/domain/constants';
import {
  CHAIR,
  OFFICER,
  basic,
  pendingCount,
  recordCheck,
  serverDocs,
  setField,
  signIn,
  waitForServiceWorker,
} from './helpers';
import { newPhone, screenshot } from './phone';

const LOG = dbNames('hong-phong').log;
// Records are told apart by their place (the hamlet is chosen from the commune's list).
const onServer = async (baseURL: string, place: string) =>
  (await serverDocs(baseURL, LOG, basic(CHAIR))).some((d) => d.place === place);

test('sign-out with unsent records warns, sends first when asked, and otherwise keeps them', async ({
  browser,
  baseURL,
}) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');

  // Offline, two records: signing out says how many and cannot send them now.
  await context.setOffline(true);
  const first = `Thôn Nà Pàn ${Date.now() % 100_000}`;
  const second = `Thôn Khau Slưa ${Date.now() % 100_000}`;
  await recordCheck(page, 'Kiểm tra môi trường', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Địa điểm cụ thể': first,
  });
  await recordCheck(page, 'Kiểm tra môi trường', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Địa điểm cụ thể': second,
  });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  const dialog = page.getByTestId('sign-out-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Còn 2 bản ghi chưa gửi lên máy chủ.');
  await expect(dialog).toContainText('Máy đang không có mạng nên chưa gửi được.');
  await expect(dialog.getByRole('button', { name: 'Gửi trước rồi đăng xuất' })).toBeDisabled();
  await screenshot(page, 'sign-out-offline');

  // Stay, come back online, and send first: both reach the server, then the sign-in page.
  await dialog.getByRole('button', { name: 'Ở lại' }).click();
  await expect(dialog).toBeHidden();
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(dialog).toContainText('Còn 2 bản ghi');
  await dialog.getByRole('button', { name: 'Gửi trước rồi đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/, { timeout: 30_000 });
  expect(await onServer(baseURL!, first)).toBe(true);
  expect(await onServer(baseURL!, second)).toBe(true);
  await expect(page.getByTestId('others-unsent')).toHaveCount(0);

  // Offline again and "sign out anyway": the record stays, and the sign-in page says whose.
  await signIn(page, OFFICER);
  await context.setOffline(true);
  const third = `Thôn Cốc Lùng ${Date.now() % 100_000}`;
  await recordCheck(page, 'Kiểm tra môi trường', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Địa điểm cụ thể': third,
  });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(dialog).toContainText('Còn 1 bản ghi chưa gửi lên máy chủ.');
  await dialog.getByRole('button', { name: 'Vẫn đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('others-unsent')).toHaveText(
    'Máy này còn giữ 1 bản ghi chưa gửi của Nguyễn Văn Cán Bộ. Người đó cần đăng nhập lại khi có mạng để gửi.',
  );
  await screenshot(page, 'sign-in-others-unsent');
  expect(await onServer(baseURL!, third)).toBe(false);

  // Back online, the same person signs in: the record was kept and now syncs.
  await context.setOffline(false);
  await signIn(page, OFFICER);
  await expect(page.getByTestId('check-list')).toContainText(third);
  await expect.poll(() => pendingCount(page), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => onServer(baseURL!, third)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

test('a receipt follows a record: on the phone, on the server (when), reviewed (by whom)', async ({
  browser,
}) => {
  const { context, page } = await newPhone(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  // The officer's earlier records come down first; only the new one is then unsent.
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  await context.setOffline(true);
  const hamlet = `Thôn Lũng Pù ${Date.now() % 100_000}`;
  const url = await recordCheck(page, 'Kiểm tra môi trường', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Địa điểm cụ thể': hamlet,
  });
  const receipt = page.getByTestId('receipt');
  await expect(receipt.getByTestId('receipt-saved')).toContainText('Đã lưu trên máy');
  await expect(receipt.getByTestId('receipt-sent')).toContainText('Đã gửi');
  await expect(receipt.getByTestId('receipt-server')).toHaveText(
    'Chưa lên máy chủ: máy sẽ tự gửi khi có mạng',
  );
  await expect(receipt.getByTestId('receipt-review')).toHaveText('Chờ duyệt');
  await expect(page.getByTestId('sync-pending')).toHaveText('1 bản ghi chưa lên máy chủ');
  await screenshot(page, 'receipt-on-phone');

  await context.setOffline(false);
  await expect(receipt.getByTestId('receipt-server')).toHaveAttribute('data-state', 'onServer', {
    timeout: 30_000,
  });
  await expect(receipt.getByTestId('receipt-server')).toContainText(/Đã lên máy chủ · \d\d:\d\d/);
  await expect(page.getByTestId('sync-pending')).toHaveText('Mọi bản ghi đã lên máy chủ');

  // The chair approves it on another phone; the officer's receipt says by whom.
  const chair = await newPhone(browser);
  await signIn(chair.page, CHAIR);
  await chair.page.goto(url);
  chair.page.on('dialog', (d) => void d.accept());
  await chair.page.getByRole('button', { name: 'Duyệt bản ghi' }).click();
  await expect(chair.page.getByTestId('receipt-review')).toHaveAttribute('data-state', 'approved');
  await expect(receipt.getByTestId('receipt-review')).toContainText('Đã duyệt: Hoàng Văn Huân', {
    timeout: 30_000,
  });
  await screenshot(page, 'receipt-reviewed');
  await chair.context.close();
  await context.close();
});

test('offline PIN: locked when reopened, wrong PINs slowed down, the next person sees none of it', async ({
  browser,
}) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await page.getByTestId('pin-offer').getByRole('link').click();
  await page.getByLabel('Mã PIN mới (ít nhất 6 chữ số)').fill('12345');
  await page.getByLabel('Nhập lại mã PIN').fill('12345');
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Mã PIN phải gồm ít nhất 6 chữ số (chỉ chữ số).',
  );
  await page.getByLabel('Mã PIN mới (ít nhất 6 chữ số)').fill('246810');
  await page.getByLabel('Nhập lại mã PIN').fill('246810');
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
  await expect(page.getByTestId('pin-offer')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('246810');

  // Offline: a record, then the app is closed and opened again: locked, nothing shown.
  await context.setOffline(true);
  const hamlet = `Thôn Khuổi Luông ${Date.now() % 100_000}`;
  // Within the app (opening a page anew would lock it: that comes next).
  await page.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await setField(page, 'Thôn/bản', 'Thôn Nà Rì');
  await setField(page, 'Địa điểm cụ thể', hamlet);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('status')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText('Nguyễn Văn Cán Bộ');
  await expect(page.getByTestId('check-list')).toHaveCount(0);
  await screenshot(page, 'lock-screen');
  const pin = page.getByLabel('Mã PIN', { exact: true });
  await pin.fill('111111');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByTestId('lock-message')).toHaveText('Mã PIN không đúng. Còn 2 lần thử.');
  await pin.fill('246810');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByTestId('check-list')).toContainText(hamlet);

  // Three wrong PINs: wait, and meanwhile even the right one is refused.
  await page.reload();
  for (let i = 0; i < 3; i++) {
    await pin.fill(`99999${i}`);
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(page.getByTestId('lock-message')).toBeVisible();
  }
  await expect(page.getByTestId('lock-message')).toHaveText(
    'Nhập sai nhiều lần. Hãy thử lại sau 30 giây.',
  );
  await pin.fill('246810');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByTestId('lock-message')).toContainText('Hãy thử lại sau');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await screenshot(page, 'lock-wait');

  // Someone else signs in with their own password: none of the officer's unsent record.
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Người khác dùng máy này' }).click();
  await signIn(page, CHAIR);
  await expect(page.getByTestId('who')).toHaveText('Hoàng Văn Huân');
  await expect(page.getByText(hamlet)).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
