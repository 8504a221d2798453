// A new phone's first pull, one batch ahead (issue 10). PouchDB's replication asks the server
// for a batch's documents (`_bulk_get`) only once it has written the batch before and its
// checkpoint, so the phone waits for each round trip in turn. Its changes feed is read ahead
// already and names the next batch's revisions; on a new phone every one of them is missing
// (its database was empty), so this fetch asks for them while the phone writes the batch before,
// and hands PouchDB that answer when it asks for the very same revisions. Any other request, or
// one that asks for fewer (something was here already), goes to the server as asked.

type Fetch = (url: string | Request, init?: RequestInit) => Promise<Response>;

/** Batches asked for ahead and not yet taken by the replication: one, so memory stays two. */
const DEPTH = 1;
/** Batches known from the changes feed, at most (PouchDB reads ten ahead at most). */
const MAX_PLANNED = 20;
const BULK_GET_QUERY = '?revs=true&latest=true';

interface Rev {
  id: string;
  rev: string;
}

interface Batch {
  /** The revisions, as `id rev` lines: PouchDB's request must name exactly these. */
  revs: Set<string>;
  url: string;
  init: RequestInit;
  answer?: Promise<Response | null>;
}

export interface ReadAhead {
  fetch: Fetch;
  /** Reads ahead from now on (a first pull starts); returns its stop. */
  start(): () => void;
}

const line = (r: Rev) => `${r.id} ${r.rev}`;

/** The body PouchDB's replication sends to `_bulk_get` (createBulkGetOpts), or null. */
function requested(body: unknown): Rev[] | null {
  if (typeof body !== 'string') return null;
  try {
    const docs = (JSON.parse(body) as { docs?: unknown }).docs;
    return Array.isArray(docs) && docs.length ? (docs as Rev[]) : null;
  } catch {
    return null;
  }
}

export function readAhead(base: Fetch): ReadAhead {
  let running = 0;
  let batches: Batch[] = [];
  /** Revisions the replication asked for before their page was planned: not read again. */
  const late = new Set<string>();

  const drop = (gone: Batch[]) => {
    for (const b of gone) void b.answer?.then((r) => r?.body?.cancel().catch(() => undefined));
  };

  /** Asks for the next batches in order, up to DEPTH asked and not yet taken. */
  const pump = () => {
    let asked = batches.filter((b) => b.answer !== undefined).length;
    for (const b of batches) {
      if (asked >= DEPTH) return;
      if (b.answer) continue;
      b.answer = base(b.url, b.init).catch(() => null);
      asked += 1;
    }
  };

  /** A one-shot page of the changes feed: plan the `_bulk_get` of its revisions. */
  const plan = async (res: Response, url: URL, init: RequestInit) => {
    const page = (await res.json()) as { results?: { id: string; changes: { rev: string }[] }[] };
    const docs = (page.results ?? []).flatMap((r) =>
      r.changes.map((c) => ({ id: r.id, rev: c.rev })),
    );
    if (!running || !docs.length || batches.length >= MAX_PLANNED) return;
    if (docs.some((d) => late.has(line(d)))) return;
    const headers = new Headers(init.headers);
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json');
    const target = new URL(url.pathname.replace(/\/_changes$/, '/_bulk_get'), url);
    target.search = BULK_GET_QUERY;
    batches.push({
      revs: new Set(docs.map(line)),
      url: target.href,
      init: {
        method: 'POST',
        headers,
        credentials: init.credentials,
        body: JSON.stringify({ docs }),
      },
    });
    pump();
  };

  /** PouchDB asks for a batch's documents: the answer read ahead when it is the same batch. */
  const take = async (url: string | Request, init: RequestInit, docs: Rev[]) => {
    const at = batches.findIndex((b) => b.revs.has(line(docs[0])));
    if (at < 0) {
      if (late.size > MAX_PLANNED) late.clear();
      late.add(line(docs[0]));
      return base(url, init);
    }
    // The batches before it had nothing missing: PouchDB asked for none of them.
    drop(batches.splice(0, at));
    const [batch] = batches.splice(0, 1);
    const same = batch.revs.size === docs.length && docs.every((d) => batch.revs.has(line(d)));
    pump();
    if (!same || !batch.answer) {
      drop([batch]);
      return base(url, init);
    }
    const answer = await batch.answer;
    if (answer?.ok) return answer;
    // A failed or refused read ahead: the request itself gets the server's own answer.
    void answer?.body?.cancel().catch(() => undefined);
    return base(url, init);
  };

  const fetch: Fetch = async (url, init = {}) => {
    if (!running) return base(url, init);
    const where = new URL(typeof url === 'string' ? url : url.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = where.pathname;
    if (method === 'GET' && path.endsWith('/_changes') && !where.searchParams.has('feed')) {
      const res = await base(url, init);
      if (res.ok) void plan(res.clone(), where, init).catch(() => undefined);
      return res;
    }
    // Exactly what the replication asks (createBulkGetOpts): anything else goes as asked.
    const asPulled = path.endsWith('/_bulk_get') && where.search === BULK_GET_QUERY;
    const docs = method === 'POST' && asPulled ? requested(init.body) : null;
    return docs ? take(url, init, docs) : base(url, init);
  };

  return {
    fetch,
    start() {
      running += 1;
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        running -= 1;
        if (running) return;
        drop(batches);
        batches = [];
        late.clear();
      };
    },
  };
}
