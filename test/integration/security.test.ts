// Security against the running server, over HTTP through the same-origin /db endpoint: a
// corpus of hostile writes (test/fixtures/hostile-docs.ts), each refused and really absent
// afterwards, and a matrix of who may read and write what. Runs on the embedded server and on
// CouchDB (TEST_BACKEND=couchdb).
//
// What is asserted: refused (a 4xx), nothing stored, a reason given in CouchDB's shape. The
// exact status is asserted where both servers must agree: everything the /db gate decides
// (membership, routes, sizes, malformed bodies — the gate answers the same whatever is behind
// it) and the database's refusals that are the same on both; a case marked `sameOnBoth: false`
// is refused by the database itself with another code on CouchDB (`Invalid rev format`…).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeNames } from '../../src/lib/domain/constants.ts';
import type { StoreRole } from '../../src/lib/domain/constants.ts';
import { adminCouch, isStatus, type Couch } from '../../server/provision/couch.ts';
import { ensureUser } from '../../server/provision/steps.ts';
import {
  ACTORS,
  COMMUNE,
  HOSTILE_CASES,
  authorOf,
  type Actor,
  type Doc,
  type HostileCase,
} from '../fixtures/hostile-docs.ts';
import { makeCheck } from '../support/fixtures.ts';
import { startTestServer, testBackend, type TestServer } from '../support/server.ts';

const BACKEND = testBackend();

const DBS = storeNames(COMMUNE);
const dbName = (db: StoreRole = 'log') => DBS[db];

let server: TestServer;
let couch: Couch;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  // The embedded server runs in this process: a request that leaves an unhandled rejection
  // behind would end `npm start` without its handlers. Count them; the last test asserts none.
  process.on('unhandledRejection', onRejection);
  server = await startTestServer();
  couch = adminCouch(server.couchUrl, server.admin);
  for (const spec of Object.values(ACTORS)) await ensureUser(couch, spec);
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await server?.stop();
});

function authHeader(actor: Actor): Record<string, string> {
  if (actor === 'anonymous') return {};
  const { name, password } = ACTORS[actor];
  return { authorization: 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64') };
}

interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
}

async function send(
  actor: Actor,
  method: string,
  path: string,
  body?: string | Uint8Array<ArrayBuffer>,
  contentType = 'application/json',
  base = `${server.url}/db`,
): Promise<Answer> {
  const headers: Record<string, string> = { ...authHeader(actor), accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = contentType;
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status, text, json };
}

/** The stored document (admin read), or null. */
async function stored(db: string, id: string): Promise<Doc | null> {
  try {
    return (await couch.use<Doc>(db).get(id)) as unknown as Doc;
  } catch (err) {
    if (isStatus(err, 404)) return null;
    throw err;
  }
}

/** A PouchDB replication checkpoint id (base64 MD5, `/`→`.`, `+`→`_`), URL-encoded. */
const CHECKPOINT = encodeURIComponent('_local/Ab.cd_EFghIJklMNopQRst==').replace('_local%2F', '');

const docPath = (id: string) => `/${encodeURIComponent(id)}`;

async function writeStep(db: string, actor: Exclude<Actor, 'anonymous'>, doc: Doc) {
  const current = await stored(db, doc._id as string);
  const body = JSON.stringify(current ? { ...doc, _rev: current._rev } : doc);
  const res = await send(actor, 'PUT', `/${db}${docPath(doc._id as string)}`, body);
  expect(res.status, `setup write by ${actor}: ${res.text}`).toBe(201);
}

async function attempt(c: HostileCase): Promise<{ res: Answer; before: Doc | null; id?: string }> {
  const db = dbName(c.db);
  for (const step of c.before ?? []) await writeStep(db, step.as, step.doc);
  const id = typeof c.doc?._id === 'string' ? c.doc._id : undefined;
  const before = id ? await stored(db, id) : null;
  const method = c.method ?? 'PUT';
  let path = c.path ?? (method === 'POST' || !id ? '' : docPath(id));
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (c.body) {
    body = c.body();
    if (c.before?.length && c.path) {
      // An attachment of a document written by the setup: name its current revision.
      const target = await stored(db, c.before[c.before.length - 1].doc._id as string);
      path += `?rev=${encodeURIComponent(String(target?._rev))}`;
    }
  } else if (c.doc) {
    body = JSON.stringify(before && id ? { ...c.doc, _rev: before._rev } : c.doc);
  }
  const res = await send(c.as, method, `/${db}${path}`, body, c.contentType);
  return { res, before, id };
}

