// The top menu on a 390 px phone: the chair has the most entries, and they must not pile up in
// rows over the page. The name, lock and sign-out stay on one line with the app's name; the
// entries sit on one line of their own that scrolls sideways, each reachable by keyboard, the
// current page marked. An address the app does not have gets a sentence and the way back.
import { expect, test, type Page } from '@playwright/test';
import { setPinInApp } from './device';
import { CHAIR, OFFICER, signIn } from './helpers';
import { newPhone, screenshot } from './phone';

/** Whether the elements matched by `selector` sit on one line (all overlap vertically). */
const oneLine = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((e) => e.getBoundingClientRect());
    return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
  });

for (const [who, person, entries] of [
  ['chair', CHAIR, ['Nhật ký', 'Kế hoạch', 'Giao việc', 'Tổng quan', 'Duyệt', 'Báo cáo']],
  ['officer', OFFICER, ['Nhật ký', 'Kế hoạch', 'Giao việc', 'Máy này']],
] as const)
  test(`the ${who}'s menu fits a phone and works by keyboard`, async ({ browser }) => {
    const { context, page, errors } = await newPhone(browser);
    await signIn(page, person);
    await screenshot(page, `menu-${who}`);

    const menu = page.getByRole('navigation', { name: 'Trình đơn chính' });
    for (const name of entries)
      await expect(menu.getByRole('link', { name, exact: true })).toHaveCount(1);
    if (who === 'officer') await expect(menu.getByTestId('nav-dashboard')).toHaveCount(0);
    // One line for the name and the buttons, one for the entries; nothing wider than the screen.
    expect(await oneLine(page, 'header .brand-block, header .account > *')).toBe(true);
    expect(await oneLine(page, 'header nav a')).toBe(true);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await expect(menu.getByRole('link', { name: 'Nhật ký', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );

    // The last entry, by keyboard: Tab from the first scrolls the line so it shows, Enter opens.
    const links = menu.getByRole('link');
    const last = links.last();
    await links.first().focus();
    for (let n = (await links.count()) - 1; n > 0; n--) await page.keyboard.press('Tab');
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport({ ratio: 0.99 });
    const href = (await last.getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(last).toHaveAttribute('aria-current', 'page');
    await expect(last).toBeInViewport({ ratio: 0.99 });
    await screenshot(page, `menu-${who}-end`);

    // With a PIN, "Khóa máy" joins the first line, which still holds.
    if (who === 'chair') {
      await setPinInApp(page, '135790');
      await expect(page.getByRole('button', { name: 'Khóa máy' })).toBeVisible();
      expect(await oneLine(page, 'header .brand-block, header .account > *')).toBe(true);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await screenshot(page, 'menu-chair-pin');
    }
    expect(errors).toEqual([]);
    await context.close();
  });

test('an address the app does not have says so in Vietnamese, with the way back', async ({
  browser,
}) => {
  const { context, page } = await newPhone(browser);
  await signIn(page, OFFICER);
  await page.goto('/khong-co-trang-nay');
  await expect(page.getByTestId('page-error')).toHaveText(
    'Không có trang này. Có thể địa chỉ bị gõ sai hoặc trang đã được chuyển đi.',
  );
  await expect(page.getByText('Not Found')).toHaveCount(0);
  await screenshot(page, 'not-found');
  await page.getByRole('link', { name: 'Về nhật ký' }).click();
  await expect(page).toHaveURL(/\/$/);
  await context.close();
});
