// What provisioning trusts on the next start lives where only the server admin can write: no
// member can read or change it, through /db or on the database server itself, and so no member
// can make a restart overwrite an admin's edit of the plan.
import { describe, expect, it } from 'vitest';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { adminCouch } from '../../server/provision/couch.ts';
import { planLedgerId, PROVISIONING_DB } from '../../server/provision/steps.ts';
import { ADMIN, CHAIR, OFFICER, basicAuth } from '../support/fixtures.ts';
import { httpDb } from '../support/pouch.ts';
import { startTestServer, useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const PLAN_ID = 'plan:hong-phong:2023';

async function attempt(base: string, method: string, path: string, who = OFFICER, body?: unknown) {
  const res = await fetch(`${base}/${path}`, {
    method,
    headers: { authorization: basicAuth(who), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

describe('provisioning records', () => {
  it('are kept in a database no member can read or write, through /db or directly', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    const ledger = (await couch.use(PROVISIONING_DB).get(planLedgerId(LOG))) as unknown as {
      revs: Record<string, string>;
    };
    expect(Object.keys(ledger.revs)).toContain(PLAN_ID);

    const forged = { _id: 'plan-ledger:forged', revs: { [PLAN_ID]: '9-x' } };
    for (const base of [`${server.url}/db`, server.couchUrl]) {
      for (const who of [OFFICER, ADMIN, CHAIR]) {
        const read = await attempt(base, 'GET', `${PROVISIONING_DB}/${planLedgerId(LOG)}`, who);
        expect([401, 403], read.text).toContain(read.status);
        const put = await attempt(
          base,
          'PUT',
          `${PROVISIONING_DB}/plan-ledger:forged`,
          who,
          forged,
        );
        expect([401, 403], put.text).toContain(put.status);
        const post = await attempt(base, 'POST', `${PROVISIONING_DB}/_bulk_docs`, who, {
          docs: [forged],
        });
        // Refused outright, or (the embedded server) accepted as a request with every
        // document refused.
        if (post.status === 201) {
          expect(JSON.parse(post.text)).toEqual([
            expect.objectContaining({ error: 'unauthorized' }),
          ]);
        } else expect([401, 403], post.text).toContain(post.status);
      }
    }
    const stored = await couch.use(PROVISIONING_DB).list({ keys: ['plan-ledger:forged'] });
    expect(stored.rows[0]).toMatchObject({ error: 'not_found' });
  });

  it('a member cannot make a restart overwrite the admin’s edit of the plan', async () => {
    // The commune's admin renames the plan in the app.
    const admin = httpDb(server.url, LOG, ADMIN);
    const plan = await admin.get<{ title: string }>(PLAN_ID);
    const edited = await admin.put({ ...plan, title: 'Kế hoạch CCHC năm 2023 (đã sửa)' });

    // An officer tells provisioning, where earlier versions kept its ledger, that the admin's
    // revision is its own, so that the next start would "correct" it back to the shipped text.
    const oldLedger = `${server.url}/db/${LOG}/_local/fieldbook-plan-provisioned`;
    const found = await fetch(oldLedger, { headers: { authorization: basicAuth(OFFICER) } });
    const { _rev } = found.ok ? ((await found.json()) as { _rev?: string }) : {};
    const forged = await fetch(oldLedger, {
      method: 'PUT',
      headers: { authorization: basicAuth(OFFICER), 'content-type': 'application/json' },
      body: JSON.stringify({ ...(_rev ? { _rev } : {}), revs: { [PLAN_ID]: edited.rev } }),
    });
    expect(forged.status).toBeLessThan(500);

    const dir = server.dataDir;
    await server.close();
    const restarted = await startTestServer(dir);
    try {
      const after = await httpDb(restarted.url, LOG, OFFICER).get<{ title: string }>(PLAN_ID);
      expect(after.title).toBe('Kế hoạch CCHC năm 2023 (đã sửa)');
      expect(restarted.provisioned.find((r) => r.step === `plan ${PLAN_ID}`)?.outcome).toBe(
        'unchanged',
      );
    } finally {
      await restarted.close();
    }
  });
});
