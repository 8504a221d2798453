// The gate's decision for one /db request, before anything reaches the database: which
// allow-list entry lets it through and for whom, or a refusal in CouchDB's shape.
import type { IncomingMessage } from 'node:http';
import { entriesFor, type Entry } from './allow-list.ts';
import { createIdentity, isRefused, isServerAdmin, ANONYMOUS, type UserCtx } from './identity.ts';
import { createMembership, type Standing } from './membership.ts';
import { BadQuery, parseQuery, queryRefusal, type Params } from './query.ts';
import { BadPath, parseRoute, type Route } from './route.ts';
import { refuse, type Refusal } from './refusal.ts';
import { embeddedQuirk } from './embedded-quirks.ts';

export interface Decision {
  entry: Entry;
  route: Route;
  caller: UserCtx;
  params: Params;
}

export interface GateContext {
  couchUrl: string;
  admin: { name: string; password: string };
  /** The database behind is the embedded server (see embedded-quirks.ts). */
  embedded?: boolean;
}

export function createGate(ctx: GateContext) {
  const identify = createIdentity(ctx.couchUrl);
  const membership = createMembership(ctx.couchUrl, ctx.admin);

  async function decide(req: IncomingMessage, rest: string): Promise<Decision | Refusal> {
    const method = req.method ?? 'GET';
    const q = rest.indexOf('?');
    const [rawPath, rawQuery] = q < 0 ? [rest, ''] : [rest.slice(0, q), rest.slice(q + 1)];
    let route: Route;
    try {
      route = parseRoute(rawPath);
    } catch (err) {
      if (err instanceof BadPath) return refuse(400, 'bad_request', err.message);
      throw err;
    }
    const forPath = entriesFor(route.pattern);
    if (forPath.length === 0) {
      return refuse(404, 'not_found', 'not available through this server');
    }
    const candidates = forPath.filter(
      (e) => e.methods.includes(method) && (e.match?.(route) ?? true),
    );
    if (!forPath.some((e) => e.methods.includes(method))) {
      return refuse(405, 'method_not_allowed', `${method} is not allowed here`);
    }

    let caller: UserCtx = ANONYMOUS;
    if (candidates.some((e) => e.who !== 'anyone')) {
      const who = await identify(req.headers);
      if (isRefused(who)) {
        return refuse(who.refused, who.refused === 401 ? 'unauthorized' : 'forbidden', who.reason);
      }
      caller = who;
    }
    let standing: Standing | null = null;
    if (route.db && candidates.some((e) => e.who === 'member') && !isServerAdmin(caller)) {
      standing =
        route.pattern.startsWith('/{sysdb}') || caller.name === null
          ? 'outsider'
          : await membership.standing(route.db, caller);
    }
    const fits = (e: Entry) =>
      e.who === 'anyone' ||
      isServerAdmin(caller) ||
      (e.who === 'member' && (standing === 'member' || standing === 'db-admin'));
    // A server admin takes the server-admin entries, without the members' query and body
    // rules (provisioning and PouchDB's own suites use the whole API).
    const entry =
      (isServerAdmin(caller) ? candidates.find((e) => e.who === 'server-admin') : undefined) ??
      candidates.find(fits);
    if (!entry) {
      if (caller.name === null) {
        return refuse(401, 'unauthorized', 'You are not authorized to access this db.');
      }
      if (standing === 'missing') return refuse(404, 'not_found', 'Database does not exist.');
      if (standing === 'outsider') {
        return refuse(403, 'forbidden', 'You are not allowed to access this db.');
      }
      return refuse(403, 'forbidden', 'only the server administrator may do this');
    }

    // Members are held to the allow-list's own rules; the server admin's whole-API entries
    // still must not reach the embedded server's known bugs.
    const quirk =
      ctx.embedded && entry.who === 'server-admin' ? embeddedQuirk(method, route, rawQuery) : null;
    if (quirk) return refuse(400, 'bad_request', quirk);

    let params: Params = new Map();
    if (entry.query !== 'any') {
      try {
        params = parseQuery(rawQuery);
      } catch (err) {
        if (err instanceof BadQuery) return refuse(400, 'bad_request', err.message);
        throw err;
      }
      const why = queryRefusal(params, entry.query) ?? entry.when?.(route, params) ?? null;
      if (why) return refuse(400, 'bad_request', why);
    }
    return { entry, route, caller, params };
  }

  return { decide, forgetSecurity: membership.forget };
}
