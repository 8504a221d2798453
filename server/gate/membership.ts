// Whether a caller may use a database, decided here from the database's `_security` (read as
// the server admin, remembered for a few seconds) before any request reaches it: the embedded
// server does not enforce `_security` on every route, so the gate never relies on it.
import { TtlCache } from './cache.ts';
import { isServerAdmin, type UserCtx } from './identity.ts';
import { LIMITS } from './limits.ts';

interface Principals {
  names?: unknown;
  roles?: unknown;
}
interface Security {
  admins?: Principals;
  members?: Principals;
}

/** What a caller is to one database. `missing`: the database does not exist. */
export type Standing = 'server-admin' | 'db-admin' | 'member' | 'outsider' | 'missing';

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function within(p: Principals | undefined, ctx: UserCtx): boolean {
  if (ctx.name === null) return false;
  return list(p?.names).includes(ctx.name) || list(p?.roles).some((r) => ctx.roles.includes(r));
}

export function createMembership(couchUrl: string, admin: { name: string; password: string }) {
  const cache = new TtlCache<Security | null>(LIMITS.securityTtlMs, LIMITS.cacheEntries);
  const auth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');

  async function load(db: string): Promise<Security | null> {
    const res = await fetch(`${couchUrl}/${encodeURIComponent(db)}/_security`, {
      headers: { authorization: auth, accept: 'application/json' },
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`GET ${db}/_security answered ${res.status}`);
    return (await res.json()) as Security;
  }

  return {
    async standing(db: string, ctx: UserCtx): Promise<Standing> {
      if (isServerAdmin(ctx)) return 'server-admin';
      const sec = await cache.get(db, () => load(db));
      if (sec === null) return 'missing';
      if (within(sec.admins, ctx)) return 'db-admin';
      // CouchDB makes a database without members public; Fieldbook never creates one, so the
      // gate does not follow it there: no members named means members of nothing.
      if (within(sec.members, ctx)) return 'member';
      return 'outsider';
    },
    /** Forget what is known (after provisioning changed a `_security`). */
    forget: () => cache.clear(),
  };
}