describe('hostile documents through /db', () => {
  it('has a corpus of at least 45 cases covering every layer', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(45);
    const layers = new Set(HOSTILE_CASES.map((c) => c.layer));
    expect([...layers].sort()).toEqual(['gate', 'rule', 'shape', 'text']);
    expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const db = dbName(c.db);
    const { res, before, id } = await attempt(c);
    const said = res.text.slice(0, 300);
    if (c.layer !== 'text') {
      // Refused, with a reason, in CouchDB's shape.
      expect(res.status, said).toBeGreaterThanOrEqual(400);
      expect(res.status, said).toBeLessThan(500);
      expect(typeof res.json?.error, said).toBe('string');
      expect(String(res.json?.reason ?? ''), said).not.toBe('');
    }
    if (c.sameOnBoth !== false || BACKEND === 'embedded') {
      expect(res.status, said).toBe(c.expectedStatus);
      if (c.expectedError) expect(res.json?.error, said).toBe(c.expectedError);
      if (c.reason) expect(res.json?.reason).toMatch(c.reason);
    }

    if (c.layer === 'text') {
      // Stored verbatim, as inert text.
      const doc = await stored(db, id!);
      expect(doc).toMatchObject(c.stored!);
      return;
    }
    // Refused means nothing changed: a new document is absent, an existing one unchanged.
    if (id && !id.startsWith('_')) {
      const after = await stored(db, id);
      if (before) expect(after?._rev).toBe(before._rev);
      else expect(after).toBeNull();
    } else if (c.before?.length) {
      const target = c.before[c.before.length - 1].doc;
      const after = await stored(db, target._id as string);
      expect(after).toMatchObject({ status: target.status });
      expect(after?._attachments).toBeUndefined();
    }
  });

  it('leaves design documents and _security as provisioning wrote them', async () => {
    for (const db of Object.values(DBS)) {
      const ddoc = await stored(db, '_design/fieldbook');
      expect(String(ddoc?._rev)).toMatch(/^1-/);
      expect(await stored(db, '_design/evil')).toBeNull();
      const sec = (await couch.request({ db, path: '_security' })) as Doc;
      expect(sec.admins).toEqual({ names: [], roles: ['_admin'] });
      expect((sec.members as { roles: string[] }).roles.length).toBeGreaterThan(0);
    }
  });

  it.skipIf(BACKEND !== 'embedded')(
    'the embedded server itself refuses members writing its _local/_security',
    async () => {
      // Directly, without the /db gate: the embedded server keeps _security in this local doc.
      const base = server.couchUrl;
      const sec = { members: { names: [], roles: [] } };
      const attempts = [
        send(
          'officer',
          'PUT',
          `/${DBS.log}/_local/_security`,
          JSON.stringify({ _rev: '0-1', security: sec }),
          undefined,
          base,
        ),
        send(
          'officer',
          'POST',
          `/${DBS.log}/_bulk_docs`,
          JSON.stringify({ docs: [{ _id: '_local/_security', _rev: '0-1', security: sec }] }),
          undefined,
          base,
        ),
        send(
          'officer',
          'DELETE',
          `/${DBS.log}/_local/_security?rev=0-1`,
          undefined,
          undefined,
          base,
        ),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status, res.text).toBe(403);
        expect(res.json?.error).toBe('forbidden');
      }
      const after = (await couch.request({ db: DBS.log, path: '_security' })) as Doc;
      expect(after.members).toEqual({ names: [], roles: [`member@${COMMUNE}`] });
    },
  );

  it('members write no _local document through /db but replication checkpoints', async () => {
    // Issue 11 item 4: on CouchDB `_local/_security` is an ordinary local document, on the
    // embedded server it is the database's _security; `_local/fieldbook-…` are provisioning's
    // records. A member needs only PouchDB's checkpoints (`_local/<base64 md5>`).
    const db = DBS.log;
    const sec = JSON.stringify({ _id: '_local/_security', members: { names: [], roles: [] } });
    const refused = [
      await send('officer', 'PUT', `/${db}/_local/_security`, sec),
      await send('officer', 'PUT', `/${db}/_local%2F_security`, sec),
      await send('officer', 'POST', `/${db}`, sec),
      await send(
        'officer',
        'POST',
        `/${db}/_bulk_docs`,
        JSON.stringify({ docs: [JSON.parse(sec)] }),
      ),
      await send('officer', 'DELETE', `/${db}/_local/_security?rev=0-1`),
      await send('officer', 'GET', `/${db}/_local/fieldbook-plan-provisioned`),
      await send('chair', 'PUT', `/${db}/_local/fieldbook-plan-provisioned`, '{"revs":{}}'),
      await send('officer', 'PUT', `/${db}/_local/checkpoint-x`, '{"last_seq":1}'),
      // A checkpoint's id, but not a checkpoint's content.
      await send('officer', 'PUT', `/${db}/_local/${CHECKPOINT}`, '{"roles":["_admin"]}'),
    ];
    for (const res of refused) {
      expect(res.status, res.text).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text).toBeLessThan(500);
      expect(String(res.json?.reason ?? '')).not.toBe('');
    }
    expect(refused.map((r) => r.status)).toEqual([403, 403, 400, 400, 403, 403, 403, 403, 400]);
    expect(await stored(db, '_local/checkpoint-x')).toBeNull();
    const sec2 = (await couch.request({ db, path: '_security' })) as Doc;
    expect(sec2.members).toEqual({ names: [], roles: [`member@${COMMUNE}`] });

    // What replication needs still works, for a member, on both servers.
    const checkpoint = {
      session_id: 's1',
      history: [],
      replicator: 'pouchdb',
      version: 1,
      last_seq: 3,
    };
    const put = await send(
      'officer',
      'PUT',
      `/${db}/_local/${CHECKPOINT}`,
      JSON.stringify(checkpoint),
    );
    expect(put.status, put.text).toBe(201);
    const got = await send('officer', 'GET', `/${db}/_local/${CHECKPOINT}`);
    expect(got.json).toMatchObject({ last_seq: 3 });
  });

  it('a replicated branch cannot plant content at someone else’s record id', async () => {
    const d = makeCheck(900);
    await writeStep(DBS.log, 'officer', d);
    const rev = (await stored(DBS.log, d._id))!._rev as string;
    const forged = {
      ...d,
      author: ACTORS.officer2.name,
      findings: 'ghi đè',
      _rev: '9-' + 'f'.repeat(32),
      _revisions: { start: 9, ids: ['f'.repeat(32)] },
    };
    const res = await send(
      'officer2',
      'POST',
      `/${DBS.log}/_bulk_docs`,
      JSON.stringify({ new_edits: false, docs: [forged] }),
    );
    expect(res.text).toMatch(/forbidden/);
    const after = await stored(DBS.log, d._id);
    expect(after?._rev).toBe(rev);
    expect(after?.findings).toBe(d.findings);
  });
});

