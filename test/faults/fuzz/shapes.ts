// Request shapes for the fuzz run: issue 8's probes, varied by a seeded generator — paths with
// odd encodings, query parameters in every spelling, bodies that are deep, wide, repeated,
// mistyped, truncated, multipart or compressed — sent as strangers, members and wrong
// passwords (never as the server admin: the fuzz is about what the gate lets others do).
import { gzipSync } from 'node:zlib';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
}

/** A small deterministic generator (mulberry32), so a failing run can be repeated. */
export function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Gen = ReturnType<typeof generator>;

const DBS = [
  'fieldbook-hong-phong',
  'fieldbook-hong-phong-police',
  '_users',
  'fieldbook_provisioning',
  'nope',
  '%5Fusers',
  'fieldbook-hong-phong%2F..',
  'A',
  '%ZZ',
  '',
];
const SUBS = [
  '',
  '_changes',
  '_bulk_get',
  '_bulk_docs',
  '_revs_diff',
  '_all_docs',
  '_find',
  '_explain',
  '_index',
  '_security',
  '_design/fieldbook',
  '_design%2Ffieldbook',
  '_design/fieldbook/_view/x',
  '_local/_security',
  '_local/Ab.cd_EFghIJklMNopQRst%3D%3D',
  '_local/fieldbook-plan-provisioned',
  '_purge',
  '_compact',
  '_revs_limit',
  '_design_docs',
  '_local_docs',
  'check%3Ax',
  'doc/att.jpg',
  '%ZZ',
  '..',
  'a'.repeat(3000),
];
const SERVER = [
  '/',
  '/_session',
  '/_all_dbs',
  '/_config',
  '/_node/_local/_config',
  '/_replicate',
  '/_scheduler/jobs',
  '/_uuids?count=100000',
  '/_up',
  '/_dbs_info',
  '/%5Fconfig',
  '//',
  '/_session/x',
];
const PARAMS = [
  'filter',
  'FILTER',
  'Filter',
  'filter[]',
  'filter[0]',
  'selector',
  'view',
  'doc_ids',
  'since',
  'limit',
  'feed',
  'heartbeat',
  'timeout',
  'style',
  'include_docs',
  'keys',
  'key',
  'startkey',
  'rev',
  'open_revs',
  'revs',
  'latest',
  'attachments',
  'count',
  'x',
];
const VALUES = [
  '_selector',
  '_view',
  '_doc_ids',
  '_design',
  'fieldbook/x',
  'now',
  '0',
  '-1',
  '99999999999',
  'longpoll',
  'continuous',
  'eventsource',
  'true',
  'all',
  '%ZZ',
  '%5B%22a%22%5D',
  encodeURIComponent('{"_id":{"$regex":"^(a|a)*Z"}}'),
  encodeURIComponent('["x"]'),
  'a'.repeat(2000),
  '',
];
const METHODS = [
  'GET',
  'GET',
  'GET',
  'POST',
  'POST',
  'PUT',
  'PUT',
  'DELETE',
  'HEAD',
  'COPY',
  'PATCH',
  'OPTIONS',
];
const TYPES = [
  'application/json',
  'application/json',
  'text/plain',
  'multipart/related; boundary="b"',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
];

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function jsonBody(g: Gen): string {
  switch (g.int(14)) {
    case 0:
      return `{"docs":[${nested(g.pick([10, 100, 5000, 20000]))}]}`;
    case 1:
      return JSON.stringify({
        docs: Array.from({ length: g.pick([1, 499, 501, 5000]) }, (_, i) => ({
          _id: `fz-${i}`,
          x: i,
        })),
      });
    case 2:
      return g.pick([
        '{"docs":[1]}',
        '{"docs":"x"}',
        '{"docs":{}}',
        '{"docs":[null]}',
        '[]',
        'null',
        '1',
        '"x"',
        '{}',
      ]);
    case 3:
      return JSON.stringify({ selector: { _id: { $regex: '^(?:[a-z]|[a-z]|[a-z]){0,16}Z' } } });
    case 4:
      return '{"_id":"fz","_id":"_local/_security","members":{}}';
    case 5:
      return JSON.stringify({
        docs: [
          { _id: g.pick(['_local/_security', '_design/evil', '_local/x', 'fz-1']), members: {} },
        ],
      });
    case 6:
      return JSON.stringify(
        Object.fromEntries(
          Array.from({ length: g.pick([1, 600]) }, (_, i) => [`d${i}`, ['1-a', '2-b']]),
        ),
      );
    case 7:
      return '{"name":' + nested(g.pick([50, 3000])) + '}';
    case 8:
      return JSON.stringify({
        name: 'canbo',
        password: g.pick(['canbo123', 'wrong', 'x'.repeat(10000)]),
      });
    case 9:
      return '{"a":' + '1'.repeat(g.pick([10, 400])) + 'e400}';
    case 10:
      return JSON.stringify({
        doc_ids: Array.from({ length: g.pick([1, 600]) }, (_, i) => `id${i}`),
      });
    case 11:
      return JSON.stringify({ keys: ['a', 1, null, { $gt: null }] });
    case 12:
      return JSON.stringify({
        fullName: 'A'.repeat(g.pick([5, 70000])),
        role: g.pick(['officer', 'chair', '_admin']),
        password: 'p',
      });
    default:
      return '{"truncated": [1, 2, ';
  }
}

