// Same-origin access to CouchDB: /db/<path> goes to the CouchDB server (embedded or real) with
// the caller's own cookie or credentials, but only after the gate (server/gate/) has decided,
// deny by default, that the allow-list lets this caller do this: the gate resolves who is
// calling, checks membership against the database's `_security` itself, parses the query and
// the body the way the database will (unpacking a gzipped one first), and bounds sizes.
// Answers are streamed back as they come (long-poll `_changes` included), gzipped when the
// client takes it (./gate/encoding.ts); the database's own 5xx details stay in the log.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { DB_PATH } from '../src/lib/domain/constants.ts';
import { checkBody, readBody, tooLarge } from './gate/body.ts';
import { createGate, type Decision, type GateContext } from './gate/decide.ts';
import {
  bodyEncoding,
  compressedHeaders,
  decodeBody,
  responseCompressor,
} from './gate/encoding.ts';
import { createFeedCounter } from './gate/feeds.ts';
import { isServerAdmin } from './gate/identity.ts';
import { LIMITS } from './gate/limits.ts';
import { isMultipart, multipartProblem } from './gate/multipart.ts';
import { isRefusal, refuse, sendJson, sendRefusal, type Refusal } from './gate/refusal.ts';

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
  'content-length',
]);

export const MAX_BODY_BYTES = LIMITS.maxBodyBytes;

const hasBody = (req: IncomingMessage) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * Refuse. A body nobody will use is drained for a moment so that the client, still sending,
 * can read the answer (closing at once resets the connection under it); a body that goes on
 * longer than that is cut.
 */
function answer(req: IncomingMessage, res: ServerResponse, r: Refusal) {
  if (!req.complete) {
    req.resume();
    res.on('finish', () => {
      if (req.complete) return;
      const cut = setTimeout(() => req.socket.destroy(), 2_000);
      req.on('end', () => clearTimeout(cut));
    });
  }
  sendRefusal(res, r);
}

export interface ProxyHooks {
  /** A checked write reached database `db` (2xx): its body, as forwarded. */
  written?(db: string, body: Buffer): void;
}

