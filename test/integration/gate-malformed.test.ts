// The requests of issue 8's probing, each answered at once (a 4xx in CouchDB's shape) and
// leaving nothing behind, on whichever backend the tests run: client regular expressions,
// every `_changes` filter spelling, malformed multipart and JSON, oversized batches, deep
// nesting, bad percent-encodings, the app's own routes with large bodies, and the cap on open
// feeds per person.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { LIMITS } from '../../server/gate/limits.ts';
import { adminCouch, isStatus } from '../../server/provision/couch.ts';
import { ADMIN, basicAuth, OFFICER } from '../support/fixtures.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => void process.on('unhandledRejection', onRejection));
afterAll(() => void process.off('unhandledRejection', onRejection));

type Who = 'anonymous' | 'officer' | 'serverAdmin' | 'communeAdmin';
interface Probe {
  name: string;
  who: Who;
  method: string;
  path: string;
  body?: string | Uint8Array<ArrayBuffer>;
  type?: string;
  headers?: Record<string, string>;
  status: number;
  /** What the reason must say. */
  reason?: RegExp;
}

const REGEX = '^(?:[a-zA-Z:-]|[a-zA-Z:-]|[a-zA-Z:-]){0,16}Z';
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const multipart = (json: string) =>
  bytes(
    '--XyZ\r\nContent-Type: application/json\r\n\r\n' +
      json +
      '\r\n--XyZ\r\nContent-Disposition: attachment; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--',
  );
const MULTIPART = 'multipart/related; boundary="XyZ"';
const smallDocs = (n: number) =>
  JSON.stringify({ docs: Array.from({ length: n }, (_, i) => ({ _id: `junk-${i}`, x: i })) });

