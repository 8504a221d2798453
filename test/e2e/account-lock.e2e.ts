// Locking an account (issue 12): the admin confirms first and cannot lock themselves; a locked
// person who signs in is told the account is locked, and the phone they already had open says
// so too (not that their session expired), keeping everything on it.
import { expect, test } from '@playwright/test';
import { ADMIN, basic, recordCheck, signIn } from './helpers';
import { newPhone, screenshot } from './phone';

const upToDate = { timeout: 30_000 };
const THU_QUY = { name: 'thuquy', password: 'thu-quy-2026' };

test.beforeAll(async ({ baseURL }) => {
  const res = await fetch(`${baseURL}/api/users`, {
    method: 'POST',
    headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
    body: JSON.stringify({
      ...THU_QUY,
      fullName: 'Lục Thị Thủ Quỹ',
      role: 'officer',
      position: 'finance',
    }),
  });
  expect([201, 409]).toContain(res.status);
});

test.afterAll(async ({ baseURL }) => {
  await fetch(`${baseURL}/api/users/${THU_QUY.name}`, {
    method: 'PUT',
    headers: { authorization: basic(ADMIN), 'content-type': 'application/json' },
    body: JSON.stringify({ disabled: false }),
  });
});

test('locking asks first, never locks oneself, and the locked person is told so', async ({
  browser,
}) => {
  // The official's phone, signed in and synced.
  const official = await newPhone(browser);
  await signIn(official.page, THU_QUY);
  await expect(official.page.getByTestId('sync')).toHaveAttribute(
    'data-phase',
    'upToDate',
    upToDate,
  );

  // The admin's phone: their own account offers no lock.
  const admin = await newPhone(browser);
  await signIn(admin.page, ADMIN);
  await admin.page.goto('/admin');
  const list = admin.page.getByTestId('user-list');
  const own = list.locator('li').filter({ hasText: `(${ADMIN.name})` });
  await expect(own).toContainText('bạn không thể tự khóa');
  await expect(own.getByRole('button', { name: 'Khóa', exact: true })).toHaveCount(0);

  // Locking asks for confirmation; saying no changes nothing.
  const row = list.locator('li').filter({ hasText: `(${THU_QUY.name})` });
  await row.getByRole('button', { name: 'Khóa', exact: true }).click();
  const confirm = row.getByRole('alertdialog', { name: 'Xác nhận khóa tài khoản' });
  await expect(confirm).toContainText('Khóa tài khoản của Lục Thị Thủ Quỹ?');
  await screenshot(admin.page, 'account-lock-confirm');
  await confirm.getByRole('button', { name: 'Không khóa' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).not.toContainText('Đã khóa');

  await row.getByRole('button', { name: 'Khóa', exact: true }).click();
  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await expect(row).toContainText('Đã khóa');
  await screenshot(admin.page, 'account-lock-done');

  // The official's open phone: the next sync is refused and the phone says why.
  await recordCheck(official.page, 'Kiểm tra môi trường', { 'Thôn/bản': 'Thôn Bản Chang' });
  await official.page.goto('/');
  await expect(official.page.getByTestId('account-locked')).toHaveText(
    'Tài khoản của bạn đã bị khóa nên không đồng bộ được nữa. Dữ liệu trên máy vẫn còn; hãy liên hệ quản trị viên xã.',
    upToDate,
  );
  await expect(official.page.getByText('Phiên đăng nhập đã hết hạn')).toHaveCount(0);
  await expect(official.page.getByTestId('check-list')).toContainText('Thôn Bản Chang');
  await screenshot(official.page, 'account-locked-open-phone');

  // Signing in on another phone: told the account is locked.
  const other = await newPhone(browser);
  await other.page.goto('/login');
  await other.page.getByLabel('Tên đăng nhập').fill(THU_QUY.name);
  await other.page.getByLabel('Mật khẩu').fill(THU_QUY.password);
  await other.page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(other.page.getByRole('alert')).toHaveText(
    'Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên xã để mở lại.',
  );
  await screenshot(other.page, 'account-locked-sign-in');

  // Unlocked, the same phone syncs again and the notice goes.
  await admin.page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(row).not.toContainText('Đã khóa');
  await official.page.reload();
  await expect(official.page.getByTestId('account-locked')).toHaveCount(0, upToDate);
  await expect(official.page.getByTestId('sync')).toHaveAttribute(
    'data-phase',
    'upToDate',
    upToDate,
  );

  for (const d of [official, admin, other]) expect(d.errors).toEqual([]);
  await Promise.all([official, admin, other].map((d) => d.context.close()));
});
