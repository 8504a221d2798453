// The merged log at scale on the home screen: search covers the whole log (diacritics
// ignored), not the first page, and a filtered list follows records arriving by sync.
import { expect, test } from '@playwright/test';
import { CHAIR, OFFICER, basic, newDevice, signIn } from './helpers';
import { makeCheck } from '../support/fixtures';

const LOG_DB = 'fieldbook-hong-phong';
const chairAuthor = { name: CHAIR.name, role: 'chair', commune: 'hong-phong' };

async function upload(baseURL: string, docs: object[]) {
  const res = await fetch(`${baseURL}/db/${LOG_DB}/_bulk_docs`, {
    method: 'POST',
    headers: { authorization: basic(CHAIR), 'content-type': 'application/json' },
    body: JSON.stringify({ docs }),
  });
  expect(res.status).toBe(201);
}

test('search finds a record beyond the first page, and a filtered list follows sync', async ({
  browser,
  baseURL,
}) => {
  // An old record with words of its own, then 60 newer ones: it is not on the first page.
  const old = makeCheck(0, chairAuthor, 'environment', new Date('2024-03-05T02:00:00.000Z'));
  old.hamlet = 'Thôn Pò Nhùng';
  old.findings = 'Kiểm tra vệ sinh giếng nước đầu nguồn.';
  const start = Date.parse('2025-01-01T02:00:00.000Z');
  const newer = Array.from({ length: 60 }, (_, i) => {
    const d = makeCheck(i + 1, chairAuthor, 'environment', new Date(start + i * 3_600_000));
    d.hamlet = 'Thôn Nà Cạn';
    return d;
  });
  await upload(baseURL!, [old, ...newer]);

  const { context, page, errors } = await newDevice(browser);
  await signIn(page, OFFICER);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  const list = page.getByTestId('check-list');
  await expect(list).toContainText('Thôn Nà Cạn');
  await expect(list).not.toContainText('Pò Nhùng');

  // Typed without diacritics and in capitals: found in the whole log.
  await page.getByLabel('Tìm (không cần dấu)').fill('GIENG nuoc');
  await expect(list.locator('li')).toHaveCount(1);
  await expect(list).toContainText('Thôn Pò Nhùng');
  await page.getByLabel('Tìm (không cần dấu)').fill('khong co ban ghi nao nhu the');
  await expect(page.getByTestId('log-empty')).toHaveText(
    'Không tìm thấy bản ghi nào có “khong co ban ghi nao nhu the”.',
  );

  // Filters: hamlet and days of work, together with a search.
  await page.getByLabel('Tìm (không cần dấu)').fill('ve sinh');
  await page.getByText('Lọc nhật ký').click();
  await page.getByLabel('Thôn/bản').selectOption('Thôn Pò Nhùng');
  await expect(list.locator('li')).toHaveCount(1);
  await page.getByLabel('Làm từ ngày').fill('2024-04-01');
  await expect(page.getByTestId('log-empty')).toBeVisible();
  await page.getByLabel('Làm từ ngày').fill('2024-03-01');
  await expect(list.locator('li')).toHaveCount(1);

  // A record arriving by sync that matches the filters joins the list on screen.
  const arriving = makeCheck(99, chairAuthor, 'environment', new Date('2024-06-01T02:00:00.000Z'));
  arriving.hamlet = 'Thôn Pò Nhùng';
  arriving.findings = 'Vệ sinh máng nước sau mưa lũ.';
  await upload(baseURL!, [arriving]);
  await expect(list.locator('li')).toHaveCount(2);
  await expect(list.locator('li a').first()).toHaveAttribute(
    'href',
    `/check?id=${encodeURIComponent(arriving._id)}`,
  );

  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await page.getByLabel('Tìm (không cần dấu)').fill('');
  await expect(list.locator('li')).toHaveCount(50);
  expect(errors).toEqual([]);
  await context.close();
});
