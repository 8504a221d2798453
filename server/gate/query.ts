// Query parameters, read the way the database behind the gate would read them, so that the
// gate's decision and the database's agree. CouchDB (mochiweb) splits on `&`, decodes `+` and
// `%XX`, and takes the first of repeated keys; the embedded server (express, `qs`) turns
// repeated keys and `key[]`/`key[0]` into arrays and `a[b]` into objects. Anything on which
// the two could disagree — a repeated key, brackets, a `;`, a key in another case — is refused
// rather than guessed at.
import { LIMITS } from './limits.ts';

export type Params = Map<string, string>;

export class BadQuery extends Error {}

export function parseQuery(raw: string): Params {
  const params: Params = new Map();
  if (raw === '') return params;
  if (raw.length > LIMITS.maxQueryChars) throw new BadQuery('query string too long');
  if (raw.includes(';')) throw new BadQuery('`;` is not accepted in the query string');
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const key = decodePart(k);
    const value = decodePart(v);
    if (!/^[a-z_]+$/.test(key))
      throw new BadQuery(`query parameter "${clip(key)}" is not accepted`);
    if (params.has(key)) throw new BadQuery(`query parameter "${key}" is given twice`);
    params.set(key, value);
  }
  return params;
}

function decodePart(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new BadQuery('malformed percent-encoding in the query string');
  }
}

const clip = (s: string) => (s.length > 40 ? s.slice(0, 40) + '…' : s);

/** A check of one parameter's value: true when acceptable. */
export type ValueCheck = (value: string) => boolean;

const intUpTo =
  (max: number, min = 0): ValueCheck =>
  (v) =>
    /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max;

export const is = {
  bool: (v: string) => v === 'true' || v === 'false',
  intUpTo,
  oneOf:
    (...values: string[]): ValueCheck =>
    (v) =>
      values.includes(v),
  /** A sequence as CouchDB 3 (`12-g1AA…`) or the embedded server (`12`) gives it, or `now`. */
  seq: (v: string) => v === 'now' || /^\d{1,15}(-[A-Za-z0-9_-]{1,4000})?$/.test(v),
  /** A revision id: `N-hex` (CouchDB) or `N-anything url-safe` (PouchDB). */
  rev: (v: string) => /^\d{1,9}-[A-Za-z0-9]{1,64}$/.test(v),
  /** JSON of the given shape, bounded. */
  json:
    (ok: (parsed: unknown) => boolean): ValueCheck =>
    (v) => {
      if (v.length > LIMITS.maxQueryChars) return false;
      try {
        return ok(JSON.parse(v));
      } catch {
        return false;
      }
    },
  any: () => true,
};

/** A JSON array of at most `max` strings. */
export const stringArray = (max: number) => (x: unknown) =>
  Array.isArray(x) && x.length <= max && x.every((s) => typeof s === 'string' && s.length < 1024);
/** A JSON string, number, or array of them (view keys). */
export const jsonKey = (x: unknown) =>
  typeof x === 'string' ||
  typeof x === 'number' ||
  (Array.isArray(x) && x.length <= 16 && x.every((e) => typeof e !== 'object' || e === null));

/** Which parameters a route accepts, with a check for each value. */
export type QueryRule = Record<string, ValueCheck>;

/** Why `params` does not fit `rule`, or null when it does. */
export function queryRefusal(params: Params, rule: QueryRule | 'any'): string | null {
  if (rule === 'any') return null;
  for (const [key, value] of params) {
    const check = rule[key];
    if (!check) return `query parameter "${key}" is not accepted here`;
    if (!check(value)) return `query parameter "${key}" has a value not accepted here`;
  }
  return null;
}
