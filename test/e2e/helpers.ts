import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

export { ADMIN, CHAIR, OFFICER, POLICE, basicAuth as basic } from '../support/fixtures';

export async function signIn(page: Page, who: { name: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(who.name);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
}

/** Waits until the service worker controls the page, so the app works offline. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

export async function pendingCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('sync-pending').getAttribute('data-count'));
}

/** Admin read of the server database, bypassing the browser. */
export async function serverDocs(baseURL: string, db: string, auth: string) {
  const res = await fetch(`${baseURL}/db/${db}/_all_docs?include_docs=true`, {
    headers: { authorization: auth },
  });
  const body = (await res.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
  return body.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
}

/**
 * A device: a fresh browser context and page whose uncaught page errors are collected, so a
 * test can assert the app never threw (an effect loop, say) while it did its work.
 */
export async function newDevice(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Records a field check through the form; returns the record's detail URL. */
export async function recordCheck(
  page: Page,
  kindLabel: string,
  fields: Record<string, string>,
  action: 'Gửi' | 'Lưu nháp' = 'Gửi',
) {
  await page.goto('/');
  await page.getByRole('link', { name: `Ghi mới: ${kindLabel}` }).click();
  for (const [label, value] of Object.entries(fields)) await setField(page, label, value);
  await page.getByRole('button', { name: action, exact: true }).click();
  await expect(page.getByTestId('status')).toBeVisible();
  return page.url();
}

/** Types into a field, or picks the option of a list (the hamlet, say) by its visible text. */
export async function setField(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT')
    await field.selectOption({ label: value });
  else await field.fill(value);
}
