// A conflict made on purpose: the same draft edited on two devices while both are offline.
// The chair finds it in the list, compares the versions side by side (differing fields
// marked) and merges field by field; the chair's phone writes only the resolution, the server
// applies it, and every device ends with one version holding the chosen fields, while the
// resolution keeps both versions in full: no revision lost.
import { expect, test, type Page } from '@playwright/test';
import { CHAIR, OFFICER, basic, newDevice, serverDocs, signIn } from './helpers';

const LOG_DB = 'fieldbook-hong-phong';
const PHONE = { viewport: { width: 390, height: 844 } };
/** Where to save screenshots of the screens (a person looks at them), if anywhere. */
const shots = process.env.FIELDBOOK_SHOTS;
/** What the phone writes in the stale round, into a field both versions share. */
const ASSOCIATION = 'Hội Phụ nữ xã';
const synced = (page: Page) =>
  expect(page.getByTestId('sync')).toHaveAttribute('data-phase', 'upToDate', { timeout: 30_000 });

test('two offline devices make a conflict; the chair merges it with no version lost', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const phone = await newDevice(browser, PHONE);
  const office = await newDevice(browser, PHONE);
  const chair = await newDevice(browser, PHONE);
  const a = phone.page;
  const b = office.page;
  const place = `Điểm tập kết ${Date.now() % 100_000}`;

  await signIn(a, OFFICER);
  await a.getByRole('link', { name: 'Ghi mới: Kiểm tra môi trường' }).click();
  await a.getByLabel('Thôn/bản').selectOption('Thôn Nà Pàn');
  await a.getByLabel('Địa điểm cụ thể').fill(place);
  await a.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(a.getByTestId('status')).toHaveText('(Nháp)');
  const url = a.url();
  await synced(a);
  await signIn(b, OFFICER);
  await synced(b);
  await b.goto(url);
  await expect(b.getByTestId('status')).toHaveText('(Nháp)');

  // Both offline, each edits the draft its own way.
  await phone.context.setOffline(true);
  await office.context.setOffline(true);
  for (const [page, findings, note] of [
    [a, 'Ghi trên điện thoại: rác đã dọn.', ''],
    [b, 'Ghi ở văn phòng: còn rác ven suối.', 'Cần kiểm tra lại'],
  ] as const) {
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    await page.getByLabel('Kết quả, phát hiện').fill(findings);
    if (note) await page.getByLabel('Ghi chú').fill(note);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect(page.getByText(findings)).toBeVisible();
  }
  await phone.context.setOffline(false);
  await synced(a);
  await office.context.setOffline(false);
  await synced(b);

  const c = chair.page;
  await signIn(c, CHAIR);
  await synced(c);
  // The record's page sends the chair to the comparison; the list has it too.
  await c.goto(url);
  await expect(c.getByTestId('conflict-compare')).toBeVisible({ timeout: 30_000 });
  await c.getByTestId('nav-conflicts').click();
  await expect(c.getByTestId('conflict-list')).toContainText(place, { timeout: 30_000 });
  if (shots) await c.screenshot({ path: `${shots}/conflicts-list.png`, fullPage: true });
  await c.getByRole('link', { name: new RegExp(place) }).click({ timeout: 30_000 });
  const table = c.getByTestId('compare');
  await expect(table.locator('tr.differs')).toHaveCount(2);
  if (shots) await c.screenshot({ path: `${shots}/conflicts-compare.png`, fullPage: true });
  await expect(table.locator('tr[data-field="findings"]')).toContainText('Khác nhau');

  // First the chair, offline, keeps the office's version; meanwhile the phone edits again, so
  // the versions the chair chose between are stale: the server does not apply the choice and
  // the chair is told to choose again. The phone edits the version it shows, the winner, which
  // is either one (the revisions' hashes decide): so it changes a field both versions share,
  // and the findings and the note each stay in the version that wrote them.
  await chair.context.setOffline(true);
  c.once('dialog', (d) => void d.accept());
  await c.getByRole('button', { name: 'Giữ nguyên bản 2' }).click();
  await expect(c.getByTestId('conflict-pending')).toBeVisible();
  await a.getByRole('button', { name: 'Sửa', exact: true }).click();
  await a.getByLabel('Đoàn thể tổ chức').fill(ASSOCIATION);
  await a.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(a.getByText(ASSOCIATION)).toBeVisible();
  await synced(a);
  await chair.context.setOffline(false);
  await expect(c.getByTestId('conflict-redo')).toContainText('vừa được sửa thêm', {
    timeout: 60_000,
  });
  const association = table.locator('tr[data-field="details.organisingAssociation"]');
  await expect(association).toContainText(ASSOCIATION);
  if (shots) await c.screenshot({ path: `${shots}/conflicts-redo.png`, fullPage: true });

  // Then findings from the phone, the note from the office, the association from the phone's
  // latest edit.
  await table
    .locator('tr[data-field="findings"] label', { hasText: 'Ghi trên điện thoại' })
    .locator('input')
    .check();
  await table
    .locator('tr[data-field="note"] label', { hasText: 'Cần kiểm tra lại' })
    .locator('input')
    .check();
  await association.locator('label', { hasText: ASSOCIATION }).locator('input').check();
  // Every pick stays picked (a live re-read of the versions must not reset them).
  for (const [row, text] of [
    ['findings', 'Ghi trên điện thoại'],
    ['note', 'Cần kiểm tra lại'],
    ['details.organisingAssociation', ASSOCIATION],
  ] as const)
    await expect(
      table.locator(`tr[data-field="${row}"] label`, { hasText: text }).locator('input'),
    ).toBeChecked();
  await c.getByRole('button', { name: 'Gộp theo các lựa chọn' }).click();
  await expect(c.getByTestId('conflict-pending')).toBeVisible();
  if (shots) await c.screenshot({ path: `${shots}/conflicts-pending.png`, fullPage: true });
  // The server applies it; the merged record syncs back and the conflict is gone.
  await expect(c.getByTestId('conflict-gone')).toBeVisible({ timeout: 60_000 });

  const id = new URL(url).searchParams.get('id')!;
  const docs = await serverDocs(baseURL!, LOG_DB, basic(CHAIR));
  const record = docs.find((d) => d._id === id)!;
  expect(record.findings).toBe('Ghi trên điện thoại: rác đã dọn.');
  expect(record.note).toBe('Cần kiểm tra lại');
  expect((record.details as { organisingAssociation: string }).organisingAssociation).toBe(
    ASSOCIATION,
  );
  const res = await fetch(`${baseURL}/db/${LOG_DB}/${encodeURIComponent(id)}?conflicts=true`, {
    headers: { authorization: basic(CHAIR) },
  });
  expect(((await res.json()) as { _conflicts?: string[] })._conflicts ?? []).toEqual([]);
  const resolution = docs
    .filter((d) => d.type === 'conflictResolution' && d.recordId === id)
    .sort((x, y) => (String(x._id) < String(y._id) ? -1 : 1))
    .pop()!;
  expect((resolution.versions as { findings: string }[]).map((v) => v.findings).sort()).toEqual(
    ['Ghi trên điện thoại: rác đã dọn.', 'Ghi ở văn phòng: còn rác ven suối.'].sort(),
  );
  // The stale choice changed nothing and stays on record, with its outcome.
  const choices = docs.filter((d) => d.type === 'conflictResolution' && d.recordId === id);
  expect(choices).toHaveLength(2);
  const outcomes = docs.filter((d) => d.type === 'conflictOutcome' && d.recordId === id);
  expect(outcomes.map((o) => o.result).sort()).toEqual(['applied', 'stale']);
  // Each device ends with the merged record.
  for (const p of [a, b]) {
    await p.goto(url);
    await expect(p.getByText('Cần kiểm tra lại')).toBeVisible({ timeout: 30_000 });
    await expect(p.getByText('Ghi trên điện thoại: rác đã dọn.')).toBeVisible();
    await expect(p.getByText(ASSOCIATION)).toBeVisible();
    await expect(p.getByTestId('conflict')).toHaveCount(0);
  }
  for (const d of [phone, office, chair]) expect(d.errors).toEqual([]);
  for (const d of [phone, office, chair]) await d.context.close();
});
