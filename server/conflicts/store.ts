// The database reads and writes a conflict's resolution needs, as the CouchDB server admin
// (plain HTTP, so the embedded server and a real CouchDB take the same requests): the record's
// current leaves, a past revision, the resolver's account, and the server's own writes.
type Loose = Record<string, unknown>;

export class StoreError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createStore(couchUrl: string, admin: { name: string; password: string }) {
  const auth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');
  const base = couchUrl.replace(/\/+$/, '');
  const doc = (db: string, id: string) =>
    `${base}/${encodeURIComponent(db)}/${encodeURIComponent(id)}`;

  async function call(method: string, url: string, body?: unknown): Promise<unknown> {
    const res = await fetch(url, {
      method,
      headers: {
        authorization: auth,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json().catch(() => null)) as unknown;
    if (!res.ok)
      throw new StoreError(res.status, `${method} ${url.slice(base.length)}: ${res.status}`);
    return json;
  }

  const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
    try {
      return await p;
    } catch (err) {
      if (err instanceof StoreError && err.status === 404) return null;
      throw err;
    }
  };

  return {
    /** A document, or null when missing or deleted. */
    get: (db: string, id: string) => orNull(call('GET', doc(db, id)) as Promise<Loose>),

    /** The record at revision `rev` (kept until compaction), or null. */
    getRev: (db: string, id: string, rev: string) =>
      orNull(call('GET', `${doc(db, id)}?rev=${encodeURIComponent(rev)}`) as Promise<Loose>),

    /** The record's current leaves that are not deleted, each with its `_revisions`. */
    async leaves(db: string, id: string): Promise<Loose[]> {
      const rows =
        (await orNull(
          call('GET', `${doc(db, id)}?open_revs=all&revs=true`) as Promise<{ ok?: Loose }[]>,
        )) ?? [];
      return rows.flatMap((r) => (r.ok && !r.ok._deleted ? [r.ok] : []));
    },

    /** The CouchDB roles of account `name` now ([] when it is gone). */
    async rolesOf(name: string): Promise<string[]> {
      const user = await orNull(call('GET', doc('_users', `org.couchdb.user:${name}`)));
      const roles = (user as { roles?: unknown } | null)?.roles;
      return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
    },

    /** Writes a document; its new revision. */
    async put(db: string, body: Loose & { _id: string }): Promise<string> {
      const res = (await call('PUT', doc(db, body._id), body)) as { rev: string };
      return res.rev;
    },

    /** Ids in [start, end] (no documents). */
    async idsBetween(db: string, start: string, end: string): Promise<string[]> {
      const q = `startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(end))}`;
      const res = (await orNull(
        call('GET', `${base}/${encodeURIComponent(db)}/_all_docs?${q}`),
      )) as {
        rows?: { id: string }[];
      } | null;
      return (res?.rows ?? []).map((r) => r.id);
    },
  };
}

export type Store = ReturnType<typeof createStore>;
