// Compression on /db (issue 16), on whichever backend the suite runs against: answers gzipped
// for a client that takes gzip and plain for one that does not, gzipped request bodies unpacked
// and checked like plain ones, and a phone's replication with gzipped bodies arriving whole.
import http from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressingFetch } from '../../src/lib/data/compressed-fetch.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { basicAuth, makeCheck, OFFICER } from '../support/fixtures.ts';
import { memoryDb, PouchDB } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';
import type { Db } from '../../src/lib/data/pouch-types.ts';

const server = useTestServer();
const zip = (data: string | Uint8Array) => new Uint8Array(gzipSync(data));
const LOG = dbNames('hong-phong').log;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with exactly these headers (fetch would add its own Accept-Encoding). */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Uint8Array,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      { method, headers: { authorization: basicAuth(OFFICER), ...headers } },
      (res) => {
        const chunks: Uint8Array[] = [];
        res.on('data', (c: Uint8Array) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const plainJson = (r: Raw) =>
  JSON.parse(
    (r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(new Uint8Array(r.body))
      : r.body
    ).toString('utf8'),
  ) as unknown;

function remote(recorded: string[]): Db {
  const base = (url: string | Request, init?: RequestInit) => {
    recorded.push(new Headers(init?.headers).get('content-encoding') ?? 'plain');
    return fetch(url, init);
  };
  return new PouchDB(`${server.url}/db/${LOG}`, {
    skip_setup: true,
    auth: { username: OFFICER.name, password: OFFICER.password },
    fetch: compressingFetch(base),
  } as PouchDB.Configuration.RemoteDatabaseConfiguration) as Db;
}

describe('compression on /db', () => {
  it("sends a phone's records gzipped, and another phone pulls them whole", async () => {
    const phone = memoryDb('gzip-phone');
    const docs = Array.from({ length: 120 }, (_, i) => makeCheck(9_000 + i));
    await phone.bulkDocs(docs);
    const sent: string[] = [];
    await phone.replicate.to(remote(sent));
    expect(sent).toContain('gzip');

    const second = memoryDb('gzip-second');
    await second.replicate.from(remote([]), { doc_ids: docs.map((d) => d._id) });
    const got = await second.allDocs({ keys: docs.map((d) => d._id), include_docs: true });
    const findings = got.rows.map((r) =>
      'doc' in r ? (r.doc as unknown as { findings: string } | undefined)?.findings : null,
    );
    expect(findings).toEqual(docs.map((d) => d.findings));
  });

  it('answers gzip to a client that takes it and plain to one that does not', async () => {
    const path = `/db/${LOG}/_all_docs?include_docs=true&limit=50`;
    const zipped = await raw('GET', path, { 'accept-encoding': 'gzip, deflate' });
    const plain = await raw('GET', path);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plainJson(zipped)).toEqual(plainJson(plain));
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
  });

  it('checks a gzipped body like a plain one, and refuses bombs, garbage and unknown codings', async () => {
    const json = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
    const good = zip(JSON.stringify({ docs: [makeCheck(9_500)] }));
    const saved = await raw('POST', `/db/${LOG}/_bulk_docs`, json, good);
    expect(saved.status).toBe(201);
    expect((plainJson(saved) as { ok?: boolean }[])[0]).toMatchObject({ ok: true });

    // Unpacked, a too-deep body is refused the way a plain one is.
    const deep = zip(`{"docs":[${'['.repeat(200)}${']'.repeat(200)}]}`);
    expect((await raw('POST', `/db/${LOG}/_bulk_docs`, json, deep)).status).toBe(400);

    const bomb = zip(new Uint8Array(64 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(128 * 1024);
    expect((await raw('POST', `/db/${LOG}/_bulk_docs`, json, bomb)).status).toBe(413);

    const garbage = new TextEncoder().encode('not gzip at all');
    expect((await raw('POST', `/db/${LOG}/_bulk_docs`, json, garbage)).status).toBe(400);

    const br = { ...json, 'content-encoding': 'compress' };
    expect((await raw('POST', `/db/${LOG}/_bulk_docs`, br, good)).status).toBe(415);
  });

  it('still delivers a long-poll change through the compressor', async () => {
    const info = plainJson(await raw('GET', `/db/${LOG}`)) as { update_seq: string };
    const since = encodeURIComponent(String(info.update_seq));
    const waiting = raw(
      'GET',
      `/db/${LOG}/_changes?feed=longpoll&since=${since}&timeout=60000&heartbeat=10000`,
      { 'accept-encoding': 'gzip' },
    );
    await new Promise((r) => setTimeout(r, 300));
    const doc = makeCheck(9_600);
    await raw(
      'PUT',
      `/db/${LOG}/${doc._id}`,
      { 'content-type': 'application/json' },
      new TextEncoder().encode(JSON.stringify(doc)),
    );
    const answer = await waiting;
    expect(answer.headers['content-encoding']).toBe('gzip');
    const results = (plainJson(answer) as { results: { id: string }[] }).results;
    expect(results.map((r) => r.id)).toContain(doc._id);
  });
});
