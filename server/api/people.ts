// /api/people: the commune's people as records name them — full name, role, position — for any
// signed-in member, so the app shows "Nguyễn Văn Cán Bộ (Công chức)" and never a username or a
// role code. Read with the server's admin connection; only names and titles leave, never
// passwords, locks or other communes' accounts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { primaryRole, scopedRole } from '../../src/lib/domain/roles.ts';
import type { Couch } from '../provision/couch.ts';
import { caller } from './caller.ts';

export interface PersonSummary {
  name: string;
  fullName: string;
  role: string | null;
  position: string | null;
}

interface UserDoc {
  name: string;
  type: string;
  roles: string[];
  fieldbook?: { fullName?: string; position?: string | null; role?: string; commune?: string };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function createPeopleApi(opts: { couch: Couch; couchUrl: string; commune: string }) {
  const { couch, couchUrl, commune } = opts;
  const member = scopedRole('member', commune);
  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      if (req.method !== 'GET') return send(res, 405, { error: 'Không có chức năng này.' });
      const who = await caller(req, couchUrl);
      if (!who) return send(res, 401, { error: 'Cần đăng nhập.' });
      if (!who.roles.includes(member) && !who.roles.includes('_admin'))
        return send(res, 403, { error: 'Chỉ người của xã được xem danh sách này.' });
      const found = await couch.use<UserDoc>('_users').list({ include_docs: true });
      const people: PersonSummary[] = found.rows
        .map((r) => r.doc as UserDoc | undefined)
        .filter((d): d is UserDoc => !!d && d.type === 'user' && !!d.fieldbook?.fullName)
        .filter((d) => d.fieldbook?.commune === commune || d.roles.includes(member))
        .map((d) => ({
          name: d.name,
          fullName: d.fieldbook!.fullName!,
          role: d.fieldbook?.role ?? primaryRole(d, commune),
          position: d.fieldbook?.position ?? null,
        }));
      send(res, 200, people);
    } catch (err) {
      console.error('[api/people]', err);
      send(res, 500, { error: 'Lỗi máy chủ.' });
    }
  };
}
