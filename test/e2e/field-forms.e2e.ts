// Issue 12.4 and 12.8 as a commune official meets them on a phone, in Vietnamese: a new phone
// says it is loading (with progress) instead of "no records"; a search with no match says so;
// form messages are sentences for the field; numbers are read the Vietnamese way in every
// number field; an end before the start is refused; plan items and hamlets are chosen from
// lists; typing brought back says so and can be discarded; a draft can be deleted; the status
// bar never says "synced" with changes waiting; the patrol's shift follows the clock.
// One officer phone goes through the tests in order (one sign-in); screenshots go to
// test-results/screens-<port>/ for a person to look at.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ADMIN, CHAIR, OFFICER, POLICE, basic, pendingCount, serverDocs, signIn } from './helpers';
import { newPhone } from './phone';

test.describe.configure({ mode: 'serial' });

const LOG_DB = 'fieldbook-hong-phong';
const upToDate = { timeout: 30_000 };
/** Text only a validator or a developer writes (zod's Vietnamese and English among them). */
const MACHINE =
  /mong đợi|Đầu vào|Quá (nhỏ|lớn)|expected|received|Invalid|NaN|undefined|\[object|details\./;
/** Today in Vietnam, as the datetime inputs take it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
/** This year in Vietnam: the plan a fresh install opens on. */
const YEAR = TODAY.slice(0, 4);
const NEW_HAMLET = 'Bản Khuổi Khon';
const PLACE = 'Bãi rác cuối bản (phiếu thử 12)';

/** What the phone's screen shows with `at` in the middle of it (the sticky save bar stays at
 * the bottom, where a person sees it), as test-results/screens-<port>/<name>.png. */
async function shot(at: Locator, name: string) {
  await at.first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const port = process.env.E2E_PORT ?? '4173';
  await at.page().screenshot({ path: `test-results/screens-${port}/${name}.png` });
}

let officer: { context: BrowserContext; page: Page; errors: string[] };

test.beforeAll(async ({ browser }) => {
  officer = await newPhone(browser);
  // Confirmations ("Bỏ những gì đang nhập dở?", "Xóa bản nháp này?") are answered yes.
  officer.page.on('dialog', (d) => void d.accept());
});

test.afterAll(async () => {
  await officer.context.close();
});

test('the admin keeps the hamlet list (one name per hamlet) and reads plan targets the Vietnamese way', async ({
  browser,
  baseURL,
}) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, ADMIN);
  await page.goto('/admin/hamlets');
  await page.getByLabel('Tên thôn/bản (vd: Thôn Đồng Tâm)').fill(NEW_HAMLET);
  await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
  await expect(page.getByText(`Đã thêm ${NEW_HAMLET}.`)).toBeVisible();
  // The same hamlet written another way is not a second hamlet.
  await page.getByLabel('Tên thôn/bản (vd: Thôn Đồng Tâm)').fill('khuoi khon');
  await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
  await expect(page.getByTestId('hamlets-error')).toHaveText(
    `${NEW_HAMLET} đã có trong danh sách.`,
  );
  await expect(page.getByTestId('hamlet-list')).toContainText(NEW_HAMLET);
  await shot(page.getByTestId('hamlets-error'), 'hamlets-admin-duplicate');

  // The plan editor reads a target as every other number field does.
  await page.goto(`/plan/new-year?year=${YEAR}`);
  await page.getByLabel('Chọn mục để sửa').selectOption('2.1.8');
  const budget = page.getByLabel(/^Chỉ tiêu của tiêu chí 2\.1\.8\.c/);
  const share = page.getByLabel(/^Chỉ tiêu của tiêu chí 2\.1\.8\.b/);
  await budget.fill('1.5');
  await page.getByRole('button', { name: 'Lưu mục' }).click();
  await expect(
    page.getByText(
      'Chỉ tiêu của tiêu chí 2.1.8.c: phần thập phân viết sau dấu phẩy (2,5); dấu chấm chỉ để ngăn hàng nghìn (1.500).',
    ),
  ).toBeVisible();
  await shot(budget, 'plan-target-decimal-dot');
  await budget.fill('1.500.000');
  await share.fill('0,5');
  await page.getByRole('button', { name: 'Lưu mục' }).click();
  await expect(page.getByText('Đã lưu mục trên máy')).toBeVisible();
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await expect.poll(() => pendingCount(page), upToDate).toBe(0);
  const item = (await serverDocs(baseURL!, LOG_DB, basic(CHAIR))).find(
    (d) => d._id === `planItem:hong-phong:${YEAR}:2.1.8`,
  ) as { criteria: { id: string; measure: { target: number | null } | null }[] } | undefined;
  const target = (id: string) => item?.criteria.find((c) => c.id === id)?.measure?.target;
  expect(target('2.1.8.c')).toBe(1_500_000);
  expect(target('2.1.8.b')).toBe(0.5);
  expect(errors).toEqual([]);
  await context.close();
});