function body(g: Gen, type: string): Uint8Array<ArrayBuffer> {
  if (type.startsWith('multipart/')) {
    const json = g.pick(['{"a":', '{}', '[', '{"_attachments":{"x":{"follows":true}}}']);
    const tail = g.pick(['\r\n--b--', '', '\r\n--b\r\n\r\nxx\r\n--b--']);
    return new Uint8Array(
      Buffer.from(`--b\r\nContent-Type: application/json\r\n\r\n${json}${tail}`),
    );
  }
  if (g.int(12) === 0)
    return new Uint8Array(Buffer.from(Array.from({ length: 512 }, () => g.int(256))));
  return new Uint8Array(Buffer.from(jsonBody(g)));
}

function query(g: Gen): string {
  const n = g.int(4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`${g.pick(PARAMS)}=${g.pick(VALUES)}`);
  return parts.length ? (g.int(8) === 0 ? '?' + parts.join(';') : '?' + parts.join('&')) : '';
}

export type Credentials = Record<'officer' | 'police' | 'communeAdmin' | 'wrong', string>;

export function fuzzRequest(g: Gen, auth: Credentials): FuzzRequest {
  const method = g.pick(METHODS);
  let path: string;
  if (g.int(6) === 0) {
    path =
      g.int(3) === 0
        ? `/api/users${g.pick(['', '/canbo', '/%ZZ', '/' + 'x'.repeat(500), '/..'])}`
        : '/db' + g.pick(SERVER);
  } else {
    const sub = g.pick(SUBS);
    path = `/db/${g.pick(DBS)}${sub ? '/' + sub : g.pick(['', '/'])}`;
  }
  path += query(g);
  const headers: Record<string, string> = { accept: 'application/json' };
  const who = g.pick([
    'anonymous',
    'officer',
    'officer',
    'police',
    'communeAdmin',
    'wrong',
  ] as const);
  if (who !== 'anonymous') headers.authorization = auth[who];
  if (g.int(10) === 0)
    headers.cookie = `AuthSession=${g.pick(['x', 'Y2FuYm86MDA6AA', '%ZZ'.repeat(100)])}`;
  if (method === 'GET' || method === 'HEAD') return { method, path, headers };
  const type = g.pick(TYPES);
  headers['content-type'] = type;
  let b = body(g, type);
  if (g.int(15) === 0) {
    b = new Uint8Array(gzipSync(b));
    headers['content-encoding'] = 'gzip';
  }
  return { method, path, headers, body: b };
}
