// The spine, as a person meets it: record offline, survive a reload, sync when back online,
// and the supervisor on another device sees the record.
import { expect, test } from '@playwright/test';
import {
  CHAIR,
  OFFICER,
  basic,
  pendingCount,
  serverDocs,
  signIn,
  waitForServiceWorker,
} from './helpers';

const LOG_DB = 'fieldbook-hong-phong';

test('a check recorded offline survives reloads, syncs, and reaches the supervisor', async ({
  browser,
  baseURL,
}) => {
  const officer = await browser.newContext();
  const page = await officer.newPage();
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');

  // No network from here on; the app must reload from its service worker.
  await officer.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'offline');
  await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();

  await page.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await page.getByLabel('Thôn/bản').selectOption('Thôn Pò Nhùng');
  await page.getByLabel('Địa điểm cụ thể').fill('Điểm tập kết rác đầu thôn');
  await page.getByLabel('Số hộ được kiểm tra').fill('42');
  await page
    .getByLabel('Kết quả, phát hiện')
    .fill('Rác được thu gom đúng lịch; điểm tập kết sạch sẽ.');
  await page.getByLabel('Mục kế hoạch liên quan').selectOption('2.3.7');
  await page.getByRole('button', { name: 'Gửi' }).click();
  await expect(page.getByTestId('status')).toHaveText('(Đã gửi)');
  const url = page.url();

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(page.getByText('Rác được thu gom đúng lịch; điểm tập kết sạch sẽ.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('check-list')).toContainText('Thôn Pò Nhùng');
  await expect.poll(() => pendingCount(page)).toBeGreaterThan(0);

  // Back online: it syncs by itself.
  await officer.setOffline(false);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', {
    timeout: 30_000,
  });
  await expect.poll(() => pendingCount(page)).toBe(0);
  const onServer = await serverDocs(baseURL!, LOG_DB, basic(CHAIR));
  expect(onServer.map((d) => d.hamlet)).toContain('Thôn Pò Nhùng');

  // The chair, on another device, sees it in the merged log.
  const chair = await browser.newContext();
  const chairPage = await chair.newPage();
  await signIn(chairPage, CHAIR);
  await expect(chairPage.getByTestId('check-list')).toContainText('Thôn Pò Nhùng');
  await chairPage.getByRole('link', { name: /Thôn Pò Nhùng/ }).click();
  await expect(chairPage.getByText('Điểm tập kết rác đầu thôn')).toBeVisible();
  await expect(chairPage.getByText('Nguyễn Văn Cán Bộ (Công chức)')).toBeVisible();

  await officer.close();
  await chair.close();
});

test('bad input gets a Vietnamese message and nothing typed is lost', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  await page.getByRole('link', { name: 'Ghi mới: Họp thôn / bầu cử' }).click();
  await page.getByLabel('Số hộ / cử tri').fill('12a');
  await page.getByLabel('Nội dung họp').fill('Bàn về thu quỹ vệ sinh môi trường');
  await expect(
    page.getByText('Số hộ / cử tri phải là số nguyên, ví dụ 15 hoặc 1.500.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('form-message')).toContainText('Chưa lưu');
  // Still there, as typed, and still there after a reload.
  await expect(page.getByLabel('Nội dung họp')).toHaveValue('Bàn về thu quỹ vệ sinh môi trường');
  await expect(page.getByLabel('Số hộ / cử tri')).toHaveValue('12a');
  await page.reload();
  await expect(page.getByLabel('Nội dung họp')).toHaveValue('Bàn về thu quỹ vệ sinh môi trường');

  await page.getByLabel('Thôn/bản').selectOption('Bản Khòn Pát');
  await page.getByLabel('Số hộ / cử tri').fill('85');
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('status')).toHaveText('(Nháp)');
  await expect(page.getByText('Bàn về thu quỹ vệ sinh môi trường')).toBeVisible();
  await ctx.close();
});

test('a shared phone: the next person never sees what the first one typed', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  await page.goto('/checks/new?kind=environment');
  await page.getByLabel('Thôn/bản').selectOption('Thôn Khuổi Phầy');
  await page.getByLabel('Kết quả, phát hiện').fill('Ghi chép chưa lưu của cán bộ');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, CHAIR);
  await page.goto('/checks/new?kind=environment');
  await expect(page.getByLabel('Thôn/bản')).toHaveValue('');
  await expect(page.getByLabel('Kết quả, phát hiện')).toHaveValue('');
  // Nothing of it in the second person's device state (it stays in the first person's).
  const theirs = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => !k.startsWith('fieldbook:u:canbo:'))
      .map((k) => localStorage.getItem(k))
      .join('\n'),
  );
  expect(theirs).not.toContain('Khuổi Phầy');
  await page.screenshot({ path: 'test-results/screens/shared-phone-second-person.png' });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();

  // The first person's typing is theirs: it is back when they sign in again.
  await signIn(page, OFFICER);
  await page.goto('/checks/new?kind=environment');
  await expect(page.getByLabel('Thôn/bản')).toHaveValue('Thôn Khuổi Phầy');
  await ctx.close();
});