// ---- who may read and write which database --------------------------------------------

type Expect = 'allowed' | 'refused';
const MATRIX_ACTORS = ['anonymous', 'officer', 'police', 'chair', 'otherCommune'] as const;
type MatrixActor = (typeof MATRIX_ACTORS)[number];

interface Probe {
  what: string;
  method: string;
  path: string | ((actor: MatrixActor) => string);
  body?: (actor: MatrixActor) => string;
  expect: Record<MatrixActor, Expect>;
  /** Status when allowed (default 200). */
  okStatus?: number;
  /** A 2xx that still counts as refused (every document carries an error). */
  refusedStatus?: number;
}

const everyone = (e: Expect): Record<MatrixActor, Expect> => ({
  anonymous: e,
  officer: e,
  police: e,
  chair: e,
  otherCommune: e,
});
const onlyFor = (...who: MatrixActor[]): Record<MatrixActor, Expect> => {
  const out = everyone('refused');
  for (const w of who) out[w] = 'allowed';
  return out;
};

let matrixN = 2000;
/** A valid environment check written by `actor` (the otherCommune user for its own commune). */
function ownCheck(actor: MatrixActor): string {
  matrixN += 1;
  const who = actor === 'anonymous' ? 'officer' : actor;
  return JSON.stringify(makeCheck(matrixN, authorOf(who)));
}

