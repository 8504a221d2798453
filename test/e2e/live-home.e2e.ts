// The home screen is live: records that arrive by sync from another device appear in the list
// and in "My work"'s evidence counts without a reload (both come from what the phone keeps
// up to date as records arrive, not from re-reading every record).
import { expect, test } from '@playwright/test';
import { CHAIR, OFFICER, basic, signIn } from './helpers';
import { makeCheck } from '../support/fixtures';

const LOG_DB = 'fieldbook-hong-phong';
const chairAuthor = { name: CHAIR.name, role: 'chair', commune: 'hong-phong' };

test('records arriving by sync update the home list and "My work" on screen', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, OFFICER);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate');
  const myWork = page.getByTestId('my-work');
  const more = myWork.getByRole('button', { name: /Xem tất cả/ });
  if (await more.isVisible()) await more.click();
  // 2.1.1: the officer (land) is a partner.
  const count = myWork.locator('[data-code="2.1.1"] [data-testid=evidence-count]');
  await expect(count).toBeVisible();
  const before = Number(await count.getAttribute('data-count'));

  // The chair records three checks on another device; they reach the server and then this phone.
  const now = Date.now();
  const docs = [0, 1, 2].map((i) => {
    const doc = makeCheck(i, chairAuthor, 'environment', new Date(now - i * 60_000));
    doc.hamlet = `Thôn Nà Pàn ${i + 1}`;
    doc.planItems = ['2.1.1'];
    return doc;
  });
  const res = await fetch(`${baseURL}/db/${LOG_DB}/_bulk_docs`, {
    method: 'POST',
    headers: { authorization: basic(CHAIR), 'content-type': 'application/json' },
    body: JSON.stringify({ docs }),
  });
  expect(res.status).toBe(201);

  const list = page.getByTestId('check-list');
  for (const d of docs) await expect(list).toContainText(d.hamlet);
  await expect(count).toHaveAttribute('data-count', String(before + 3));
  expect(errors).toEqual([]);
  await ctx.close();
});
