// Field-ready (issue 12): the app installs to the home screen (Chromium itself says so) and its
// start URL opens offline; a sign-in lasts a field trip, renewed while the app is used; signed
// out of the server, a person keeps recording.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { OFFICER, pendingCount, recordCheck, signIn, waitForServiceWorker } from './helpers';
import { newPhone, PHONE, screenshot } from './phone';

const upToDate = { timeout: 30_000 };
const TWO_WEEKS_S = 14 * 24 * 3600;

test('the app is installable, on every page, and the installed start URL opens offline', async ({
  baseURL,
}) => {
  // Chromium never offers to install from an incognito profile, which every Playwright context
  // is; a phone's browser has a profile on disk.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...PHONE,
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, OFFICER);
    await waitForServiceWorker(page);

    for (const at of ['/', '/login', '/plan', '/admin', '/checks/new?kind=environment']) {
      await page.goto(at);
      await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
      await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0b5d3b');
    }

    await page.goto('/');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as { start_url: string; name: string };
    expect(data.name).toBe('Sổ hiện trường');
    const startUrl = new URL(data.start_url, manifest.url).href;

    // Launched from the home screen with no signal.
    await context.setOffline(true);
    const launched = await context.newPage();
    launched.on('pageerror', (e) => errors.push(e.message));
    await launched.goto(startUrl);
    await expect(launched.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
    await expect(
      launched.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }),
    ).toBeVisible();
    await screenshot(launched, 'installed-start-offline');
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a sign-in lasts two weeks and is renewed while the app is used', async ({ browser }) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, OFFICER);
  const authCookie = async () => (await context.cookies()).find((c) => c.name === 'AuthSession')!;
  const first = await authCookie();
  const now = Date.now() / 1000;
  // Persistent (it outlives closing the browser), for the server's session timeout.
  expect(first.expires).toBeGreaterThan(now + TWO_WEEKS_S - 3600);
  expect(first.expires).toBeLessThan(now + TWO_WEEKS_S + 3600);

  // Using the app later pushes the end of the session forward.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await expect.poll(async () => (await authCookie()).expires).toBeGreaterThan(first.expires);
  expect(errors).toEqual([]);
  await context.close();
});

test('signed out of the server, the phone keeps recording and says why nothing syncs', async ({
  browser,
}) => {
  const { context, page, errors } = await newPhone(browser);
  await signIn(page, OFFICER);
  await waitForServiceWorker(page);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);

  // The server no longer knows this phone. The cookie is renewed by every answer, so the page
  // is left first: an answer still on its way must not bring the cookie back.
  await page.goto('about:blank');
  await context.clearCookies();
  await page.goto('/');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Phiên đăng nhập đã hết hạn' }),
  ).toBeVisible(upToDate);
  await recordCheck(page, 'Kiểm tra môi trường', { 'Thôn/bản': 'Thôn Nà Pục' });
  await page.goto('/');
  await expect(page.getByTestId('check-list')).toContainText('Thôn Nà Pục');
  await expect.poll(() => pendingCount(page)).toBe(1);
  await screenshot(page, 'signed-out-still-recording');
  expect(errors).toEqual([]);
  await context.close();
});
