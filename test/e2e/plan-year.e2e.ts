// Issue 12.3: the plan follows the calendar. A fresh install shows this year's plan (seeded from
// the 2023 plan, which stays as history) with nothing overdue; a year without a plan says so,
// and the admin makes it by copying any earlier plan and editing every item's deadline, lead,
// partners, tasks and criteria. Phone-sized, in Vietnamese; screenshots in test-results/screens.
import { expect, test } from '@playwright/test';
import { ADMIN, CHAIR, OFFICER, basic, pendingCount, serverDocs, signIn } from './helpers';

const PHONE = { width: 390, height: 844 };
/** This year in Vietnam, as the server that seeded the plan saw it. */
const YEAR = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
    new Date(),
  ),
);
const NEXT = YEAR + 1;
const shot = (name: string) => `test-results/screens/${name}.png`;

test('a fresh install opens on this year’s plan with nothing overdue; 2023 is history', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ viewport: PHONE });
  const page = await ctx.newPage();
  await signIn(page, OFFICER);
  const myWork = page.getByTestId('my-work');
  await expect(myWork.getByTestId('plan-link')).toHaveText(`Kế hoạch năm ${YEAR}`);
  await expect(myWork.getByTestId('plan-item').first()).toBeVisible();
  await expect(page.getByText('Quá hạn')).toHaveCount(0);
  await page.screenshot({ path: shot('home-this-year'), fullPage: true });

  await page.getByTestId('nav-plan').click();
  await expect(page.getByRole('heading', { name: `Kế hoạch năm ${YEAR}` })).toBeVisible();
  await expect(page.getByTestId('plan-index')).toHaveCount(3);
  await expect(page.getByText('mục quá hạn')).toHaveCount(0);
  await page.screenshot({ path: shot('plan-this-year'), fullPage: true });

  // The year picker: 2023 is still there, as it was (its deadline passed long ago).
  await page.getByLabel('Năm kế hoạch').selectOption('2023');
  await expect(page.getByRole('heading', { name: 'Kế hoạch năm 2023' })).toBeVisible();
  await expect(page.getByTestId('plan-index').first()).toContainText('8 mục quá hạn');
  await page.screenshot({ path: shot('plan-2023-history'), fullPage: true });
  await ctx.close();
});

test('next year without a plan: home says so; the admin copies 2023 into it and edits an item', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ viewport: PHONE });
  const page = await ctx.newPage();
  await signIn(page, ADMIN);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  // The phone's calendar moves to February of next year; the server's plans stay as they are.
  await page.clock.setFixedTime(new Date(`${NEXT}-02-10T09:00:00+07:00`));
  await page.goto('/');
  const myWork = page.getByTestId('my-work');
  await expect(myWork.getByTestId('no-plan')).toHaveText(`Chưa có kế hoạch năm ${NEXT}.`);
  await page.screenshot({ path: shot('home-no-plan-admin'), fullPage: true });
  await myWork.getByRole('link', { name: `Lập kế hoạch năm ${NEXT}` }).click();

  // Any earlier plan may be the source, not only last year's.
  await expect(page.getByRole('heading', { name: `Lập kế hoạch năm ${NEXT}` })).toBeVisible();
  await page.getByLabel('Sao chép từ kế hoạch').selectOption('plan:hong-phong:2023');
  await page.screenshot({ path: shot('new-plan-choose-source'), fullPage: true });
  await page
    .getByRole('button', { name: `Tạo kế hoạch năm ${NEXT} (sao chép từ năm 2023)` })
    .click();
  await expect(page.getByText(`Đã tạo kế hoạch năm ${NEXT}`)).toBeVisible();

  await page.getByLabel('Chọn mục để sửa').selectOption('2.1.3');
  const editor = page.getByTestId('item-editor');
  await expect(page.getByLabel('Hạn hoàn thành (ngày cuối cùng)')).toHaveValue(`${NEXT}-11-29`);
  await page.getByLabel('Hạn hoàn thành (ngày cuối cùng)').fill(`${NEXT}-10-31`);
  await page
    .getByLabel('Bộ phận chủ trì tham mưu')
    .selectOption({ label: 'Công chức Tư pháp – Hộ tịch' });
  await editor.getByLabel('Công an xã').check();
  await page
    .getByLabel('Nhiệm vụ, giải pháp (mỗi dòng một ý)')
    .fill('Rà soát thủ tục hành chính quý I\nNiêm yết công khai tại bộ phận một cửa');
  await editor.getByRole('button', { name: 'Thêm tiêu chí' }).click();
  // An empty new criterion is refused with a Vietnamese message, and nothing typed is lost.
  await editor.getByRole('button', { name: 'Lưu mục' }).click();
  await expect(editor.getByText('Hãy nhập nội dung tiêu chí.')).toBeVisible();
  await expect(page.getByLabel('Hạn hoàn thành (ngày cuối cùng)')).toHaveValue(`${NEXT}-10-31`);
  const criteria = editor.getByTestId('criterion');
  await criteria.last().getByRole('textbox').fill('100 % hồ sơ được trả đúng hạn');
  await editor.getByRole('button', { name: 'Lưu mục' }).click();
  await expect(page.getByText('Đã lưu mục trên máy')).toBeVisible();
  await page.screenshot({ path: shot('new-plan-item-edited'), fullPage: true });

  await expect.poll(() => pendingCount(page), { timeout: 30_000 }).toBe(0);
  const onServer = await serverDocs(baseURL!, 'fieldbook-hong-phong', basic(CHAIR));
  const item = onServer.find((d) => d._id === `planItem:hong-phong:${NEXT}:2.1.3`) as
    Record<string, unknown> | undefined;
  expect(item).toMatchObject({
    deadline: `${NEXT}-10-31`,
    lead: 'justice',
    leadText: 'Công chức Tư pháp – Hộ tịch',
    actions: ['Rà soát thủ tục hành chính quý I', 'Niêm yết công khai tại bộ phận một cửa'],
  });
  expect(item?.partners).toContain('police');
  expect(item?.partners).not.toContain('justice');
  expect((item?.criteria as { text: string }[]).at(-1)?.text).toBe('100 % hồ sơ được trả đúng hạn');

  // Back home (still next February): the new plan is this year's.
  await page.goto('/');
  await expect(myWork.getByTestId('plan-link')).toHaveText(`Kế hoạch năm ${NEXT}`);
  await ctx.close();
});
