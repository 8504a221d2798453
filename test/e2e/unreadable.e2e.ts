// A record this app cannot read (as a newer version would write it) is counted, shown and kept.
// The test makes its own record and opens that record's page, so what it counts never depends
// on what other specs left on the server. (An earlier version altered "the first plan item"
// the phone pulled and looked at the plan page: once another spec had made this year's plan,
// that item belonged to a plan the page did not show, nobody read it, and the count stayed 0.)
import { expect, test, type Route } from '@playwright/test';
import { dbNames } from '../../src/lib/domain/constants';
import { makeCheck } from '../support/fixtures';
import { OFFICER, basic, signIn } from './helpers';
import { newPhone, screenshot } from './phone';

const LOG = dbNames('hong-phong').log;

/** Marks every copy of document `id` in a JSON body as a schema version this app lacks. */
function alter(value: unknown, id: string): number {
  if (!value || typeof value !== 'object') return 0;
  let n = 0;
  const obj = value as Record<string, unknown>;
  if (obj._id === id && obj.type) {
    obj.schemaVersion = 99;
    n += 1;
  }
  for (const v of Object.values(obj)) n += alter(v, id);
  return n;
}

test('a record this app cannot read is counted, shown and kept, never dropped silently', async ({
  browser,
  baseURL,
}) => {
  const check = makeCheck(Date.now() % 100_000);
  const put = await fetch(`${baseURL}/db/${LOG}/${encodeURIComponent(check._id)}`, {
    method: 'PUT',
    headers: { authorization: basic(OFFICER), 'content-type': 'application/json' },
    body: JSON.stringify(check),
  });
  expect(put.status).toBe(201);

  // No service worker: requests it would handle are invisible to page.route.
  const { context, page } = await newPhone(browser, { serviceWorkers: 'block' });
  let altered = 0;
  const rewrite = async (route: Route) => {
    const url = route.request().url();
    // Documents arrive by _bulk_get, _all_docs or a document read; feeds and writes pass.
    if (/\/(_changes|_revs_diff|_bulk_docs|_local)\b/.test(url)) return route.continue();
    const res = await route.fetch();
    if (!(res.headers()['content-type'] ?? '').includes('application/json')) {
      return route.fulfill({ response: res });
    }
    const body: unknown = await res.json();
    altered += alter(body, check._id);
    // The body is sent decoded: its old length and encoding no longer apply.
    const headers = { ...res.headers() };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: res.status(), headers, json: body });
  };
  await page.route(`**/db/${LOG}/**`, rewrite);

  await signIn(page, OFFICER);
  await page.goto(`/check?id=${encodeURIComponent(check._id)}`);
  await expect(page.getByTestId('unreadable')).toContainText('1 bản ghi không đọc được', {
    timeout: 30_000,
  });
  await screenshot(page, 'unreadable-notice');
  expect(altered).toBeGreaterThan(0);

  // Kept: the phone's database still holds it (PouchDB's IndexedDB store of this person).
  const kept = await page.evaluate(
    ({ name, id }) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(`_pouch_${name}`);
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const get = open.result
            .transaction('document-store')
            .objectStore('document-store')
            .get(id);
          get.onsuccess = () => resolve(get.result !== undefined);
          get.onerror = () => reject(new Error('no store'));
        };
      }),
    { name: `fb-${OFFICER.name}-${LOG}`, id: check._id },
  );
  expect(kept).toBe(true);
  await context.close();
});
