// Accounts and rules as people meet them: police records stay on police and chair devices,
// an expired session loses nothing, a refused record is shown and can be corrected, hostile
// text stays text, and an admin manages accounts with Vietnamese messages.
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  CHAIR,
  OFFICER,
  POLICE,
  basic,
  newDevice,
  pendingCount,
  recordCheck,
  serverDocs,
  signIn,
  waitForServiceWorker,
} from './helpers';

const upToDate = { timeout: 30_000 };

test('police records reach police and chair devices, never an officer', async ({
  browser,
  baseURL,
}) => {
  const police = await newDevice(browser);
  await signIn(police.page, POLICE);
  await recordCheck(police.page, 'Tuần tra / vụ việc ANTT', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Tuyến tuần tra': 'Thôn Nà Rì – Bản Khòn Pát',
    'Biện pháp đã xử lý': 'Nhắc nhở hai thanh niên tụ tập sau 23 giờ',
  });
  await expect(police.page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);

  const chair = await newDevice(browser);
  await signIn(chair.page, CHAIR);
  await expect(chair.page.getByTestId('check-list')).toContainText('Tuần tra / vụ việc ANTT');

  const officer = await newDevice(browser);
  await signIn(officer.page, OFFICER);
  await expect(officer.page.getByTestId('sync')).toHaveAttribute(
    'data-phase',
    'upToDate',
    upToDate,
  );
  await expect(officer.page.getByText('Tuần tra / vụ việc ANTT')).toHaveCount(0);
  await expect(
    officer.page.getByRole('link', { name: 'Ghi mới: Tuần tra / vụ việc ANTT' }),
  ).toHaveCount(0);
  const status = await officer.page.evaluate(async () => {
    const res = await fetch('/db/fieldbook-hong-phong-police/_all_docs');
    return res.status;
  });
  expect([401, 403]).toContain(status);
  const onServer = await serverDocs(baseURL!, 'fieldbook-hong-phong-police', basic(CHAIR));
  expect(onServer.map((d) => d.kind)).toContain('security');

  for (const d of [police, chair, officer]) expect(d.errors).toEqual([]);
  await Promise.all([police, chair, officer].map((d) => d.context.close()));
});

test('an expired session asks to sign in again and loses nothing', async ({ browser, baseURL }) => {
  const { context, page, errors } = await newDevice(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await context.setOffline(true);
  await recordCheck(page, 'Kiểm tra môi trường', { 'Thôn/bản': 'Thôn Phiêng Kham' });
  await page.goto('/');
  await expect.poll(() => pendingCount(page)).toBe(1);

  await context.clearCookies(); // the server-side session is gone
  await context.setOffline(false);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'signedOut', upToDate);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Phiên đăng nhập đã hết hạn' }),
  ).toBeVisible();
  await expect(page.getByTestId('check-list')).toContainText('Thôn Phiêng Kham');

  await signIn(page, OFFICER);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await expect.poll(() => pendingCount(page)).toBe(0);
  const onServer = await serverDocs(baseURL!, 'fieldbook-hong-phong', basic(CHAIR));
  expect(onServer.map((d) => d.hamlet)).toContain('Thôn Phiêng Kham');
  expect(errors).toEqual([]);
  await context.close();
});

test.afterEach(async ({ baseURL }) => {
  // Whatever a test did to the demo officer's role, the next test starts from an officer.
  await fetch(`${baseURL}/api/users/canbo`, {
    method: 'PUT',
    headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'officer' }),
  });
});

