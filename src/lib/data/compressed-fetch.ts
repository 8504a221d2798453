// Gzipped request bodies for replication (issue 16): the large JSON a phone sends — a batch of
// records, the revisions it asks about — goes out gzipped with the platform's CompressionStream;
// the /db gate unpacks it before checking it. Answers come back gzipped by the gate and the
// browser unpacks them by itself. Where CompressionStream is missing, bodies go as they are.

/** Bodies smaller than this go plain: gzip's framing would eat the gain. */
const MIN_BYTES = 2048;

/** Replication's big request bodies, by the endpoint's last path segment. */
const COMPRESSED_ENDPOINTS = /\/(_bulk_docs|_revs_diff|_bulk_get|_all_docs)(\?|$)/;

type Fetch = (url: string | Request, init?: RequestInit) => Promise<Response>;

export function canCompress(): boolean {
  return typeof CompressionStream === 'function';
}

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A fetch for PouchDB's `fetch` option that gzips replication's large request bodies. */
export function compressingFetch(base: Fetch = (url, init) => fetch(url, init)): Fetch {
  return async (url, init = {}) => {
    const body = init.body;
    const method = (init.method ?? 'GET').toUpperCase();
    if (
      !canCompress() ||
      (method !== 'POST' && method !== 'PUT') ||
      typeof body !== 'string' ||
      body.length < MIN_BYTES ||
      !COMPRESSED_ENDPOINTS.test(
        new URL(typeof url === 'string' ? url : url.url, 'http://x').pathname,
      )
    ) {
      return base(url, init);
    }
    const headers = new Headers(init.headers);
    if (headers.has('Content-Encoding')) return base(url, init);
    headers.set('Content-Encoding', 'gzip');
    return base(url, { ...init, headers, body: await gzip(body) });
  };
}
