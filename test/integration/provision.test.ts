// Provisioning is idempotent: a second run, and a restart on the same data, change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCouch } from '../../server/provision/couch.ts';
import { provision } from '../../server/provision/steps.ts';
import { demoUsers } from '../../server/provision/users.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('provisioning', () => {
  it('created databases, security, design documents and demo users on first start', () => {
    // A fresh CouchDB gives a new database a default `_security` (admins only) that provisioning
    // then updates; the embedded server gives none, so the step counts as created there.
    const changed = server.provisioned.filter((r) => r.outcome !== 'unchanged').map((r) => r.step);
    expect(changed).toEqual(
      expect.arrayContaining([
        'database fieldbook-hong-phong',
        'security fieldbook-hong-phong-police',
        'security fieldbook-hong-phong-citizens',
        'design fieldbook-hong-phong',
        'user canbo',
        'user chutich',
        'plan plan:hong-phong:2023',
        'plan this year',
      ]),
    );
  });

  it('loaded the 2023 plan and its 18 items into the commune log', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    const log = couch.use<Record<string, unknown>>('fieldbook-hong-phong');
    const plan = await log.get('plan:hong-phong:2023');
    expect(plan).toMatchObject({ type: 'plan', year: 2023, deadline: '2023-11-29' });
    const items = await log.list({
      startkey: 'planItem:hong-phong:2023:',
      endkey: 'planItem:hong-phong:2023:\uffff',
      include_docs: true,
    });
    expect(items.rows).toHaveLength(loadPlan2023().items.length);
    expect(items.rows.map((r) => r.doc?.code)).toContain('2.3.7');
  });

  it('changes nothing when run again', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    const before = await couch.request({ db: 'fieldbook-hong-phong', path: '_design/fieldbook' });
    const again = await provision(couch, { commune: 'hong-phong', users: demoUsers('hong-phong') });
    expect(again.every((r) => r.outcome === 'unchanged')).toBe(true);
    const after = await couch.request({ db: 'fieldbook-hong-phong', path: '_design/fieldbook' });
    expect(after._rev).toBe(before._rev);
    expect(again.find((r) => r.step === 'plan plan:hong-phong:2023')?.outcome).toBe('unchanged');
  });

  it('changes nothing when the server restarts on the same data', async () => {
    const dir = server.dataDir;
    await server.close();
    const restarted = await startTestServer(dir);
    try {
      expect(restarted.provisioned.every((r) => r.outcome === 'unchanged')).toBe(true);
    } finally {
      await restarted.close();
    }
    server = await startTestServer();
  });
});