const PROBES: Probe[] = [
  // Reads that answered strangers in full.
  {
    name: '_bulk_get anonymously',
    who: 'anonymous',
    method: 'POST',
    path: `/${LOG}/_bulk_get`,
    body: '{"docs":[{"id":"plan:hong-phong:2023"}]}',
    status: 401,
  },
  {
    name: '_find anonymously',
    who: 'anonymous',
    method: 'POST',
    path: `/${LOG}/_find`,
    body: '{"selector":{"_id":{"$gt":null}}}',
    status: 401,
  },
  {
    name: '_find with $regex as a member',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_find`,
    body: JSON.stringify({ selector: { _id: { $regex: REGEX } } }),
    status: 403,
  },
  {
    name: '_explain as a member',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_explain`,
    body: '{"selector":{}}',
    status: 403,
  },
  {
    name: '_index anonymously',
    who: 'anonymous',
    method: 'GET',
    path: `/${LOG}/_index`,
    status: 401,
  },
  // _changes: every spelling of a selector, view or filter.
  {
    name: '_changes?selector= with $regex',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?selector=${q({ _id: { $regex: REGEX } })}`,
    status: 400,
    reason: /selector/,
  },
  {
    name: '_changes?filter[]=_selector',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?filter[]=_selector`,
    status: 400,
  },
  {
    name: '_changes?filter%5B0%5D=_view',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?filter%5B0%5D=_view`,
    status: 400,
  },
  {
    name: '_changes?FILTER=x',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?FILTER=fieldbook/x`,
    status: 400,
  },
  {
    name: '_changes?view= alone',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?view=fieldbook/x`,
    status: 400,
  },
  {
    name: '_changes?filter=_doc_ids without doc_ids',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?filter=_doc_ids`,
    status: 400,
    reason: /doc_ids/,
  },
  {
    name: '_changes with a repeated filter',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?filter=_doc_ids&filter=_view&doc_ids=%5B%5D`,
    status: 400,
    reason: /twice/,
  },
  {
    name: 'POST _changes?filter=_selector with $regex',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_changes?filter=_selector`,
    body: JSON.stringify({ selector: { _id: { $regex: REGEX } } }),
    status: 400,
  },
  {
    name: '_changes?feed=continuous (not Fieldbook’s)',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?feed=continuous`,
    status: 400,
  },
  // Malformed bodies.
  {
    name: 'multipart with a broken JSON part (member)',
    who: 'officer',
    method: 'PUT',
    path: `/${LOG}/mp-1`,
    body: multipart('{"a":'),
    type: MULTIPART,
    status: 415,
  },
  {
    name: 'multipart with a broken JSON part (server admin)',
    who: 'serverAdmin',
    method: 'PUT',
    path: `/${LOG}/mp-2`,
    body: multipart('{"a":'),
    type: MULTIPART,
    status: 400,
    reason: /JSON part/,
  },
  {
    name: 'multipart without its closing boundary (server admin)',
    who: 'serverAdmin',
    method: 'PUT',
    path: `/${LOG}/mp-3`,
    body: bytes('--XyZ\r\nContent-Type: application/json\r\n\r\n{}'),
    type: MULTIPART,
    status: 400,
  },
  {
    name: '_bulk_docs of 10,000 small documents',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: smallDocs(10_000),
    status: 400,
    reason: /at most 500 documents/,
  },
  {
    name: '_bulk_docs with a number for a document',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: '{"docs":[1]}',
    status: 400,
  },
  {
    name: '_bulk_docs with docs a string',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: '{"docs":"x"}',
    status: 400,
  },
  {
    name: '_bulk_docs with a _local document',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: '{"docs":[{"_id":"_local/x"}]}',
    status: 400,
  },
  {
    name: '_bulk_get with docs an object',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_get`,
    body: '{"docs":{}}',
    status: 400,
  },
  {
    name: '_bulk_get of a _local document',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_get`,
    body: '{"docs":[{"id":"_local/fieldbook-plan-provisioned"}]}',
    status: 400,
  },
  {
    name: '_revs_diff with an array',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_revs_diff`,
    body: '[]',
    status: 400,
  },
  {
    name: '_revs_diff of 501 ids',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_revs_diff`,
    body: JSON.stringify(
      Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`d${i}`, ['1-a']])),
    ),
    status: 400,
    reason: /at most 500/,
  },
  {
    name: 'JSON nested 10,000 deep in _bulk_docs',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: `{"docs":[{"_id":"deep","x":${deep(10_000)}}]}`,
    status: 400,
    reason: /nested/,
  },
  {
    name: 'JSON nested 2,000 deep in _session',
    who: 'anonymous',
    method: 'POST',
    path: '/_session',
    body: `{"name":${deep(2_000)}}`,
    status: 400,
    reason: /nested/,
  },
  {
    name: 'a repeated key',
    who: 'officer',
    method: 'PUT',
    path: `/${LOG}/dup-1`,
    body: '{"_id":"dup-1","kind":"a","kind":"b"}',
    status: 400,
    reason: /repeats/,
  },
  {
    name: 'a document as text/plain',
    who: 'officer',
    method: 'PUT',
    path: `/${LOG}/plain-1`,
    body: '{}',
    type: 'text/plain',
    status: 415,
  },
  {
    name: 'a gzip body is unpacked and then checked (a repeated key)',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: new Uint8Array(gzipSync('{"docs":[],"docs":[]}')),
    headers: { 'content-encoding': 'gzip' },
    status: 400,
    reason: /repeats/,
  },
  {
    name: 'a body in a coding the gate cannot unpack',
    who: 'officer',
    method: 'POST',
    path: `/${LOG}/_bulk_docs`,
    body: '{"docs":[]}',
    headers: { 'content-encoding': 'compress' },
    status: 415,
  },
  {
    name: 'a body on a read',
    who: 'officer',
    method: 'DELETE',
    path: `/${LOG}/x?rev=1-a`,
    body: '{}',
    status: 400,
  },
  {
    name: 'a sign-in of 9 KB',
    who: 'anonymous',
    method: 'POST',
    path: '/_session',
    body: JSON.stringify({ name: 'x'.repeat(9000), password: 'y' }),
    status: 413,
  },
  // Paths and queries.
  {
    name: 'a bad percent-encoding in the database',
    who: 'officer',
    method: 'GET',
    path: '/%ZZ',
    status: 400,
  },
  {
    name: 'a bad percent-encoding in the document id',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/%ZZ`,
    status: 400,
  },
  {
    name: 'a bad percent-encoding in the query',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_changes?since=%ZZ`,
    status: 400,
  },
  { name: 'an empty segment', who: 'officer', method: 'GET', path: `//_users`, status: 400 },
  {
    name: 'an unknown parameter',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_all_docs?startkey_docid=a`,
    status: 400,
  },
  {
    name: 'a limit beyond the bound',
    who: 'officer',
    method: 'GET',
    path: `/${LOG}/_all_docs?limit=${LIMITS.maxLimit + 1}`,
    status: 400,
  },
];

function headersFor(p: Probe): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', ...p.headers };
  if (p.who === 'officer') h.authorization = basicAuth(OFFICER);
  if (p.who === 'communeAdmin') h.authorization = basicAuth(ADMIN);
  if (p.who === 'serverAdmin') h.authorization = basicAuth(server.admin);
  if (p.body !== undefined) h['content-type'] = p.type ?? 'application/json';
  return h;
}

describe('issue 8 requests through /db', () => {
  it.each(PROBES.map((p) => [p.name, p] as const))('%s', async (_name, p) => {
    const res = await fetch(`${server.url}/db${p.path}`, {
      method: p.method,
      headers: headersFor(p),
      body: p.body,
      // "At once": the server answers from the gate, never after a database's long work.
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(p.status);
    const json = JSON.parse(text) as { error?: unknown; reason?: unknown };
    expect(typeof json.error).toBe('string');
    expect(String(json.reason)).not.toBe('');
    if (p.reason) expect(String(json.reason)).toMatch(p.reason);
    expect(text).not.toMatch(/node_modules|TypeError|at \w+ \(/);
  });

  it('stored none of it', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    for (const id of ['mp-1', 'mp-2', 'mp-3', 'junk-0', 'deep', 'dup-1', 'plain-1', '_local/x']) {
      await expect(couch.use(LOG).get(id)).rejects.toSatisfy((err) => isStatus(err, 404));
    }
  });

  it('caps open changes feeds per person and frees a slot when a feed ends', async () => {
    const feed = (signal: AbortSignal) =>
      fetch(`${server.url}/db/${LOG}/_changes?feed=longpoll&since=now&timeout=60000`, {
        headers: { authorization: basicAuth(OFFICER) },
        signal,
      });
    const open = new AbortController();
    const held = await Promise.all(
      Array.from({ length: LIMITS.maxFeedsPerUser }, () => feed(open.signal)),
    );
    expect(held.map((r) => r.status)).toEqual(held.map(() => 200));
    const extra = await feed(AbortSignal.timeout(10_000));
    expect(extra.status).toBe(429);
    expect(((await extra.json()) as { error: string }).error).toBe('too_many_requests');
    open.abort();
    // Closing them frees the slots (the server sees the sockets close).
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const ctl = new AbortController();
      const again = await feed(ctl.signal);
      status = again.status;
      ctl.abort();
    }
    expect(status).toBe(200);
  });

  it('no request left an unhandled rejection behind', () => {
    expect(rejections).toEqual([]);
  });
});

describe('the app’s own routes', () => {
  /** Sends headers announcing `length` bytes and a first kilobyte; resolves with the status. */
  function announce(path: string, length: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'content-length': length },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
  }

  it('refuse a 50 MB body at once, without reading it', async () => {
    expect(await announce('/', 50 * 1024 * 1024)).toBe(413);
    expect(await announce('/login', 50 * 1024 * 1024)).toBe(413);
    expect(await announce('/db/_session', 50 * 1024 * 1024)).toBe(413);
  });

  it('a dot-dot segment, sent as is, is refused', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      http
        .get(
          {
            hostname,
            port,
            path: `/db/${LOG}/../_config`,
            headers: { authorization: basicAuth(OFFICER) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on('error', reject);
    });
    expect(status).toBe(400);
  });

  it('/api/users answers a malformed name with 400', async () => {
    const res = await fetch(`${server.url}/api/users/%ZZ`, {
      method: 'PUT',
      headers: { authorization: basicAuth(ADMIN), 'content-type': 'application/json' },
      body: '{"fullName":"X"}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/không hợp lệ/);
  });
});
