// The commune's hamlet list (issue 12.4): provisioning makes the first list once, from the
// names records already carry and the demo list, one hamlet per name however it is spelt; only
// the commune's admin writes it; a restart never brings back what the admin changed.
import { describe, expect, it } from 'vitest';
import { ensureHamlets } from '../../server/provision/hamlet-step.ts';
import { adminCouch } from '../../server/provision/couch.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { newHamlet, type Hamlet } from '../../src/lib/domain/hamlet.ts';
import { ADMIN, OFFICER, basicAuth, makeCheck, officerAuthor } from '../support/fixtures.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;

async function hamletsOf(db: string, who = OFFICER): Promise<Hamlet[]> {
  const q = new URLSearchParams({
    startkey: JSON.stringify('hamlet:hong-phong:'),
    endkey: JSON.stringify('hamlet:hong-phong:\uffff'),
    include_docs: 'true',
  });
  const res = await fetch(`${server.url}/db/${db}/_all_docs?${q}`, {
    headers: { authorization: basicAuth(who) },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { rows: { doc: Hamlet }[] }).rows.map((r) => r.doc);
}

const put = (who: typeof OFFICER, doc: object & { _id: string }) =>
  fetch(`${server.url}/db/${LOG}/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: { authorization: basicAuth(who), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });

describe('the hamlet list', () => {
  it('is provisioned with the demo hamlets, readable by members, written by the admin only', async () => {
    const names = (await hamletsOf(LOG)).map((h) => h.name);
    expect(names).toEqual(expect.arrayContaining(['Thôn Đồng Tâm', 'Bản Khòn Pát']));

    const forged = newHamlet('hong-phong', 'Thôn Nà Lầu', new Date());
    expect((await put(OFFICER, forged)).status).toBe(403);
    expect((await put(ADMIN, forged)).status).toBe(201);
    expect((await hamletsOf(LOG)).map((h) => h.name)).toContain('Thôn Nà Lầu');
  });

  it('makes one hamlet of every spelling records carry, once', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    const db = `fieldbook-hamlet-seed-${Date.now()}`;
    await couch.db.create(db);
    const spellings = ['Đồng Tâm', 'Thôn Đồng Tâm', 'thôn  đồng tâm', 'Bản Khòn Pát', 'Khòn Pát'];
    await couch.use(db).bulk({
      docs: spellings.map((hamlet, i) => ({ ...makeCheck(i, officerAuthor), hamlet })),
    });
    const first = await ensureHamlets(couch, { log: db, others: [] }, 'hong-phong', [
      'Thôn Đồng Tâm',
    ]);
    expect(first).toMatchObject({ outcome: 'created', detail: '2 hamlets' });
    const direct = async () =>
      (
        await couch.use<Hamlet>(db).list({
          startkey: 'hamlet:',
          endkey: 'hamlet:\uffff',
          include_docs: true,
        })
      ).rows.map((r) => r.doc!);
    const listed = await direct();
    expect(listed.map((h) => [h._id, h.name]).sort()).toEqual([
      ['hamlet:hong-phong:dong-tam', 'Thôn Đồng Tâm'],
      ['hamlet:hong-phong:khon-pat', 'Bản Khòn Pát'],
    ]);

    // The admin's list from then on: a second run adds nothing back.
    await couch.use(db).destroy(listed[0]._id, listed[0]._rev!);
    expect(
      await ensureHamlets(couch, { log: db, others: [] }, 'hong-phong', ['Thôn Đồng Tâm']),
    ).toBe('unchanged');
    expect(await direct()).toHaveLength(1);
    await couch.db.destroy(db);
  });
});
