// The plan as people meet it: "My work" on the home screen, and two devices updating the same
// plan item while offline — after both sync, both see both updates and the same status.
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN,
  CHAIR,
  OFFICER,
  basic,
  pendingCount,
  serverDocs,
  signIn,
  waitForServiceWorker,
} from './helpers';

// 2.1.2 (Cải cách thể chế): the officer (land) and the chair are both partners.
const ITEM = '/plan/item?code=2.1.2';

async function addUpdate(page: Page, status: string, percent: string, note: string) {
  await page.getByLabel('Trạng thái').selectOption({ label: status });
  await page.getByLabel('Tỷ lệ hoàn thành (%)').fill(percent);
  await page.getByLabel('Ghi chú').fill(note);
  await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(page.getByTestId('progress-history')).toContainText(note);
}

const currentStatus = (page: Page) =>
  page.getByTestId('current-state').getByTestId('progress-status').getAttribute('data-status');

test('home shows “Việc của tôi” with the officer’s plan items', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  const myWork = page.getByTestId('my-work');
  await expect(myWork.getByRole('heading', { name: 'Việc của tôi' })).toBeVisible();
  // canbo is the land officer: a partner of 2.1.1–2.1.8 among others (this year's plan).
  await expect(myWork.getByTestId('plan-item').first()).toBeVisible();
  await expect(myWork.getByTestId('evidence-count').first()).toContainText('minh chứng');
  await myWork.getByTestId('plan-item').first().click();
  await expect(page.getByRole('heading', { name: 'Tình hình hiện tại' })).toBeVisible();
  await ctx.close();
});

test('the plan screen lists the three indices and their items', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  await page.getByTestId('nav-plan').click();
  await expect(page.getByRole('heading', { name: /^Kế hoạch năm \d{4}$/ })).toBeVisible();
  await expect(page.getByTestId('plan-index')).toHaveCount(3);
  await expect(page.getByTestId('plan-index').nth(0)).toContainText('8 mục');
  await page.getByTestId('plan-index').nth(1).click();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  await page.getByTestId('plan-item').first().click();
  await expect(page.getByTestId('item-code')).toHaveText('2.2.1');
  await expect(page.getByText('Công chức Tư pháp – Hộ tịch')).toBeVisible();
  await ctx.close();
});

test('bad progress input gets a Vietnamese message and nothing typed is lost', async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  await page.goto('/plan/item?code=2.1.3');
  await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('150');
  await page.getByLabel('Ghi chú').fill('Đã rà soát hồ sơ trễ hạn quý III');
  await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(page.getByTestId('progress-message')).toContainText('Chưa lưu');
  await expect(
    page.getByText('Tỷ lệ hoàn thành (%) phải là số nguyên từ 0 đến 100.'),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Ghi chú')).toHaveValue('Đã rà soát hồ sơ trễ hạn quý III');
  await expect(page.getByLabel('Tỷ lệ hoàn thành (%)')).toHaveValue('150');
  await ctx.close();
});

test('progress: only the item’s lead, partners and the chair report it; done means 100 %', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  // 2.3.7 is led by the chair with the Front: the land official sees why there is no form.
  await page.goto('/plan/item?code=2.3.7');
  await expect(page.getByTestId('item-code')).toHaveText('2.3.7');
  await expect(
    page.getByText('Chỉ bộ phận chủ trì, bộ phận phối hợp và Chủ tịch UBND xã báo cáo tiến độ'),
  ).toBeVisible();
  await expect(page.getByTestId('progress-form')).toHaveCount(0);
  await page.screenshot({
    path: 'test-results/screens/progress-not-responsible.png',
    fullPage: true,
  });

  // 2.1.3: the land official is a partner. "Hoàn thành" fills in 100 % and keeps it.
  await page.goto('/plan/item?code=2.1.3');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Hoàn thành' });
  await expect(page.getByLabel('Tỷ lệ hoàn thành (%)')).toHaveValue('100');
  await expect(page.getByText('“Hoàn thành” nghĩa là đạt 100 %.')).toBeVisible();
  // 100 % while still "in progress" contradicts itself: refused with the rule, nothing lost.
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
  await page.getByLabel('Ghi chú').fill('Đã xong toàn bộ hồ sơ');
  await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
  await expect(page.getByText('Tỷ lệ không khớp trạng thái')).toBeVisible();
  await expect(page.getByLabel('Ghi chú')).toHaveValue('Đã xong toàn bộ hồ sơ');
  await page.screenshot({
    path: 'test-results/screens/progress-done-means-100.png',
    fullPage: true,
  });
  await ctx.close();
});

