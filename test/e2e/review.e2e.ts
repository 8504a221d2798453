// The review flow on two devices: an officer sends a record from a phone; the chair, offline,
// returns it with a comment; the officer sees the comment at the top of their work, corrects
// the record and sends it again; the chair approves; the officer's record is then frozen.
import { expect, test, type Page } from '@playwright/test';
import { CHAIR, OFFICER, basic, newDevice, serverDocs, signIn } from './helpers';

const LOG_DB = 'fieldbook-hong-phong';
const PHONE = { viewport: { width: 390, height: 844 } };

const synced = (page: Page) =>
  expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', { timeout: 30_000 });

test('return, correct, resend, approve: two devices, one of them offline', async ({
  browser,
  baseURL,
}) => {
  // Two devices, three syncs each way: longer than one screen's test on a loaded machine.
  test.setTimeout(240_000);
  const officer = await newDevice(browser, PHONE);
  const chair = await newDevice(browser, PHONE);
  const o = officer.page;
  const c = chair.page;

  await signIn(o, OFFICER);
  await o.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await o.getByLabel('Thôn/bản').selectOption('Thôn Nà Pàn');
  // Other specs leave records waiting in the same queue: this one has its own place.
  const place = `Bãi rác số ${Date.now() % 100_000}`;
  await o.getByLabel('Địa điểm cụ thể').fill(place);
  await o.getByLabel('Kết quả, phát hiện').fill('Điểm tập kết rác sạch.');
  await o.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(o.getByTestId('status')).toHaveText('(Đã gửi)');
  await expect(o.getByTestId('review-state')).toContainText('đang chờ duyệt');
  await expect(o.getByTestId('withdraw')).toBeVisible();
  const recordUrl = o.url();
  await synced(o);

  // The chair finds it in the queue, then loses the signal and returns it.
  await signIn(c, CHAIR);
  await c.getByTestId('nav-review').click();
  await expect(c.getByTestId('review-queue')).toContainText(place);
  await c.getByRole('link', { name: new RegExp(place) }).click();
  await chair.context.setOffline(true);
  await c.getByRole('button', { name: 'Trả lại để sửa' }).click();
  await expect(c.getByRole('alert')).toHaveText('Hãy ghi rõ cần sửa gì trước khi trả lại.');
  await c.getByLabel('Ý kiến của người duyệt').fill('Bổ sung số hộ được kiểm tra.');
  await c.getByRole('button', { name: 'Trả lại để sửa' }).click();
  await expect(c.getByTestId('status')).toHaveText('(Bị trả lại)');
  await expect(c.getByTestId('review-form')).toHaveCount(0);
  await chair.context.setOffline(false);
  await synced(c);

  // The merged log's review filter reads the verdict (the record itself still says "sent").
  await c.goto('/');
  await c.getByLabel('Tìm (không cần dấu)').fill(place);
  await c.getByText('Lọc nhật ký').click();
  const log = c.getByTestId('check-list');
  await expect(log.locator('li')).toHaveCount(1);
  await expect(log).toContainText('Bị trả lại');
  await c.getByLabel('Tình trạng duyệt').selectOption('Đã gửi');
  await expect(c.getByTestId('log-empty')).toBeVisible();
  await c.getByLabel('Tình trạng duyệt').selectOption('Bị trả lại');
  await expect(log.locator('li')).toHaveCount(1);
  await expect(log).toContainText(place);

  // The officer sees it at the top of their work, with the comment, and corrects it.
  await o.goto('/');
  const returned = o.getByTestId('returned-to-me');
  await expect(returned).toContainText('Bổ sung số hộ được kiểm tra.', { timeout: 30_000 });
  // Other specs leave returned records of this officer too: this one is found by its link.
  await returned.locator(`a[href="${recordUrl.slice(recordUrl.indexOf('/check'))}"]`).click();
  await expect(o.getByTestId('return-comment')).toHaveText('Bổ sung số hộ được kiểm tra.');
  await expect(o.getByTestId('review-state')).toContainText('Hoàng Văn Huân (Chủ tịch UBND xã)');
  await o.getByTestId('correct').click();
  await o.getByLabel('Số hộ được kiểm tra').fill('37');
  await o.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(o.getByTestId('status')).toHaveText('(Đã gửi)');
  await synced(o);
  await o.goto('/');
  await expect(o.getByTestId('returned-to-me')).toHaveCount(0);

  // Back in the queue (a new version), the chair approves.
  await c.goto('/review');
  await expect(c.getByTestId('review-queue')).toContainText(place, { timeout: 30_000 });
  await c.getByRole('link', { name: new RegExp(place) }).click();
  await expect(c.getByText('37', { exact: true })).toBeVisible();
  c.once('dialog', (d) => void d.accept());
  await c.getByRole('button', { name: 'Duyệt bản ghi' }).click();
  await expect(c.getByTestId('status')).toHaveText('(Đã duyệt)');
  await synced(c);
  await c.goto('/review');
  await expect(c.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(c.getByText(place)).toHaveCount(0);

  // The officer's record is approved and frozen: no edit, no withdraw.
  await o.goto(recordUrl);
  await expect(o.getByTestId('status')).toHaveText('(Đã duyệt)', { timeout: 30_000 });
  await expect(o.getByTestId('review-state')).toContainText('không sửa được nữa');
  await expect(o.getByRole('button', { name: 'Sửa' })).toHaveCount(0);
  await expect(o.getByTestId('withdraw')).toHaveCount(0);

  const docs = await serverDocs(baseURL!, LOG_DB, basic(CHAIR));
  const record = docs.find((d) => d._id === new URL(recordUrl).searchParams.get('id'))!;
  expect(record.status).toBe('approved');
  const reviews = docs.filter((d) => d.type === 'review' && d.recordId === record._id);
  expect(reviews.map((r) => r.verdict).sort()).toEqual(['approve', 'return']);
  expect(officer.errors).toEqual([]);
  expect(chair.errors).toEqual([]);
  await officer.context.close();
  await chair.context.close();
});
