// Issue 12.5: people are named by full name and Vietnamese role title, never by username or
// role code — in the header, on a plan item's history; index names and role titles follow the
// language switch.
import { expect, test } from '@playwright/test';
import { OFFICER, signIn } from './helpers';
import { newPhone, screenshot } from './phone';

test('full names and role titles, not usernames; names follow the language', async ({
  browser,
}) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, OFFICER);
  await expect(page.getByTestId('who')).toHaveText('Nguyễn Văn Cán Bộ');

  await page.goto('/plan/item?code=2.1.4');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('30');
  await page.getByLabel('Ghi chú').fill('Đã rà soát bộ máy');
  await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
  const history = page.getByTestId('progress-history');
  await expect(history).toContainText('Nguyễn Văn Cán Bộ (Công chức)');
  await expect(page.locator('main')).not.toContainText('canbo');
  await expect(page.locator('main')).not.toContainText('(officer)');
  await screenshot(page, 'names-history');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('progress-history')).toContainText('Nguyễn Văn Cán Bộ (Official)');
  await expect(page.getByTestId('who')).toHaveText('Nguyễn Văn Cán Bộ');
  await page.goto('/plan');
  await expect(page.getByTestId('plan-index').first()).toContainText(
    'Public Administration Reform Index',
  );
  await screenshot(page, 'names-english-plan');
  expect(errors).toEqual([]);
  await context.close();
});