test('a new phone says the commune’s data is loading, with progress, not “no records”', async () => {
  const { context, page } = officer;
  // Every database's changes are held back, as on a slow link: data is coming, not here yet.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const changes = (url: URL) => url.pathname.endsWith('/_changes');
  await context.route(changes, async (route) => {
    await released;
    // The phone may have given up on a held request meanwhile (it asks again).
    await route.continue().catch(() => undefined);
  });
  await signIn(page, OFFICER);
  const loading = page.getByTestId('first-sync');
  await expect(loading).toContainText('Đang tải dữ liệu của xã về máy lần đầu');
  await expect(loading.locator('progress')).toBeVisible();
  await expect(page.getByText('Chưa có bản ghi nào')).toHaveCount(0);
  // Nor does it say the commune has no plan while the plan is on its way.
  await expect(page.getByTestId('plan-loading')).toHaveText(
    'Kế hoạch năm của xã đang được tải về máy.',
  );
  await expect(page.getByTestId('no-plan')).toHaveCount(0);
  await shot(page.getByTestId('plan-loading'), 'first-sync-loading-plan');
  await shot(loading, 'first-sync-loading-log');

  release();
  await context.unroute(changes);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await expect(loading).toHaveCount(0);
  await expect(page.getByTestId('my-work').getByTestId('plan-link')).toBeVisible();
  await shot(page.getByTestId('my-work'), 'first-sync-done');
});

test('a search with no match says so', async () => {
  const { page } = officer;
  await page.goto('/');
  await page.getByLabel('Tìm (không cần dấu)').fill('chợ phiên Thứ Bảy');
  await expect(page.getByTestId('log-empty')).toHaveText(
    'Không tìm thấy bản ghi nào có “chợ phiên Thứ Bảy”.',
  );
  await shot(page.getByTestId('log-empty'), 'search-no-match');
  await page.getByLabel('Tìm (không cần dấu)').fill('');
});

test('form messages are sentences for the field; typing is kept, brought back, discarded', async () => {
  const { page } = officer;
  await page.goto('/checks/new?kind=environment');
  await page.getByLabel('Địa điểm cụ thể').fill(PLACE);
  // Numbers the phone cannot read are said at once, next to the field, and kept as typed.
  await page.getByLabel('Số hộ được kiểm tra').fill('1,2,3');
  await expect(page.locator('[data-error-for="env-householdsChecked"]')).toHaveText(
    'Số hộ được kiểm tra phải là số nguyên, ví dụ 15 hoặc 1.500.',
  );
  await page.getByLabel('Diện tích (m²)').fill('1.5');
  await expect(page.locator('[data-error-for="env-areaM2"]')).toHaveText(
    'Diện tích (m²): phần thập phân viết sau dấu phẩy (2,5); dấu chấm chỉ để ngăn hàng nghìn (1.500).',
  );
  // An end before the start.
  await page.getByLabel('Bắt đầu', { exact: true }).fill(`${TODAY}T08:00`);
  await page.getByLabel('Kết thúc', { exact: true }).fill(`${TODAY}T07:30`);

  // A reload (or a dead battery): everything typed is back, and the form says it was kept.
  await page.reload();
  const restored = page.getByTestId('draft-restored');
  await expect(restored).toContainText('Đây là bản đang nhập dở, được giữ lại trên máy lúc');
  await expect(page.getByLabel('Địa điểm cụ thể')).toHaveValue(PLACE);
  await expect(page.getByLabel('Số hộ được kiểm tra')).toHaveValue('1,2,3');
  await expect(page.locator('[data-error-for="env-householdsChecked"]')).toHaveText(
    'Số hộ được kiểm tra phải là số nguyên, ví dụ 15 hoặc 1.500.',
  );
  await expect(page.getByLabel('Diện tích (m²)')).toHaveValue('1.5');
  await expect(page.getByLabel('Kết thúc', { exact: true })).toHaveValue(`${TODAY}T07:30`);
  await shot(restored, 'draft-restored');

  // Sending is refused with a sentence per field, and nothing typed is lost.
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('form-message')).toHaveText(
    'Chưa lưu: hãy sửa các mục được đánh dấu. Nội dung đã nhập vẫn còn nguyên.',
  );
  await expect(page.locator('[data-error-for="hamlet"]')).toHaveText(
    'Hãy chọn thôn/bản nơi làm việc.',
  );
  await expect(page.locator('[data-error-for="endedAt"]')).toHaveText(
    'Thời gian kết thúc phải sau thời gian bắt đầu.',
  );
  await expect(page.getByLabel('Số hộ được kiểm tra')).toHaveValue('1,2,3');
  expect(await page.locator('main').innerText()).not.toMatch(MACHINE);
  await shot(page.locator('[data-error-for="hamlet"]'), 'form-refused-hamlet-times');
  await shot(page.locator('[data-error-for="env-areaM2"]'), 'form-refused-numbers');

  // Discarding brings the empty form back, and nothing is restored after a reload.
  await restored.getByRole('button', { name: 'Bỏ bản nháp' }).click();
  await expect(restored).toHaveCount(0);
  await expect(page.getByLabel('Địa điểm cụ thể')).toHaveValue('');
  await expect(page.getByLabel('Số hộ được kiểm tra')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Địa điểm cụ thể')).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByLabel('Địa điểm cụ thể')).toHaveValue('');
});

