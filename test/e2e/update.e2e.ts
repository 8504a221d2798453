// A new deployment is offered, not silently mixed in: when the server has a new service
// worker, the running app shows "Đã có phiên bản mới" and switches only when asked.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { deploy, freePort, makeNextBuild } from './deployment';
import { OFFICER, signIn, waitForServiceWorker } from './helpers';
import { newPhone, screenshot } from './phone';

test('a new version is offered and applied on request', async ({ browser }) => {
  const port = await freePort();
  const dataDir = path.join('test-results', `update-data-${port}`);
  const nextBuild = makeNextBuild(path.join('test-results', `build-next-${port}`));

  const v1 = await deploy(port, dataDir);
  const { context, page, errors } = await newPhone(browser, { baseURL: v1.url });
  try {
    await signIn(page, OFFICER);
    await waitForServiceWorker(page);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    await v1.stop();

    // The commune office deploys the next version on the same address.
    const v2 = await deploy(port, dataDir, nextBuild);
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await expect(page.getByTestId('update-prompt')).toContainText('Đã có phiên bản mới');
      // Until the person accepts, the old version keeps running.
      const waiting = () =>
        page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
      expect(await waiting()).toBe(true);

      await page.evaluate(() => ((window as unknown as { __old: boolean }).__old = true));
      // The session survives the server's restart.
      await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', {
        timeout: 30_000,
      });
      await screenshot(page, 'update-offered');
      await page.getByRole('button', { name: 'Cập nhật ngay' }).click();
      // The page reloads under the new worker.
      const stillOld = () =>
        page
          .evaluate(() => (window as unknown as { __old?: boolean }).__old ?? false)
          .catch(() => true); // mid-navigation
      await expect.poll(stillOld).toBe(false);
      await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
      await expect.poll(waiting).toBe(false);
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
      expect(errors).toEqual([]);
    } finally {
      await v2.stop();
    }
  } finally {
    await context.close();
  }
});
