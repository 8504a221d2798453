// Compression on the /db link, both ways and the same whatever the database behind it (issue 16):
// phones send large bodies gzipped and the gate unpacks them before it checks them (neither the
// embedded server nor the gate's checks read gzip); answers go out gzipped when the client
// accepts it (Apache CouchDB never compresses, and the embedded server's own gzip is not used,
// so every backend looks the same to a phone).
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import zlib from 'node:zlib';
import { refuse, type Refusal } from './refusal.ts';

/** Answers smaller than this are sent as they are: gzip's header would outweigh the gain. */
const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(application\/(json|javascript)|text\/|multipart\/(mixed|related))/i;

/** The request's body encoding, or null when it is plain. */
export function bodyEncoding(headers: IncomingHttpHeaders): string | null {
  const value = headers['content-encoding']?.trim().toLowerCase();
  return value && value !== 'identity' ? value : null;
}

/**
 * Unpacks a gzip or deflate body, never past `maxBytes` of output (a small bomb stays small).
 * On success the request no longer claims an encoding: what the gate checks and forwards is the
 * plain body.
 */
export function decodeBody(
  req: IncomingMessage,
  bytes: Buffer,
  maxBytes: number,
): Buffer | Refusal {
  const encoding = bodyEncoding(req.headers);
  if (!encoding) return bytes;
  const unpack =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.gunzipSync
      : encoding === 'deflate'
        ? zlib.inflateSync
        : null;
  if (!unpack) return refuse(415, 'bad_content_type', 'request bodies may be gzip or deflate');
  try {
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const plain = unpack(view, { maxOutputLength: maxBytes });
    delete req.headers['content-encoding'];
    return plain;
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return refuse(413, 'too_large', `request body larger than ${Math.round(maxBytes / 1024)} KB`);
    }
    return refuse(400, 'bad_request', 'the compressed body could not be read');
  }
}

/** Which encoding the client takes, preferring gzip (cheap on the server's CPU), or null. */
export function acceptedEncoding(headers: IncomingHttpHeaders): 'gzip' | 'br' | null {
  const offers = (headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { name: name.trim(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((o) => o.q > 0);
  if (offers.some((o) => o.name === 'gzip' || o.name === '*')) return 'gzip';
  if (offers.some((o) => o.name === 'br')) return 'br';
  return null;
}

/**
 * A compressor for this answer, or null to send it as it is. A feed flushes after every chunk,
 * so a long-poll change or a heartbeat is never held in the compressor's buffer.
 */
export function responseCompressor(
  req: IncomingMessage,
  status: number,
  upstream: IncomingHttpHeaders,
  feed: boolean,
): { encoding: 'gzip' | 'br'; stream: zlib.Gzip | zlib.BrotliCompress } | null {
  if (req.method === 'HEAD' || status === 204 || status === 304) return null;
  if (upstream['content-encoding']) return null;
  if (!COMPRESSIBLE.test(upstream['content-type'] ?? '')) return null;
  const length = upstream['content-length'];
  if (length !== undefined && Number(length) < MIN_COMPRESS_BYTES) return null;
  const encoding = acceptedEncoding(req.headers);
  if (!encoding) return null;
  const stream =
    encoding === 'gzip'
      ? zlib.createGzip(feed ? { flush: zlib.constants.Z_SYNC_FLUSH } : {})
      : zlib.createBrotliCompress({
          ...(feed ? { flush: zlib.constants.BROTLI_OPERATION_FLUSH } : {}),
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
        });
  return { encoding, stream };
}

/** The answer's headers once compressed: no length (it is not known yet), the encoding named. */
export function compressedHeaders(out: OutgoingHttpHeaders, encoding: string): OutgoingHttpHeaders {
  const headers = { ...out, 'content-encoding': encoding };
  delete headers['content-length'];
  const vary = String(headers.vary ?? '');
  headers.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
  return headers;
}
