// /api/users: account administration for the commune's admins. The caller proves who they are
// with their own CouchDB session (cookie or basic auth); the server then writes _users with
// its admin connection, which browsers never get. The rules are in user-admin.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mayManageAccounts } from '../../src/lib/domain/policy/index.ts';
import type { Couch } from '../provision/couch.ts';
import { createUserAdmin, HttpError } from './user-admin.ts';
import { caller } from './caller.ts';

const MAX_JSON = 64 * 1024;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  req.setEncoding('utf8');
  let text = '';
  for await (const chunk of req) {
    text += chunk as string;
    if (text.length > MAX_JSON) throw new HttpError(413, 'Dữ liệu gửi lên quá lớn.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
}

export function createUsersApi(opts: { couch: Couch; couchUrl: string; commune: string }) {
  const { couchUrl, commune } = opts;
  const { list, create, change } = createUserAdmin(opts);

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const who = await caller(req, couchUrl);
      if (!who) throw new HttpError(401, 'Cần đăng nhập.');
      const serverAdmin = who.roles.includes('_admin');
      const allowed = serverAdmin || mayManageAccounts({ ...who, commune });
      if (!allowed) throw new HttpError(403, 'Chỉ quản trị viên của xã được quản lý tài khoản.');
      const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
      const name = decodeName(path.slice('/api/users/'.length));
      if (path === '/api/users' && req.method === 'GET') return send(res, 200, await list());
      if (path === '/api/users' && req.method === 'POST') {
        return send(res, 201, await create(await readJson(req)));
      }
      if (path.startsWith('/api/users/') && req.method === 'PUT') {
        return send(
          res,
          200,
          await change(name, await readJson(req), { name: who.name, serverAdmin }),
        );
      }
      throw new HttpError(404, 'Không có chức năng này.');
    } catch (err) {
      if (err instanceof HttpError) {
        return send(res, err.status, { error: err.message, fields: err.fields ?? [] });
      }
      console.error('[api/users]', err);
      send(res, 500, { error: 'Lỗi máy chủ khi quản lý tài khoản.' });
    }
  };
}

/** An account name from the path; a malformed percent-encoding is the caller's error. */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'Tên tài khoản trong địa chỉ không hợp lệ.');
  }
}