test('two devices update the same item offline; after sync both see both updates', async ({
  browser,
}) => {
  const officer = await browser.newContext();
  const chair = await browser.newContext();
  const phone = await officer.newPage();
  const office = await chair.newPage();
  await signIn(phone, OFFICER);
  await signIn(office, CHAIR);
  for (const page of [phone, office]) {
    await waitForServiceWorker(page);
    await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
    await page.goto(ITEM);
    await expect(page.getByTestId('item-code')).toHaveText('2.1.2');
  }

  await officer.setOffline(true);
  await chair.setOffline(true);
  for (const page of [phone, office])
    await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'offline');

  const phoneNote = 'Đã phổ biến văn bản mới cho cán bộ thôn (canbo)';
  const officeNote = 'Chờ hướng dẫn của huyện về quy chế (chutich)';
  await addUpdate(phone, 'Đang thực hiện', '60', phoneNote);
  await addUpdate(office, 'Vướng mắc', '40', officeNote);
  await expect(phone.getByTestId('progress-history')).not.toContainText(officeNote);

  await officer.setOffline(false);
  await chair.setOffline(false);
  for (const page of [phone, office]) {
    await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', {
      timeout: 30_000,
    });
    await expect.poll(() => pendingCount(page), { timeout: 30_000 }).toBe(0);
  }
  for (const page of [phone, office]) {
    const history = page.getByTestId('progress-history');
    await expect(history).toContainText(phoneNote, { timeout: 30_000 });
    await expect(history).toContainText(officeNote, { timeout: 30_000 });
    await expect(history.getByTestId('progress-entry')).toHaveCount(2);
  }
  // The same fold on both devices: the later update's status.
  await expect.poll(() => currentStatus(office)).toBe(await currentStatus(phone));
  expect(await currentStatus(phone)).toBe('blocked');

  await officer.close();
  await chair.close();
});

// Last in this file: from here on the commune also has a 2024 plan (between 2023 and this year).
test('the admin makes a plan for an earlier year and edits an item; the server accepts it', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, ADMIN);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  await page.goto('/plan/new-year');
  await page.getByLabel('Lập kế hoạch cho năm').fill('2024');
  await page.getByRole('button', { name: 'Mở', exact: true }).click();
  await page.getByRole('button', { name: 'Tạo kế hoạch năm 2024 (sao chép từ năm 2023)' }).click();
  await expect(page.getByText('Đã tạo kế hoạch năm 2024')).toBeVisible();

  await page.getByLabel('Chọn mục để sửa').selectOption('2.1.3');
  await page.getByLabel('Tên mục').fill('  ');
  await page.getByRole('button', { name: 'Lưu mục' }).click();
  await expect(page.getByTestId('editor-message')).toContainText('Chưa lưu');
  await expect(page.getByLabel('Tên mục')).toHaveValue('  ');
  const title = 'Cải cách thủ tục hành chính năm 2024';
  await page.getByLabel('Tên mục').fill(title);
  await page.getByRole('button', { name: 'Lưu mục' }).click();
  await expect(page.getByText('Đã lưu mục trên máy')).toBeVisible();

  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  await expect.poll(() => pendingCount(page), { timeout: 30_000 }).toBe(0);
  const onServer = await serverDocs(baseURL!, 'fieldbook-hong-phong', basic(CHAIR));
  const item = onServer.find((d) => d._id === 'planItem:hong-phong:2024:2.1.3');
  expect(item).toMatchObject({ title, deadline: '2024-11-29' });
  expect(onServer.some((d) => d._id === 'plan:hong-phong:2024')).toBe(true);
  await ctx.close();
});
