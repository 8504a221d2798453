// Tasks on two phones: the chair assigns work to an officer (due yesterday, so overdue); the
// officer records a check whose follow-up names the chair, sees the task in "my work" marked
// overdue and closes it by linking that record; the chair sees the follow-up as their task and
// the tally per person; the server holds the task and its closing as documents of their own.
import { expect, test, type Page } from '@playwright/test';
import { CHAIR, OFFICER, basic, newDevice, serverDocs, signIn } from './helpers';

const LOG_DB = 'fieldbook-hong-phong';
const PHONE = { viewport: { width: 390, height: 844 } };
const synced = (page: Page) =>
  expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', { timeout: 30_000 });
const vnDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('assign, see it overdue, close it with a record; a follow-up becomes a task', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const chair = await newDevice(browser, PHONE);
  const officer = await newDevice(browser, PHONE);
  const c = chair.page;
  const o = officer.page;
  const what = `Kiểm tra lại bãi rác ven suối ${Date.now() % 100_000}`;

  await signIn(c, CHAIR);
  await c.getByTestId('nav-tasks').click();
  const form = c.getByTestId('assign-form');
  await form.getByRole('button', { name: 'Giao việc' }).click();
  await expect(form.getByRole('alert')).toHaveText('Hãy ghi việc cần làm.');
  await form.getByLabel('Việc cần làm').fill(what);
  await form.getByRole('button', { name: 'Giao việc' }).click();
  await expect(form.getByRole('alert')).toHaveText('Hãy chọn người hoặc bộ phận nhận việc.');
  await form.getByLabel('Chọn người').selectOption({ label: 'Nguyễn Văn Cán Bộ (Công chức)' });
  await form.getByLabel('Hạn hoàn thành').fill(vnDay(-1));
  await form.getByLabel('Thôn/bản (nếu có)').selectOption('Thôn Nà Pàn');
  await form.getByRole('button', { name: 'Giao việc' }).click();
  await expect(form.getByRole('status')).toHaveText('Đã giao việc; sẽ tự đồng bộ.');
  const mine = c.getByTestId('task-list').getByTestId('task').filter({ hasText: what });
  await expect(mine).toContainText('Quá hạn');
  await expect(mine).toContainText('Giao cho: Nguyễn Văn Cán Bộ (Công chức)');
  await synced(c);

  // The officer records a check whose follow-up names the chair, then sees the task.
  await signIn(o, OFFICER);
  await o.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await o.getByLabel('Thôn/bản').selectOption('Thôn Nà Pàn');
  const place = `Bãi rác ven suối ${Date.now() % 100_000}`;
  await o.getByLabel('Địa điểm cụ thể').fill(place);
  await o.getByLabel('Kết quả, phát hiện').fill('Đã dọn sạch bãi rác ven suối.');
  await o.getByLabel('Có việc cần làm tiếp').check();
  await o.getByLabel('Việc gì').fill('Mời hộ dân ký cam kết không đổ rác ra suối');
  await o.getByLabel('Ai làm').fill('Hoàng Văn Huân');
  await o.getByLabel('Hạn', { exact: true }).fill(vnDay(7));
  await o.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(o.getByTestId('status')).toHaveText('(Đã gửi)');
  await o.goto('/');
  const task = o.getByTestId('my-tasks').getByTestId('task').filter({ hasText: what });
  await expect(task).toContainText('Quá hạn', { timeout: 30_000 });
  await expect(task).toContainText('Người giao: Hoàng Văn Huân (Chủ tịch UBND xã)');
  await task.getByRole('button', { name: 'Báo đã xong' }).click();
  await task.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(task.getByRole('alert')).toHaveText('Hãy chọn bản ghi cho thấy việc đã xong.');
  const proof = task.getByLabel('Bản ghi cho thấy việc đã xong');
  const option = proof.locator('option', { hasText: place });
  await expect(option).toHaveCount(1);
  await proof.selectOption((await option.getAttribute('value'))!);
  await task.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(o.getByTestId('my-tasks').getByText(what)).toHaveCount(0);
  await synced(o);

  // The chair: the follow-up is their task now; the officer's shows closed in the tally.
  await c.goto('/');
  const followUp = c.getByTestId('my-tasks').getByTestId('task').filter({
    hasText: 'Mời hộ dân ký cam kết không đổ rác ra suối',
  });
  await expect(followUp).toContainText('Đang làm', { timeout: 30_000 });
  await expect(followUp).toContainText('Người giao: Nguyễn Văn Cán Bộ (Công chức)');
  await c.getByTestId('nav-tasks').click();
  const closed = c.getByTestId('task-list').getByTestId('task').filter({ hasText: what });
  await expect(closed.getByTestId('task-closing')).toContainText(
    'Đã xong – Nguyễn Văn Cán Bộ (Công chức) báo lúc',
  );
  const row = c.getByTestId('task-tally').getByRole('row', { name: /Nguyễn Văn Cán Bộ/ });
  await expect(row).toBeVisible();
  await expect(c.getByTestId('task-tally')).not.toContainText('canbo');

  const docs = await serverDocs(baseURL!, LOG_DB, basic(CHAIR));
  const stored = docs.find((d) => d.type === 'task' && d.title === what)!;
  expect(stored).toMatchObject({ assignee: 'canbo', author: 'chutich', hamlet: 'Thôn Nà Pàn' });
  const closing = docs.filter((d) => d.type === 'taskEvent' && d.taskId === stored._id);
  expect(closing).toHaveLength(1);
  expect(closing[0]).toMatchObject({ outcome: 'done', author: 'canbo' });
  const record = docs.find((d) => d.type === 'fieldCheck' && d.place === place)!;
  expect(closing[0].recordId).toBe(record._id);
  const fromRecord = docs.find((d) => d.type === 'task' && d.source === record._id)!;
  expect(fromRecord).toMatchObject({ assignee: 'chutich', author: 'canbo', due: vnDay(7) });
  expect(chair.errors).toEqual([]);
  expect(officer.errors).toEqual([]);
  await chair.context.close();
  await officer.context.close();
});
