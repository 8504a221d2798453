// Who is calling the app's own APIs: their CouchDB identity, asked of CouchDB itself with the
// caller's cookie or credentials (never taken from the request's word).
import type { IncomingMessage } from 'node:http';

export async function caller(req: IncomingMessage, couchUrl: string) {
  const headers: Record<string, string> = {};
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const res = await fetch(`${couchUrl}/_session`, { headers });
  if (!res.ok) return null;
  const body = (await res.json()) as { userCtx?: { name: string | null; roles: string[] } };
  return body.userCtx?.name ? body.userCtx : null;
}
