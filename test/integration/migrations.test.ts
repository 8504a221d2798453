// Provisioning migrates stored documents of an older schemaVersion on the server (as admin,
// logged with each migration's count), and a second run finds nothing to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCouch, type Couch } from '../../server/provision/couch.ts';
import { provision } from '../../server/provision/steps.ts';
import { demoUsers } from '../../server/provision/users.ts';
import { progressUpdateSchema } from '../../src/lib/domain/progress.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const LOG = 'fieldbook-hong-phong';
let server: TestServer;
let couch: Couch;
beforeAll(async () => {
  server = await startTestServer();
  couch = adminCouch(server.couchUrl, server.admin);
});
afterAll(async () => {
  await server?.stop();
});

describe('migrations at provisioning', () => {
  it('rewrite version-1 progress updates as version 2 and log how many', async () => {
    const log = couch.use<Record<string, unknown>>(LOG);
    // A document from before the migration existed: written while the old validator was in
    // place, so the test removes today's validator to plant it.
    const ddoc = await log.get('_design/fieldbook');
    await log.destroy('_design/fieldbook', ddoc._rev as string);
    const old = {
      _id: 'progress:2023-09-01T02:03:04.005Z:canbo:abcd1234',
      type: 'progressUpdate',
      schemaVersion: 1,
      commune: 'hong-phong',
      planItemId: 'planItem:hong-phong:2023:2.3.7',
      author: 'canbo',
      authorRole: 'officer',
      status: 'done',
      percent: 40,
      value: null,
      criterionId: null,
      note: 'Hoàn thành 40 %',
      createdAt: '2023-09-01T02:03:04.005Z',
    };
    await log.insert(old);

    const results = await provision(couch, {
      commune: 'hong-phong',
      users: demoUsers('hong-phong'),
    });
    const step = results.find((r) => r.step === `migrations ${LOG}`);
    expect(step).toMatchObject({
      outcome: 'updated',
      detail: 'progressUpdate-2-positions-and-complete: 1',
    });
    const now = progressUpdateSchema.parse(await log.get(old._id));
    expect(now).toMatchObject({
      schemaVersion: 2,
      status: 'done',
      percent: 100,
      authorPosition: null,
    });

    const again = await provision(couch, { commune: 'hong-phong', users: demoUsers('hong-phong') });
    expect(again.find((r) => r.step === `migrations ${LOG}`)?.outcome).toBe('unchanged');
  });
});
