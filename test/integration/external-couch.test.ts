// COUCHDB_URL: a Fieldbook server that uses an existing CouchDB-compatible server instead of
// its embedded one provisions it, proxies /db to it and keeps its data there. The "existing"
// server here is another Fieldbook's embedded database, reached over HTTP with admin
// credentials, exactly as a real CouchDB would be.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { makeCheck, CHAIR, OFFICER } from '../support/fixtures.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let couch: TestServer;
let fieldbook: RunningServer;
const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-external-'));

beforeAll(async () => {
  couch = await startTestServer();
  const cfg = loadConfig({
    COUCHDB_URL: couch.couchUrl,
    COUCHDB_USER: couch.admin.name,
    COUCHDB_PASSWORD: couch.admin.password,
    FIELDBOOK_DEMO_USERS: '1',
    DATA_DIR: emptyDir,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  fieldbook = await startServer(cfg, { withApp: false });
});
afterAll(async () => {
  await fieldbook?.close();
  await couch?.stop();
  rmSync(emptyDir, { recursive: true, force: true });
});

describe('COUCHDB_URL', () => {
  it('provisions the given server (nothing left to do: it was already provisioned)', () => {
    expect(fieldbook.couchUrl).toBe(couch.couchUrl);
    expect(fieldbook.provisioned.length).toBeGreaterThan(5);
    expect(fieldbook.provisioned.every((r) => r.outcome === 'unchanged')).toBe(true);
  });

  it('proxies /db to it: a record written through one server is read through the other', async () => {
    const phone = memoryDb('phone');
    const check = makeCheck(7);
    await phone.put(check);
    const res = await phone.replicate.to(httpDb(fieldbook.url, dbNames('hong-phong').log, OFFICER));
    expect(res.docs_written).toBe(1);
    const viaOther = await httpDb(couch.url, dbNames('hong-phong').log, CHAIR).get(check._id);
    expect(viaOther).toMatchObject({ hamlet: check.hamlet, author: 'canbo' });
  });

  it('keeps no database files of its own', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(emptyDir)).not.toContain('couch');
  });

  it('refuses to start without admin credentials', () => {
    expect(() => loadConfig({ COUCHDB_URL: couch.couchUrl })).toThrow(/COUCHDB_USER/);
  });
});
