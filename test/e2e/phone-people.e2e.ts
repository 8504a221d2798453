// Several people on one phone (issue 15.2, 15.3), same browser profile: each has their own
// databases; switching person takes their PIN or password; a person who signs out with unsent
// records leaves them on the phone, unseen by the next person, and they go up under their own
// name once that person signs in again.
import { expect, test } from '@playwright/test';
import { dbNames } from '../../src/lib/domain/constants';
import { CHAIR, OFFICER, POLICE, basic, serverDocs, signIn, waitForServiceWorker } from './helpers';
import { idbHolds, idbName, idbNames, recordInApp, setPinInApp, unlockWithPin } from './device';
import { newPhone, screenshot } from './phone';

const DB = dbNames('hong-phong');
const upToDate = { timeout: 30_000 };
const serverDoc = async (baseURL: string, db: string, text: string) =>
  (await serverDocs(baseURL, db, basic(CHAIR))).find((d) => JSON.stringify(d).includes(text));

test('two people on one phone: each sees only their own, and both records reach the server under the right names', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { context, page, errors } = await newPhone(browser);
  const n = Date.now() % 100_000;
  const officerPlace = `Bãi rác đầu cầu ${n}`;
  const policeRoute = `Tuyến Nà Rì – Khuổi Luông ${n}`;

  // The policeman signs in online, sets a PIN, and locks the phone for someone else.
  await signIn(page, POLICE);
  await waitForServiceWorker(page);
  await setPinInApp(page, '135790');
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await page.getByRole('button', { name: 'Khóa máy' }).click();
  await expect(page.getByTestId('lock-screen')).toContainText('Lý Văn Công An');
  await page.getByRole('button', { name: 'Người khác dùng máy này' }).click();

  // The officer signs in with the password, goes offline, records, and signs out anyway.
  await signIn(page, OFFICER);
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await context.setOffline(true);
  await recordInApp(page, 'Kiểm tra môi trường', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Địa điểm cụ thể': officerPlace,
  });
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByTestId('sign-out-dialog').getByRole('button', { name: 'Vẫn đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('others-unsent')).toContainText('1 bản ghi chưa gửi');

  // Still offline, the policeman takes the phone back with his PIN: none of the officer's.
  await page.getByRole('button', { name: 'Mở bằng mã PIN của Lý Văn Công An' }).click();
  await expect(page.getByTestId('lock-screen')).toContainText('Lý Văn Công An');
  await unlockWithPin(page, '135790');
  await expect(page.getByTestId('who')).toHaveText('Lý Văn Công An');
  await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
  await expect(page.getByText(officerPlace)).toHaveCount(0);
  await expect(page.getByTestId('sign-in-again')).toContainText(
    'Máy đang giữ phiên đăng nhập của người khác',
  );
  // The status bar says what is true: his session has not expired, he must sign in to send.
  const bar = page.getByTestId('sync');
  await expect(bar.getByTestId('sync-phase')).toHaveText('Chưa gửi: cần đăng nhập bằng mật khẩu');
  await expect(bar.getByTestId('sync-held')).toHaveText(
    'Máy đang giữ phiên đăng nhập của người khác, nên bản ghi của bạn mới chỉ lưu trên máy. Hãy đăng nhập bằng mật khẩu của bạn để gửi chúng lên máy chủ. Đăng nhập để gửi',
  );
  await expect(bar).not.toContainText('Phiên đăng nhập đã hết hạn');
  await recordInApp(page, 'Tuần tra / vụ việc ANTT', {
    'Thôn/bản': 'Thôn Nà Rì',
    'Tuyến tuần tra': policeRoute,
    'Biện pháp đã xử lý': 'Nhắc nhở giữ trật tự',
  });
  await screenshot(page, 'phone-people-police');

  // What is really stored: each person's own databases; the officer's record only in his.
  const stored = await idbNames(page);
  for (const [user, db] of [
    [OFFICER.name, DB.log],
    [POLICE.name, DB.log],
    [POLICE.name, DB.police],
  ])
    expect(stored).toContain(idbName(user, db));
  expect(stored).not.toContain(idbName(OFFICER.name, DB.police));
  expect(await idbHolds(page, idbName(OFFICER.name, DB.log), officerPlace)).toBe(true);
  expect(await idbHolds(page, idbName(POLICE.name, DB.log), officerPlace)).toBe(false);
  expect(await idbHolds(page, idbName(POLICE.name, DB.police), policeRoute)).toBe(true);
  for (const db of [DB.log, DB.citizens])
    expect(await idbHolds(page, idbName(OFFICER.name, db), policeRoute)).toBe(false);

  // Online: nothing goes up under the officer's cookie; the policeman signs in and his goes up.
  await context.setOffline(false);
  await page.getByRole('link', { name: 'Sổ hiện trường', exact: true }).click();
  await expect(bar).not.toContainText('Phiên đăng nhập đã hết hạn');
  await page.getByTestId('sync-held').getByRole('link', { name: 'Đăng nhập để gửi' }).click();
  await page.getByLabel('Tên đăng nhập').fill(POLICE.name);
  await page.getByLabel('Mật khẩu').fill(POLICE.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', upToDate);
  await expect(page.getByTestId('sync-held')).toHaveCount(0);
  await expect.poll(() => serverDoc(baseURL!, DB.police, policeRoute), upToDate).toBeTruthy();
  expect((await serverDoc(baseURL!, DB.police, policeRoute))?.author).toBe(POLICE.name);
  expect(await serverDoc(baseURL!, DB.log, officerPlace)).toBeUndefined();

  // The officer signs in again: his record, kept on the phone, goes up under his name.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, OFFICER);
  await expect(page.getByTestId('check-list')).toContainText(officerPlace);
  await expect.poll(() => serverDoc(baseURL!, DB.log, officerPlace), upToDate).toBeTruthy();
  expect((await serverDoc(baseURL!, DB.log, officerPlace))?.author).toBe(OFFICER.name);
  await expect(page.getByText(policeRoute)).toHaveCount(0);
  expect(errors).toEqual([]);
  await context.close();
});
