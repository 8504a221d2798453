// The path of a /db request, read the way CouchDB reads it: each segment percent-decoded on its
// own (so `_design%2Fx` names the design document `_design/x`, and `%5Fusers` is `_users`), then
// classified into one of a fixed set of route patterns that the allow-list names.
export interface Route {
  /** e.g. `/`, `/_session`, `/{db}`, `/{db}/_changes`, `/{db}/{doc}`, `/{db}/{ddoc}/_view`. */
  pattern: string;
  /** The database, decoded (for `{db}` and `{sysdb}` patterns). */
  db?: string;
  /** The document id, decoded (`_design/x`, `_local/x` or a plain id). */
  docId?: string;
}

export class BadPath extends Error {}

/** CouchDB's rule for database names. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
/** Databases whose names start with `_`; every other `_name` is a server endpoint. */
export const SYSTEM_DBS = new Set(['_users', '_replicator', '_global_changes']);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BadPath('malformed percent-encoding in the path');
  }
}

/** `rawPath` is the path after `/db`, without the query string. */
export function parseRoute(rawPath: string): Route {
  const raw = rawPath.split('/').slice(1);
  // `/db/name/` (PouchDB's database URL) is `/db/name`; no other empty segment is meaningful.
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  if (raw.length === 1 && raw[0] === '') return { pattern: '/' };
  if (raw.some((s) => s === '')) throw new BadPath('empty path segment');
  const s = raw.map(decode);
  if (s.some((x) => x === '.' || x === '..')) throw new BadPath('relative path segment');

  const [first, ...rest] = s;
  if (first.startsWith('_') && !SYSTEM_DBS.has(first)) {
    return { pattern: rest.length ? `/${first}/*` : `/${first}` };
  }
  if (!SYSTEM_DBS.has(first) && !DB_NAME.test(first)) throw new BadPath('illegal database name');
  const db = first;
  const dbp = SYSTEM_DBS.has(first) ? '/{sysdb}' : '/{db}';
  if (rest.length === 0) return { pattern: dbp, db };

  const [second, ...tail] = rest;
  for (const prefix of ['_design', '_local'] as const) {
    let id: string | null = null;
    let after: string[] = [];
    if (second === prefix && tail.length > 0) [id, after] = [`${prefix}/${tail[0]}`, tail.slice(1)];
    else if (second.startsWith(prefix + '/')) [id, after] = [second, tail];
    if (id === null) continue;
    if (id === `${prefix}/`) throw new BadPath('empty document id');
    const kind = prefix === '_design' ? '{ddoc}' : '{local}';
    if (after.length === 0) return { pattern: `${dbp}/${kind}`, db, docId: id };
    // `_design/x/_view/…`, `_show`, `_update`…: functions of the design document.
    if (prefix === '_design' && after[0].startsWith('_')) {
      return { pattern: `${dbp}/${kind}/${after[0]}`, db, docId: id };
    }
    return { pattern: `${dbp}/${kind}/{att}`, db, docId: id };
  }
  if (second.startsWith('_')) {
    return { pattern: tail.length ? `${dbp}/${second}/*` : `${dbp}/${second}`, db };
  }
  if (tail.length === 0) return { pattern: `${dbp}/{doc}`, db, docId: second };
  return { pattern: `${dbp}/{doc}/{att}`, db, docId: second };
}