const PROBES: Probe[] = [
  {
    what: 'read the log database',
    method: 'GET',
    path: `/${DBS.log}/_all_docs?include_docs=true`,
    expect: onlyFor('officer', 'police', 'chair'),
  },
  {
    what: 'read the log changes feed',
    method: 'GET',
    path: `/${DBS.log}/_changes?include_docs=true`,
    expect: onlyFor('officer', 'police', 'chair'),
  },
  {
    // Police may read the commune log but write only their own kinds (none in the log).
    what: 'write an environment check to the log database',
    method: 'POST',
    path: `/${DBS.log}`,
    body: ownCheck,
    expect: onlyFor('officer', 'chair'),
    okStatus: 201,
  },
  {
    what: 'read the police database',
    method: 'GET',
    path: `/${DBS.police}/_all_docs?include_docs=true`,
    expect: onlyFor('police', 'chair'),
  },
  {
    what: 'read the police changes feed',
    method: 'GET',
    path: `/${DBS.police}/_changes?include_docs=true`,
    expect: onlyFor('police', 'chair'),
  },
  {
    // Records naming citizens (docs/privacy.md): officials and leaders, not police.
    what: 'read the citizens database',
    method: 'GET',
    path: `/${DBS.citizens}/_all_docs?include_docs=true`,
    expect: onlyFor('officer', 'chair'),
  },
  {
    what: 'read the citizens changes feed',
    method: 'GET',
    path: `/${DBS.citizens}/_changes?include_docs=true`,
    expect: onlyFor('officer', 'chair'),
  },
  {
    what: 'write an environment check to the police database',
    method: 'POST',
    path: `/${DBS.police}`,
    body: ownCheck,
    expect: everyone('refused'),
  },
  {
    what: 'read _users',
    method: 'GET',
    path: '/_users/_all_docs?include_docs=true',
    expect: everyone('refused'),
  },
  {
    what: 'read _users (percent-encoded)',
    method: 'GET',
    path: '/%5Fusers/_all_docs?include_docs=true',
    expect: everyone('refused'),
  },
  {
    what: 'create a user in _users (percent-encoded)',
    method: 'PUT',
    path: (a) => `/%5fusers/org.couchdb.user:evil-${a}`,
    body: (a) =>
      JSON.stringify({
        name: `evil-${a}`,
        type: 'user',
        roles: ['chair@hong-phong'],
        password: 'x',
      }),
    expect: everyone('refused'),
  },
  { what: 'list _all_dbs', method: 'GET', path: '/_all_dbs', expect: everyone('refused') },
  { what: 'read _config', method: 'GET', path: '/_config', expect: everyone('refused') },
  {
    what: 'read _config (percent-encoded)',
    method: 'GET',
    path: '/%5Fconfig',
    expect: everyone('refused'),
  },
  {
    what: 'create a database',
    method: 'PUT',
    path: '/fieldbook-evil',
    expect: everyone('refused'),
  },
  {
    what: 'delete the log database',
    method: 'DELETE',
    path: `/${DBS.log}`,
    expect: everyone('refused'),
  },
  {
    what: 'delete the police database',
    method: 'DELETE',
    path: `/${DBS.police}`,
    expect: everyone('refused'),
  },
  {
    what: 'write a design document',
    method: 'PUT',
    path: `/${DBS.log}/_design/evil`,
    body: () => JSON.stringify({ validate_doc_update: 'function () {}' }),
    expect: everyone('refused'),
  },
  {
    what: 'write a design document through _bulk_docs',
    method: 'POST',
    path: `/${DBS.log}/_bulk_docs`,
    body: () =>
      JSON.stringify({ docs: [{ _id: '_design/evil2', validate_doc_update: 'function () {}' }] }),
    expect: everyone('refused'),
    // The gate lets `_design/` through in _bulk_docs (a refused batch would stop a phone's
    // replication): a member gets 201 with a per-document error; checked absent below.
    refusedStatus: 201,
  },
  {
    what: 'create a Mango index (a design document)',
    method: 'POST',
    path: `/${DBS.log}/_index`,
    body: () => JSON.stringify({ index: { fields: ['author'] }, ddoc: 'fieldbook' }),
    expect: everyone('refused'),
  },
  {
    // CouchDB lets members read _security; no Fieldbook client needs it, so the gate doesn't.
    what: 'read the log _security',
    method: 'GET',
    path: `/${DBS.log}/_security`,
    expect: everyone('refused'),
  },
  {
    what: 'read the police _security',
    method: 'GET',
    path: `/${DBS.police}/_security`,
    expect: everyone('refused'),
  },
  {
    what: 'write the log _security',
    method: 'PUT',
    path: `/${DBS.log}/_security`,
    body: () =>
      JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [], roles: [] } }),
    expect: everyone('refused'),
  },
  {
    what: 'write the police _security',
    method: 'PUT',
    path: `/${DBS.police}/_security`,
    body: () => JSON.stringify({ members: { names: [], roles: [`member@${COMMUNE}`] } }),
    expect: everyone('refused'),
  },
  {
    what: 'delete the log _local/_security',
    method: 'DELETE',
    path: `/${DBS.log}/_local/_security?rev=0-1`,
    expect: everyone('refused'),
  },
  {
    what: '_changes with an arbitrary filter',
    method: 'GET',
    path: `/${DBS.log}/_changes?filter=fieldbook/anything`,
    expect: everyone('refused'),
  },
  {
    what: '_changes with a _view filter',
    method: 'GET',
    path: `/${DBS.police}/_changes?filter=_view&view=fieldbook/x`,
    expect: everyone('refused'),
  },
  {
    // Only filter=_doc_ids passes the gate (no selector, view or JavaScript filter).
    what: '_changes with a _selector filter',
    method: 'GET',
    path: `/${DBS.log}/_changes?filter=_selector`,
    expect: everyone('refused'),
  },
  {
    what: 'compact the log database',
    method: 'POST',
    path: `/${DBS.log}/_compact`,
    body: () => '{}',
    expect: everyone('refused'),
  },
  {
    what: 'purge from the log database',
    method: 'POST',
    path: `/${DBS.log}/_purge`,
    body: () => '{}',
    expect: everyone('refused'),
  },
];