export function createDbProxy(
  couchUrl: string,
  ctx: Omit<GateContext, 'couchUrl'>,
  hooks: ProxyHooks = {},
) {
  const base = new URL(couchUrl);
  const client = base.protocol === 'https:' ? https : http;
  const basePath = base.pathname.replace(/\/+$/, '');
  const gate = createGate({ couchUrl, ...ctx });
  const feeds = createFeedCounter();

  function throughGate(location: string): string {
    const target = new URL(location, base);
    if (target.origin !== base.origin || !target.pathname.startsWith(basePath + '/')) {
      return DB_PATH + '/';
    }
    return DB_PATH + target.pathname.slice(basePath.length) + target.search;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Keep the raw, percent-encoded path: `_local/…%3D…` must reach CouchDB unchanged.
    const rest = (req.url ?? '').slice(DB_PATH.length) || '/';
    if (Number(req.headers['content-length'] ?? 0) > LIMITS.maxBodyBytes) {
      return answer(req, res, tooLarge(LIMITS.maxBodyBytes));
    }
    const decision = await gate.decide(req, rest);
    if (isRefusal(decision)) return answer(req, res, decision);

    const rule = decision.entry.body;
    let body: Buffer | null = null;
    if (rule && rule !== 'stream') {
      // A gzipped body is unpacked first: the checks and the database see the plain bytes.
      const read = await readPlainBody(req, rule.maxBytes);
      if (isRefusal(read)) return answer(req, res, read);
      const bad = checkBody(req, read, rule);
      if (bad) return answer(req, res, bad);
      body = read;
    } else if (!rule && hasBody(req)) {
      return answer(req, res, refuse(400, 'bad_request', 'this request takes no body'));
    } else if (rule === 'stream' && !isServerAdmin(decision.caller)) {
      // Only server admins' entries stream; a member's body is always checked.
      return answer(req, res, refuse(403, 'forbidden', 'not allowed'));
    } else if (rule === 'stream' && (isMultipart(req.headers) || bodyEncoding(req.headers))) {
      const read = await readPlainBody(req, LIMITS.maxBodyBytes);
      if (isRefusal(read)) return answer(req, res, read);
      const problem = isMultipart(req.headers)
        ? multipartProblem(req.headers['content-type'] ?? '', read)
        : null;
      if (problem) return answer(req, res, refuse(400, 'bad_request', problem));
      body = read;
    }

    let release: (() => void) | null = null;
    if (decision.entry.feed?.(decision.params) && !isServerAdmin(decision.caller)) {
      release = feeds.take(decision.caller.name ?? '');
      if (!release) {
        return answer(
          req,
          res,
          refuse(
            429,
            'too_many_requests',
            `at most ${LIMITS.maxFeedsPerUser} open changes feeds per person`,
          ),
        );
      }
      res.on('close', release);
      // The embedded server's long-poll ignores `timeout` (it waits for a change); a feed
      // held past the longest wait Fieldbook asks for is cut, and PouchDB asks again.
      const cut = setTimeout(() => res.destroy(), LIMITS.maxFeedWaitMs + 30_000);
      res.on('close', () => clearTimeout(cut));
    }
    forward(req, res, rest, decision, body);
  }

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    rest: string,
    decision: Decision,
    body: Buffer | null,
  ) {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
    if (body) headers['content-length'] = body.length;
    else if (req.headers['content-length'])
      headers['content-length'] = req.headers['content-length'];
    else if (req.headers['transfer-encoding']) headers['transfer-encoding'] = 'chunked';
    const method = req.method ?? 'GET';
    const feed = decision.entry.feed?.(decision.params) ?? false;
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
        clearTimeout(timer);
        const status = up.statusCode ?? 502;
        // After the database took it: e.g. a conflict's resolution is applied (server/conflicts).
        if (status < 300 && body && decision.route.db && (method === 'PUT' || method === 'POST'))
          hooks.written?.(decision.route.db, body);
        // The server admin sees the database's own answer; anyone else no code details.
        if (status >= 500 && !isServerAdmin(decision.caller)) {
          return hideServerError(req, res, up, status);
        }
        const out: http.OutgoingHttpHeaders = {};
        for (const [k, v] of Object.entries(up.headers))
          if (!HOP_BY_HOP.has(k) || k === 'content-length') out[k] = v;
        // CouchDB redirects `_design%2Fx` to `_design/x` at its own address: keep the
        // client on /db (the database's address is neither reachable nor to be told).
        if (typeof out.location === 'string') out.location = throughGate(out.location);
        const compressor = responseCompressor(req, status, up.headers, feed);
        if (!compressor) {
          res.writeHead(status, out);
          // Streams long-poll _changes as they come.
          return void up.pipe(res);
        }
        res.writeHead(status, compressedHeaders(out, compressor.encoding));
        compressor.stream.on('error', () => res.destroy());
        up.pipe(compressor.stream).pipe(res);
      },
    );
    // A request the database never answers (a non-feed one) is cut after a while.
    const timer = setTimeout(
      () => {
        upstream.destroy();
        if (!res.headersSent)
          sendJson(res, 504, { error: 'timeout', reason: 'the database did not answer in time' });
      },
      feed ? LIMITS.maxFeedWaitMs + 30_000 : LIMITS.upstreamTimeoutMs,
    );
    upstream.on('error', () => {
      clearTimeout(timer);
      if (!res.headersSent) {
        sendJson(res, 503, { error: 'unavailable', reason: 'database server unreachable' });
      } else res.destroy();
    });
    res.on('close', () => {
      clearTimeout(timer);
      upstream.destroy();
    });
    if (body) return void upstream.end(body);
    if (method === 'GET' || method === 'HEAD' || !hasBody(req)) return void upstream.end();
    // A server admin's body, streamed and bounded.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > LIMITS.maxBodyBytes) {
        upstream.destroy();
        answer(req, res, tooLarge(LIMITS.maxBodyBytes));
      }
    });
    req.pipe(upstream);
  }

  return function proxy(req: IncomingMessage, res: ServerResponse) {
    handle(req, res).catch((err: unknown) => {
      console.error('[db] gate failed:', err instanceof Error ? err.message : err);
      if (!res.headersSent)
        answer(req, res, refuse(503, 'unavailable', 'database server unreachable'));
      else res.destroy();
    });
  };
}

/** The whole body, unpacked if it came gzipped; both sizes bounded by `max`. */
async function readPlainBody(req: IncomingMessage, max: number): Promise<Buffer | Refusal> {
  const read = await readBody(req, max);
  return isRefusal(read) ? read : decodeBody(req, read, max);
}

/** A 5xx from the database: its details (code, stack) go to the log, not to the caller. */
function hideServerError(
  req: IncomingMessage,
  res: ServerResponse,
  up: IncomingMessage,
  status: number,
) {
  let detail = '';
  up.setEncoding('utf8');
  up.on('data', (chunk: string) => {
    if (detail.length < 4096) detail += chunk;
  });
  up.on('end', () => {
    console.error(
      `[db] ${status} for ${req.method} ${req.url?.split('?')[0]}: ${detail.slice(0, 1000)}`,
    );
    sendJson(res, status, {
      error: status === 503 ? 'unavailable' : 'internal_server_error',
      reason: 'the database could not process this request',
    });
  });
  up.on('error', () => res.destroy());
}
