// Same-origin access to CouchDB: /db/<path> is forwarded byte for byte to the CouchDB server
// (embedded or real), with the caller's own cookie or credentials. CouchDB itself decides who
// may do what; this gate only refuses routes no browser needs, which also keeps requests known
// to crash the embedded server away from it.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { DB_PATH } from '../src/lib/domain/constants.ts';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'accept-encoding',
]);

/** Largest request body accepted (documents and, later, compressed photos). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** `_changes` filters CouchDB 3 answers safely. */
const ALLOWED_FILTERS = new Set(['_doc_ids', '_selector']);
/**
 * The embedded server has no `_selector` filter: it answers 404 *and* leaves an unhandled
 * promise rejection behind, which ends a Node process that does not contain them.
 */
const EMBEDDED_FILTERS = new Set(['_doc_ids']);

export interface GateOptions {
  /** The upstream is the embedded express-pouchdb server, not a real CouchDB. */
  embedded?: boolean;
}

/** Why a request is refused at the gate, or null when it may go to CouchDB. */
export function refusal(method: string, rawPath: string, opts: GateOptions = {}): string | null {
  const [pathPart, query = ''] = rawPath.split('?', 2);
  // Decide on the decoded path: CouchDB decodes `%5Fusers` to `_users` and `_design%2Fx` to
  // `_design/x`, so the raw text alone would let either past the rules below.
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return 'malformed path';
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.length === 0) return method === 'GET' ? null : 'method not allowed';
  const [first] = segments;
  if (first.startsWith('_')) {
    // Server-wide endpoints: sessions and the welcome/uuids only.
    if (first === '_session' && segments.length === 1) return null;
    if (first === '_uuids' && method === 'GET') return null;
    return 'not available through this server';
  }
  const reading = method === 'GET' || method === 'HEAD';
  // Database creation and deletion belong to provisioning, never to a browser.
  if (segments.length === 1 && !reading && method !== 'POST') {
    return 'databases are managed by provisioning';
  }
  const second = segments[1];
  if (second === '_security' && method !== 'GET') return 'security is managed by provisioning';
  // The embedded server keeps a database's _security in the local document `_local/_security`.
  if (second === '_local' && segments[2] === '_security' && !reading) {
    return 'security is managed by provisioning';
  }
  if ((second === '_design' || second === '_index') && !reading) {
    return 'design documents are managed by provisioning';
  }
  if (['_compact', '_view_cleanup', '_purge', '_revs_limit', '_temp_view'].includes(second)) {
    return 'not available through this server';
  }
  const allowed = opts.embedded ? EMBEDDED_FILTERS : ALLOWED_FILTERS;
  const filters = new URLSearchParams(query).getAll('filter');
  if (second === '_changes' && filters.some((f) => !allowed.has(f))) {
    return `only ${[...allowed].join(' and ')} filters are allowed`;
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function createDbProxy(couchUrl: string, gate: GateOptions = {}) {
  const base = new URL(couchUrl);
  const client = base.protocol === 'https:' ? https : http;
  const basePath = base.pathname.replace(/\/+$/, '');

  return function proxy(req: IncomingMessage, res: ServerResponse) {
    // Keep the raw, percent-encoded path: `_local/…%3D…` must reach CouchDB unchanged.
    const rest = (req.url ?? '').slice(DB_PATH.length) || '/';
    const method = req.method ?? 'GET';
    const refused = refusal(method, rest, gate);
    if (refused) return sendJson(res, 403, { error: 'forbidden', reason: refused });
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      return sendJson(res, 413, { error: 'too_large', reason: 'request body too large' });
    }

    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
    const upstream = client.request(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path: basePath + rest,
        method,
        headers,
      },
      (up) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(up.headers)) if (!HOP_BY_HOP.has(k)) out[k] = v;
        res.writeHead(up.statusCode ?? 502, out);
        // Streams long-poll and continuous _changes as they come.
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) {
        sendJson(res, 503, { error: 'unavailable', reason: 'database server unreachable' });
      } else res.destroy();
    });
    req.on('aborted', () => upstream.destroy());
    res.on('close', () => upstream.destroy());
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) {
        upstream.destroy();
        if (!res.headersSent)
          sendJson(res, 413, { error: 'too_large', reason: 'request body too large' });
      }
    });
    req.pipe(upstream);
  };
}
