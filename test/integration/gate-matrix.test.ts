// The /db gate's endpoint matrix: every endpoint family of CouchDB's API (gate-endpoints.ts)
// × method × caller (anonymous, officer, police, chair, the commune's admin, the server
// admin) × database (the commune log, the police database, _users, one that does not exist),
// on whichever backend the tests run (TEST_BACKEND). Who may do what is derived from the
// databases' policy — the log is its commune's members', the police database police and
// chair's — and each answer is checked: permitted calls answered, the rest refused in
// CouchDB's shape, and no answer, whatever its status, carries a document the caller may not
// read.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { adminCouch, isStatus, type Couch } from '../../server/provision/couch.ts';
import { basicAuth, CHAIR, ADMIN, makeCheck, OFFICER, POLICE } from '../support/fixtures.ts';
import { useTestServer } from '../support/server.ts';
import { DB_ENDPOINTS, JUNK_ID, SERVER_ENDPOINTS, type Endpoint } from './gate-endpoints.ts';

const server = useTestServer();
const DBS = dbNames('hong-phong');

type Actor = 'anonymous' | 'officer' | 'police' | 'chair' | 'communeAdmin' | 'serverAdmin';
const ACTORS: Actor[] = ['anonymous', 'officer', 'police', 'chair', 'communeAdmin', 'serverAdmin'];
const CREDENTIALS = { officer: OFFICER, police: POLICE, chair: CHAIR, communeAdmin: ADMIN };

const MISSING_DB = 'fieldbook-nowhere';
const TARGETS = [DBS.log, DBS.police, '_users', MISSING_DB];
/** Who reads each database, from its policy (server/provision `securityFor`). */
const READERS: Record<string, Actor[]> = {
  [DBS.log]: ['officer', 'police', 'chair', 'communeAdmin'],
  [DBS.police]: ['police', 'chair'],
  _users: [],
  [MISSING_DB]: [],
};
/** Text that only a reader of the database may ever see. */
const SENTINEL: Record<string, string> = {
  [DBS.log]: 'MATRIX-LOG-SENTINEL',
  [DBS.police]: 'MATRIX-POLICE-SENTINEL',
  _users: 'derived_key',
};
const DOC: Record<string, string> = {
  _users: 'org.couchdb.user:canbo',
  [MISSING_DB]: 'check:none',
};

let couch: Couch;

