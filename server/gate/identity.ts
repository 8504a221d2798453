// Who is calling: asked of the database itself (`GET /_session` with the caller's own cookie
// and Authorization header, exactly as they will be forwarded), remembered briefly under a
// hash of those headers so that a replication's many requests cost one lookup.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { TtlCache } from './cache.ts';
import { LIMITS } from './limits.ts';

export interface UserCtx {
  name: string | null;
  roles: string[];
}

/** Credentials the database refused: wrong (401), or an account locked after failures (403). */
export interface Refused {
  refused: 401 | 403;
  reason: string;
}

/** The caller as the database sees them, or why their credentials were refused. */
export type Caller = UserCtx | Refused;

export const isRefused = (c: Caller): c is Refused => 'refused' in c;

export const ANONYMOUS: UserCtx = { name: null, roles: [] };

export function createIdentity(couchUrl: string) {
  const cache = new TtlCache<Caller>(LIMITS.identityTtlMs, LIMITS.cacheEntries);

  async function ask(cookie: string | undefined, authorization: string | undefined) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (cookie) headers.cookie = cookie;
    if (authorization) headers.authorization = authorization;
    const res = await fetch(`${couchUrl}/_session`, {
      headers,
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 401 || res.status === 403) {
      // CouchDB 3.4 locks an account for a while after repeated failures (403).
      const body = (await res.json().catch(() => ({}))) as { reason?: unknown };
      const fallback = res.status === 401 ? 'Name or password is incorrect.' : 'Access refused.';
      const reason = typeof body.reason === 'string' ? body.reason.slice(0, 200) : fallback;
      return { refused: res.status, reason } satisfies Refused;
    }
    if (!res.ok) throw new Error(`GET /_session answered ${res.status}`);
    const body = (await res.json()) as { userCtx?: Partial<UserCtx> };
    const ctx = body.userCtx ?? {};
    return {
      name: typeof ctx.name === 'string' ? ctx.name : null,
      roles: Array.isArray(ctx.roles) ? ctx.roles.filter((r) => typeof r === 'string') : [],
    };
  }

  return function identify(headers: IncomingHttpHeaders): Promise<Caller> {
    const cookie = headers.cookie;
    const authorization = headers.authorization;
    if (!cookie && !authorization) return Promise.resolve(ANONYMOUS);
    const key = createHash('sha256')
      .update(`${cookie ?? ''}\0${authorization ?? ''}`)
      .digest('base64');
    return cache.get(key, () => ask(cookie, authorization));
  };
}

export const isServerAdmin = (ctx: UserCtx) => ctx.roles.includes('_admin');