test('a record the server refuses is shown with the reason, kept, and can be corrected', async ({
  browser,
  baseURL,
}) => {
  const setRole = (role: string) =>
    fetch(`${baseURL}/api/users/canbo`, {
      method: 'PUT',
      headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    });
  const { context, page, errors } = await newDevice(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  // The commune's hamlets come with the first sync: offline before it ends, the form has none.
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await context.setOffline(true);
  const url = await recordCheck(page, 'Kiểm tra môi trường', { 'Thôn/bản': 'Thôn Khuổi Phầy' });

  // Meanwhile the officer is moved to a role that may not file environment checks.
  expect((await setRole('reviewer')).status).toBe(200);
  await context.setOffline(false);
  await page.goto(url);
  await expect(page.getByTestId('rejection')).toContainText('Máy chủ từ chối', upToDate);
  // The validator names the rule the record broke (here: the author's role is no longer theirs).
  await expect(page.getByTestId('rejection')).toContainText('Vai trò');
  await expect(page.getByText('Thôn Khuổi Phầy')).toBeVisible();

  // Back in the right role, the officer corrects and submits again; the refusal clears.
  expect((await setRole('officer')).status).toBe(200);
  await page.getByRole('button', { name: 'Sửa', exact: true }).click();
  await page.getByLabel('Kết quả, phát hiện').fill('Đã kiểm tra lại sau khi được phân công lại.');
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('(Đã gửi)');
  await expect(page.getByTestId('rejection')).toHaveCount(0, upToDate);
  const onServer = await serverDocs(baseURL!, 'fieldbook-hong-phong', basic(CHAIR));
  expect(onServer.map((d) => d.hamlet)).toContain('Thôn Khuổi Phầy');
  expect(errors).toEqual([]);
  await context.close();
});

test('script-injection strings in every field render as inert text', async ({ browser }) => {
  const { context, page, errors } = await newDevice(browser);
  await page.addInitScript(() => ((window as unknown as { __xss: number }).__xss = 0));
  await signIn(page, OFFICER);
  const evil = (n: number) =>
    `<img src=x onerror="window.__xss=${n}"><script>window.__xss=${n}</script>`;
  const fields: Record<string, string> = {
    // The hamlet is chosen from the commune's list, so it carries no typed text.
    'Thôn/bản': 'Thôn Đồng Tâm',
    'Địa điểm cụ thể': evil(2),
    'Đoàn thể tổ chức': evil(3),
    'Kết quả, phát hiện': evil(4),
    'Kiến nghị': evil(5),
    'Người cùng tham gia (mỗi dòng một người)': evil(6),
    'Ghi chú': evil(7),
  };
  const url = await recordCheck(page, 'Kiểm tra môi trường', fields);
  for (const n of [2, 3, 4, 5, 6, 7]) await expect(page.getByText(evil(n))).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('check-list')).toContainText(evil(2));
  await page.getByLabel('Tìm (không cần dấu)').fill('onerror');
  await expect(page.getByTestId('check-list')).toContainText(evil(2));
  await page.goto(url);
  await expect(page.getByText(evil(4))).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss: number }).__xss)).toBe(0);
  expect(await page.locator('main img').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('an admin manages accounts; bad input gets Vietnamese messages', async ({ browser }) => {
  const { context, page, errors } = await newDevice(browser);
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Tài khoản' }).click();
  await expect(page.getByTestId('user-list')).toContainText('canbo');

  await page.getByLabel('Tên đăng nhập').fill('Bad Name');
  await page.getByLabel('Họ và tên').fill('Đinh Thị Văn Hóa');
  await page.getByLabel(/Mật khẩu/).fill('123');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByTestId('admin-error')).toContainText('Thông tin tài khoản chưa hợp lệ');
  await expect(page.getByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeVisible();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Đinh Thị Văn Hóa');

  await page.getByLabel('Tên đăng nhập').fill('vanhoa');
  await page.getByLabel(/Mật khẩu/).fill('vanhoa-2026');
  await page.getByLabel('Vị trí công tác').selectOption('culture');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByTestId('user-list')).toContainText('Đinh Thị Văn Hóa');
  await context.close();

  // The new official signs in on their own device.
  const official = await newDevice(browser);
  await signIn(official.page, { name: 'vanhoa', password: 'vanhoa-2026' });
  await expect(
    official.page.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }),
  ).toBeVisible();
  expect([...errors, ...official.errors]).toEqual([]);
  await official.context.close();
});