beforeAll(async () => {
  couch = adminCouch(server.couchUrl, server.admin);
  const log = { ...makeCheck(1), findings: `${SENTINEL[DBS.log]} ghi chép` };
  const police = {
    ...makeCheck(2, { name: POLICE.name, role: 'police', commune: 'hong-phong' }, 'security'),
    findings: `${SENTINEL[DBS.police]} tuần tra`,
  };
  for (const [db, doc, who] of [
    [DBS.log, log, OFFICER],
    [DBS.police, police, POLICE],
  ] as const) {
    const res = await fetch(`${server.url}/db/${db}/${encodeURIComponent(doc._id)}`, {
      method: 'PUT',
      headers: { authorization: basicAuth(who), 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    expect(res.status, await res.text()).toBe(201);
    DOC[db] = doc._id;
  }
});

function headers(actor: Actor, e: Endpoint): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (actor === 'serverAdmin') h.authorization = basicAuth(server.admin);
  else if (actor !== 'anonymous') h.authorization = basicAuth(CREDENTIALS[actor]);
  if (e.body !== undefined) h['content-type'] = e.contentType ?? 'application/json';
  return h;
}

function fill(text: string, db: string): string {
  return text.replaceAll('{db}', db).replaceAll('{doc}', encodeURIComponent(DOC[db] ?? 'none'));
}

function permitted(e: Endpoint, actor: Actor, db: string | null): boolean {
  switch (e.policy) {
    case 'anyone':
      return true;
    case 'member-read':
    case 'member-write':
      return actor === 'serverAdmin' || (db !== null && READERS[db].includes(actor));
    case 'admin':
    case 'admin-destroy':
      return actor === 'serverAdmin';
    case 'nowhere':
      return false;
  }
}

/** What is wrong with one answer, or null. */
async function probe(e: Endpoint, actor: Actor, db: string | null): Promise<string | null> {
  const path = db ? fill(e.path, db) : e.path;
  const body =
    e.body === undefined
      ? undefined
      : typeof e.body === 'string'
        ? e.body
        : fill(JSON.stringify(e.body), db ?? '').replaceAll('%3A', ':');
  let res: Response;
  try {
    res = await fetch(`${server.url}/db${path}`, {
      method: e.method,
      headers: headers(actor, e),
      body,
      signal: AbortSignal.timeout(20_000),
    });
  } catch (err) {
    return `no answer (${(err as Error).name})`;
  }
  const s = res.status;
  let text = '';
  try {
    if (e.stream && s < 300) await res.body?.cancel();
    else text = await res.text();
  } catch (err) {
    return `answer never ended (${(err as Error).name})`;
  }
  const said = `${s} ${text.slice(0, 160)}`;
  // Never the database's own address (a redirect from CouchDB names it).
  const location = res.headers.get('location') ?? '';
  if (location.includes(new URL(server.couchUrl).host) || text.includes(server.couchUrl)) {
    return `tells the database's address: ${s} ${location}`;
  }
  // Never a document the caller may not read, whatever the status.
  if (actor !== 'serverAdmin') {
    for (const [target, secret] of Object.entries(SENTINEL)) {
      if (!READERS[target].includes(actor) && text.includes(secret)) {
        return `leaks ${target}: ${said}`;
      }
    }
  }
  if (s >= 500) {
    // Only the server admin reaches code that may fail (and sees the database's own answer);
    // never a stack trace or a file path.
    if (actor !== 'serverAdmin') return `server error: ${said}`;
    if (/node_modules|\.js:\d+|\bat \w+ \(/.test(text)) return `5xx details: ${said}`;
    return null;
  }
  interface CouchError {
    error?: unknown;
    reason?: unknown;
  }
  let json: CouchError | null;
  try {
    json = JSON.parse(text) as CouchError;
  } catch {
    json = null;
  }
  if (!permitted(e, actor, db)) {
    if (s < 400) return `not refused: ${said}`;
    if (e.method !== 'HEAD' && (typeof json?.error !== 'string' || !json.reason)) {
      return `refusal without CouchDB's {error, reason}: ${said}`;
    }
    return null;
  }
  if (s < 300 || e.alsoOk?.includes(s)) return null;
  if (db === MISSING_DB && s === 404) return null;
  // The server admin passes the gate; the database may still say no (its own 4xx).
  if (actor === 'serverAdmin' && s !== 401 && s !== 403) return null;
  return `refused though permitted: ${said}`;
}

async function check(e: Endpoint, db: string | null) {
  const failures: string[] = [];
  for (const actor of ACTORS) {
    if (e.policy === 'admin-destroy' && actor === 'serverAdmin') continue;
    const problem = await probe(e, actor, db);
    if (problem) failures.push(`${actor}: ${problem}`);
  }
  expect(failures).toEqual([]);
}

const dbCases = DB_ENDPOINTS.flatMap((e) =>
  TARGETS.map((db) => [`${e.family} ${e.method} ${fill(e.path, db)}`, e, db] as const),
);
const serverCases = SERVER_ENDPOINTS.map((e) => [`${e.family} ${e.method} ${e.path}`, e] as const);

/** Requests sent: every case × every caller (less the server admin's destructive ones). */
export const MATRIX_SIZE = [
  ...DB_ENDPOINTS.flatMap((e) => TARGETS.map(() => e)),
  ...SERVER_ENDPOINTS,
].reduce((n, e) => n + ACTORS.length - (e.policy === 'admin-destroy' ? 1 : 0), 0);

describe(`gate matrix (${MATRIX_SIZE} requests)`, () => {
  it.each(dbCases)('%s', async (_name, e, db) => check(e, db));
  it.each(serverCases)('%s', async (_name, e) => check(e, null));

  it('left the databases as provisioning made them', async () => {
    for (const db of [DBS.log, DBS.police]) {
      for (const id of [JUNK_ID, '_design/evil', '_local/fieldbook-plan-provisioned-x']) {
        await expect(couch.use(db).get(id)).rejects.toSatisfy((err) => isStatus(err, 404));
      }
      const sec = (await couch.request({ db, path: '_security' })) as {
        members: { roles: string[] };
      };
      expect(sec.members.roles.length).toBeGreaterThan(0);
      const ddoc = await couch.use(db).get('_design/fieldbook');
      expect(ddoc._rev).toMatch(/^1-/);
    }
    await expect(couch.use('_users').get('org.couchdb.user:evil')).rejects.toSatisfy((err) =>
      isStatus(err, 404),
    );
    expect(await couch.db.list()).not.toContain(MISSING_DB);
  });
});