const MATRIX = PROBES.flatMap((p) => MATRIX_ACTORS.map((a) => [p.what, a, p] as const));

describe('access matrix through /db', () => {
  it.each(MATRIX)('%s as %s', async (_what, actor, p) => {
    const path = typeof p.path === 'function' ? p.path(actor) : p.path;
    const res = await send(actor, p.method, path, p.body?.(actor));
    if (p.expect[actor] === 'allowed') {
      expect(res.status, res.text.slice(0, 300)).toBe(p.okStatus ?? 200);
      return;
    }
    if (p.refusedStatus !== undefined && res.status === p.refusedStatus) {
      // _bulk_docs: every document carries an error.
      const rows = JSON.parse(res.text) as { error?: string }[];
      expect(rows.every((r) => typeof r.error === 'string')).toBe(true);
    } else {
      // Refused with a reason; anonymous callers are asked to sign in.
      expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
      expect(typeof res.json?.error).toBe('string');
      if (actor === 'anonymous') expect([401, 404]).toContain(res.status);
    }
    // Nothing of a database leaks in a refusal.
    expect(res.text).not.toMatch(/"rows"|"results"|"_id"|check:|org\.couchdb\.user/);
  });

  it('the citizens database opens for officials and leaders only (docs/privacy.md)', async () => {
    // The matrix has no hamlet head or reviewer; these are the people the decision keeps out.
    const answers: Record<string, number> = {};
    for (const who of ['hamletHead', 'reviewer', 'police', 'officer2', 'chair'] as const) {
      answers[who] = (
        await send(who, 'GET', `/${DBS.citizens}/_all_docs?include_docs=true`)
      ).status;
    }
    expect(answers).toEqual({
      hamletHead: 403,
      reviewer: 403,
      police: 403,
      officer2: 200,
      chair: 200,
    });
  });

  it('left no trace of the refused writes', async () => {
    expect(await stored(DBS.log, '_design/evil')).toBeNull();
    expect(await stored(DBS.log, '_design/evil2')).toBeNull();
    const ddoc = await stored(DBS.log, '_design/fieldbook');
    expect(Object.keys(ddoc ?? {})).not.toContain('views');
    const dbs = await couch.db.list();
    expect(dbs).not.toContain('fieldbook-evil');
    expect(dbs).toEqual(expect.arrayContaining([DBS.log, DBS.police]));
    const users = await couch.use('_users').list();
    expect(users.rows.map((r) => r.id).filter((id) => id.includes('evil'))).toEqual([]);
    const police = await couch.use(DBS.police).list();
    expect(police.rows.filter((r) => !r.id.startsWith('_design/'))).toEqual([]);
  });

  it('no request left an unhandled rejection behind', () => {
    expect(rejections).toEqual([]);
  });
});