test('numbers, hamlet and plan item chosen from lists; the draft is saved, synced, deleted', async ({
  baseURL,
}) => {
  const { page } = officer;
  await page.goto('/checks/new?kind=environment');
  // The hamlet is one of the commune's list (the admin's new one among them), not free text.
  const hamlet = page.getByLabel('Thôn/bản', { exact: true });
  expect(await hamlet.evaluate((e) => e.tagName)).toBe('SELECT');
  await hamlet.selectOption(NEW_HAMLET);
  await page.getByLabel('Địa điểm cụ thể').fill(PLACE);
  await page.getByLabel('Số hộ được kiểm tra').fill('1.500');
  await page.getByLabel('Diện tích (m²)').fill('2,5');
  await page.getByLabel('Bắt đầu', { exact: true }).fill(`${TODAY}T07:00`);
  await page.getByLabel('Kết thúc', { exact: true }).fill(`${TODAY}T08:15`);
  // A plan item from the plan in force, shown with its title, removable.
  await page.getByLabel('Mục kế hoạch liên quan').selectOption('2.3.7');
  const chosen = page.getByTestId('chosen-plan-items');
  await expect(chosen).toContainText('2.3.7 – ');
  await expect(chosen.getByRole('button', { name: 'Bỏ mục 2.3.7' })).toBeVisible();
  await expect(page.locator('[data-error-for]')).toHaveCount(0);
  await shot(page.getByLabel('Diện tích (m²)'), 'form-numbers');
  await shot(chosen, 'form-plan-item-chosen');

  // The status bar, watched at every change from the save until all is on the server: it never
  // says "Đã đồng bộ" while a record waits to be sent.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenSync: string[] }).seenSync = seen;
    const note = () => {
      const bar = document.querySelector('[data-testid="sync"]');
      const phase = bar?.querySelector('[data-testid="sync-phase"]')?.textContent?.trim();
      const count = bar?.querySelector('[data-testid="sync-pending"]')?.getAttribute('data-count');
      const last = `${phase}|${count}`;
      if (seen.at(-1) !== last) seen.push(last);
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByTestId('status')).toHaveText('(Nháp)');
  await expect(page.locator('dd').filter({ hasText: /^1\.500$/ })).toHaveCount(1);
  await expect(page.locator('dd').filter({ hasText: /^2,5$/ })).toHaveCount(1);
  await expect(page.getByText(NEW_HAMLET, { exact: true })).toBeVisible();
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await expect.poll(() => pendingCount(page), upToDate).toBe(0);
  await shot(page.getByText(NEW_HAMLET, { exact: true }), 'draft-saved-synced');
  const seen = await page.evaluate(() => (window as unknown as { seenSync: string[] }).seenSync);
  expect(seen.filter((s) => s.startsWith('Đã đồng bộ|') && !s.endsWith('|0'))).toEqual([]);

  // On the server as numbers: 1.500 is one thousand five hundred, 2,5 two and a half.
  const onServer = await serverDocs(baseURL!, LOG_DB, basic(CHAIR));
  const saved = onServer.find((d) => d.place === PLACE) as
    | { _id: string; hamlet: string; planItems: string[]; details: Record<string, unknown> }
    | undefined;
  expect(saved).toBeDefined();
  expect(saved!.details).toMatchObject({ householdsChecked: 1500, areaM2: 2.5 });
  expect(saved!.hamlet).toBe(NEW_HAMLET);
  expect(saved!.planItems).toEqual(['2.3.7']);

  // The draft is deleted, from the phone and the server.
  await page.getByRole('button', { name: 'Xóa bản nháp' }).click();
  await expect(page.getByTestId('draft-deleted')).toHaveText('Đã xóa bản nháp.');
  await expect(page.getByText(PLACE)).toHaveCount(0);
  await shot(page.getByTestId('draft-deleted'), 'draft-deleted');
  await expect
    .poll(
      async () => (await serverDocs(baseURL!, LOG_DB, basic(CHAIR))).map((d) => d._id),
      upToDate,
    )
    .not.toContain(saved!._id);
  expect(officer.errors).toEqual([]);
});

