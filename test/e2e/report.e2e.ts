// The quarterly report is made on the phone from local data, offline: the chair records
// nothing new, loses the signal, and still downloads the Word report and the spreadsheet.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHAIR, newDevice, signIn, waitForServiceWorker } from './helpers';
import { screenshot } from './phone';

test('the chair downloads the quarterly report and the records offline', async ({ browser }) => {
  const { context, page, errors } = await newDevice(browser, {
    viewport: { width: 390, height: 844 },
    acceptDownloads: true,
  });
  await signIn(page, CHAIR);
  await waitForServiceWorker(page);
  await page.getByTestId('nav-report').click();
  await expect(page.getByTestId('report-summary')).toContainText('cải cách hành chính quý');
  // Every field, the date's too, fits the phone's width: nothing to scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
  await screenshot(page, 'report');
  await context.setOffline(true);

  for (const [button, ext, magic] of [
    ['report-docx', '.docx', 'PK'],
    ['report-xlsx', '.xlsx', 'PK'],
    ['report-csv', '.csv', '\uFEFF'],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(button).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^bao-cao-cchc-quy-[IV]+-\\d{4}\\${ext}$`),
    );
    const file = readFileSync((await download.path())!);
    expect(file.length).toBeGreaterThan(100);
    expect(file.toString('utf8', 0, magic === 'PK' ? 2 : 3)).toBe(magic);
  }
  expect(errors).toEqual([]);
  await context.close();
});
