// Helpers for the shared-phone specs: working inside the app without reloading (a reload locks
// a person who has a PIN), setting and giving a PIN, and reading the browser's IndexedDB
// directly (what is really stored on the phone, not what the app shows).
import { expect, type Page } from '@playwright/test';
import { setField } from './helpers';

/** Records a field check through the form without reloading the page. */
export async function recordInApp(page: Page, kindLabel: string, fields: Record<string, string>) {
  await page.getByRole('link', { name: 'Sổ hiện trường', exact: true }).click();
  await page.getByRole('link', { name: `Ghi mới: ${kindLabel}` }).click();
  for (const [label, value] of Object.entries(fields)) await setField(page, label, value);
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(page.getByTestId('status')).toBeVisible();
}

/** Sets the signed-in person's PIN from the offer above every page. */
export async function setPinInApp(page: Page, pin: string) {
  await page.getByTestId('pin-offer').getByRole('link').click();
  await page.getByLabel('Mã PIN mới (ít nhất 6 chữ số)').fill(pin);
  await page.getByLabel('Nhập lại mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Lưu mã PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký hiện trường' })).toBeVisible();
}

export async function unlockWithPin(page: Page, pin: string) {
  await page.getByLabel('Mã PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
}

/** PouchDB's IndexedDB name for a person's local copy of a server database. */
export const idbName = (user: string, db: string) => `_pouch_fb-${encodeURIComponent(user)}-${db}`;

/** The names of the IndexedDB databases of this browser profile. */
export const idbNames = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));

/** Whether any stored value of IndexedDB database `name` contains `text` (all its stores). */
export async function idbHolds(page: Page, name: string, text: string): Promise<boolean> {
  return page.evaluate(
    async ({ name, text }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        for (const store of Array.from(db.objectStoreNames)) {
          const values = await new Promise<unknown[]>((resolve, reject) => {
            const req = db.transaction(store, 'readonly').objectStore(store).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          if (JSON.stringify(values).includes(text)) return true;
        }
        return false;
      } finally {
        db.close();
      }
    },
    { name, text },
  );
}