test('progress values read the Vietnamese way: 1.500 and 2,5; 1.5 is refused with a sentence', async ({
  baseURL,
}) => {
  const { page } = officer;
  // 2.1.8 (budget): the land official is a partner; its criteria are measured.
  await page.goto('/plan/item?code=2.1.8');
  const form = page.getByTestId('progress-form');
  const update = async (criterion: string, value: string, note: string) => {
    await form.getByLabel('Trạng thái').selectOption({ label: 'Đang thực hiện' });
    await form.getByLabel('Tỷ lệ hoàn thành (%)').fill('40');
    await form.getByLabel('Tiêu chí đo được').selectOption(criterion);
    await form.getByLabel(/^Giá trị/).fill(value);
    await form.getByLabel('Ghi chú', { exact: true }).fill(note);
    await form.getByRole('button', { name: 'Lưu cập nhật' }).click();
  };
  await update('2.1.8.c', '1.5', 'Số thu quý IV (phiếu thử 12)');
  await expect(form.getByText(/dấu chấm chỉ để ngăn hàng nghìn/)).toBeVisible();
  await expect(form.getByLabel(/^Giá trị/)).toHaveValue('1.5');
  expect(await page.locator('main').innerText()).not.toMatch(MACHINE);
  await shot(form.getByLabel(/^Giá trị/), 'progress-decimal-dot');

  await update('2.1.8.c', '1.500', 'Số thu quý IV (phiếu thử 12)');
  await expect(page.getByTestId('progress-history')).toContainText('Số thu quý IV (phiếu thử 12)');
  await update('2.1.8.b', '2,5', 'Tỷ lệ chỉ tiêu (phiếu thử 12)');
  const history = page.getByTestId('progress-history');
  await expect(history).toContainText('Tỷ lệ chỉ tiêu (phiếu thử 12)');
  await expect(history).toContainText(': 1.500');
  await expect(history).toContainText(': 2,5');
  await expect(history).toContainText('40 %');
  await shot(history, 'progress-numbers');

  await expect.poll(() => pendingCount(page), upToDate).toBe(0);
  const values = (await serverDocs(baseURL!, LOG_DB, basic(CHAIR)))
    .filter((d) => typeof d.note === 'string' && d.note.includes('(phiếu thử 12)'))
    .map((d) => d.value)
    .sort();
  expect(values).toEqual([1500, 2.5]);
});

test('the patrol form starts on the day shift at noon and the night shift at night', async ({
  browser,
}) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, POLICE);
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00+07:00`));
  await page.goto('/checks/new?kind=security');
  await expect(page.getByLabel('Ca', { exact: true })).toHaveValue('day');
  await expect(page.getByLabel('Ca', { exact: true }).locator('option:checked')).toHaveText(
    'Ca ngày',
  );
  await shot(page.getByLabel('Ca', { exact: true }), 'patrol-noon-day-shift');
  await page.clock.setFixedTime(new Date(`${TODAY}T22:30:00+07:00`));
  await page.goto('/checks/new?kind=security');
  await expect(page.getByLabel('Ca', { exact: true })).toHaveValue('night');
  expect(errors).toEqual([]);
  await context.close();
});
