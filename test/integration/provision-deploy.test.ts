// What docs/deploy.md promises a deployer, checked on a server provisioned from empty (on the
// CouchDB leg, an emptied Apache CouchDB): the settings provisioning applies are in place, a
// sign-in lasts the session timeout, and `_security` keeps what an administrator added by hand.
import { describe, expect, it } from 'vitest';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { adminCouch } from '../../server/provision/couch.ts';
import { SESSION_TIMEOUT_S } from '../../server/provision/server-config.ts';
import { OFFICER } from '../support/fixtures.ts';
import { startTestServer, testBackend, useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const couchdb = testBackend() === 'couchdb';

async function config(section: string, key: string): Promise<string | null> {
  const root = couchdb ? '_node/_local/_config' : '_config';
  try {
    return (await adminCouch(server.couchUrl, server.admin).request({
      path: `${root}/${section}/${key}`,
    })) as string;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return null;
    throw err;
  }
}

describe('a server provisioned from empty', () => {
  it('has a session timeout of two weeks, and no require_valid_user', async () => {
    expect(SESSION_TIMEOUT_S).toBe(14 * 24 * 3600);
    const section = couchdb ? 'chttpd_auth' : 'couch_httpd_auth';
    expect(await config(section, 'timeout')).toBe(String(SESSION_TIMEOUT_S));
    // The app asks GET /_session without credentials to learn whether its cookie still holds.
    expect(await config(couchdb ? 'chttpd' : 'couch_httpd_auth', 'require_valid_user')).not.toBe(
      'true',
    );
    expect(server.provisioned.find((r) => r.step === 'session timeout')).toMatchObject({
      outcome: 'updated',
      detail: expect.stringContaining(String(SESSION_TIMEOUT_S)),
    });
  });

  it('signs a person in with a cookie that outlives closing the browser, renewed when used', async () => {
    const res = await fetch(`${server.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OFFICER),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('AuthSession='))!;
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_TIMEOUT_S}(;|$)`, 'i'));
    // A later request with the cookie is answered as that person.
    const session = cookie.split(';')[0];
    const again = await fetch(`${server.url}/db/_session`, { headers: { cookie: session } });
    expect(((await again.json()) as { userCtx: { name: string } }).userCtx.name).toBe('canbo');
  });

  it('keeps names and roles an administrator added to _security, and says what it changed', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    const sec = (await couch.request({ db: LOG, path: '_security' })) as {
      admins: { names: string[]; roles: string[] };
      members: { names: string[]; roles: string[] };
    };
    // By hand: an auditor may read, an IT role administers; and Fieldbook's own role is lost.
    await couch.request({
      db: LOG,
      path: '_security',
      method: 'PUT',
      body: {
        admins: { names: [], roles: [...sec.admins.roles, 'it-support'] },
        members: { names: ['auditor'], roles: [] },
      },
    });
    const dir = server.dataDir;
    await server.close();
    const restarted = await startTestServer(dir);
    try {
      const again = adminCouch(restarted.couchUrl, restarted.admin);
      const after = (await again.request({ db: LOG, path: '_security' })) as typeof sec;
      expect(after.members.names).toEqual(['auditor']);
      expect(after.members.roles).toContain('member@hong-phong');
      expect(after.admins.roles).toEqual(expect.arrayContaining(['_admin', 'it-support']));
      const step = restarted.provisioned.find((r) => r.step === `security ${LOG}`);
      expect(step).toMatchObject({ outcome: 'updated' });
      expect(step?.detail).toMatch(/added members\.roles member@hong-phong/);
      expect(step?.detail).toMatch(/kept .*admins\.roles it-support/);
      expect(step?.detail).toMatch(/kept .*members\.names auditor/);
    } finally {
      await restarted.close();
    }
    // And the restart after that has nothing left to do.
    const third = await startTestServer(dir);
    try {
      expect(third.provisioned.filter((r) => r.outcome !== 'unchanged')).toEqual([]);
    } finally {
      await third.close();
    }
  });
});
