// /api/users: account administration for the commune's admins. The caller proves who they are
// with their own CouchDB session (cookie or basic auth); the server then writes _users with
// its admin connection, which browsers never get.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { couchRolesFor, primaryRole, scopedRole, type Role } from '../../src/lib/domain/roles.ts';
import { newUserSchema, userChangeSchema, type UserSummary } from '../../src/lib/domain/user.ts';
import { isStatus, type Couch } from '../provision/couch.ts';

const MAX_JSON = 64 * 1024;

interface UserDoc {
  _id: string;
  _rev?: string;
  name: string;
  type: 'user';
  roles: string[];
  password?: string;
  fieldbook?: {
    fullName: string;
    position: string | null;
    role?: Role;
    commune?: string;
    disabled?: boolean;
  };
  [k: string]: unknown;
}

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

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

function summary(doc: UserDoc, commune: string): UserSummary {
  return {
    name: doc.name,
    fullName: doc.fieldbook?.fullName ?? doc.name,
    role: doc.fieldbook?.role ?? primaryRole(doc, commune),
    position: doc.fieldbook?.position ?? null,
    disabled: doc.fieldbook?.disabled ?? false,
  };
}

/** The caller's CouchDB identity, asked of CouchDB itself with the caller's credentials. */
async function caller(req: IncomingMessage, couchUrl: string) {
  const headers: Record<string, string> = {};
  if (req.headers.cookie) headers.cookie = req.headers.cookie;
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const res = await fetch(`${couchUrl}/_session`, { headers });
  if (!res.ok) return null;
  const body = (await res.json()) as { userCtx?: { name: string | null; roles: string[] } };
  return body.userCtx?.name ? body.userCtx : null;
}

export function createUsersApi(opts: { couch: Couch; couchUrl: string; commune: string }) {
  const { couch, couchUrl, commune } = opts;
  const users = couch.use<UserDoc>('_users');
  const idOf = (name: string) => `org.couchdb.user:${name}`;

  async function load(name: string): Promise<UserDoc | null> {
    try {
      return await users.get(idOf(name));
    } catch (err) {
      if (isStatus(err, 404)) return null;
      throw err;
    }
  }

  const belongsHere = (doc: UserDoc) =>
    doc.fieldbook?.commune === commune || doc.roles.includes(scopedRole('member', commune));

  async function list(): Promise<UserSummary[]> {
    const res = await users.list({ include_docs: true });
    return res.rows
      .map((r) => r.doc as UserDoc | undefined)
      .filter((d): d is UserDoc => !!d && d.type === 'user' && d.fieldbook !== undefined)
      .filter(belongsHere)
      .map((d) => summary(d, commune))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function create(body: unknown): Promise<UserSummary> {
    const parsed = newUserSchema.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const u = parsed.data;
    if (await load(u.name)) throw new HttpError(409, `Tên đăng nhập "${u.name}" đã có.`);
    const doc: UserDoc = {
      _id: idOf(u.name),
      name: u.name,
      type: 'user',
      roles: couchRolesFor(u.role, commune, u.position),
      password: u.password,
      fieldbook: { fullName: u.fullName, position: u.position ?? null, role: u.role, commune },
    };
    await users.insert(doc);
    return summary(doc, commune);
  }

  async function change(name: string, body: unknown, serverAdmin: boolean): Promise<UserSummary> {
    const parsed = userChangeSchema.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const doc = await load(name);
    // A commune's admin manages that commune's accounts only; the server admin (npm run user)
    // may also give an account of another commune a role here (a reviewer over several).
    if (!doc || !doc.fieldbook || (!serverAdmin && !belongsHere(doc))) {
      throw new HttpError(404, `Không có tài khoản "${name}".`);
    }
    const c = parsed.data;
    const role = c.role ?? doc.fieldbook.role ?? primaryRole(doc, commune);
    if (!role) throw new HttpError(400, 'Tài khoản chưa có vai trò; hãy chọn vai trò.');
    const position = c.position === undefined ? doc.fieldbook.position : c.position;
    const disabled = c.disabled ?? doc.fieldbook.disabled ?? false;
    const next: UserDoc = {
      ...doc,
      roles: [
        // A reviewer over several communes keeps what other communes' admins gave them.
        ...doc.roles.filter((r) => r.includes('@') && !r.endsWith(`@${commune}`)),
        ...(disabled ? [] : couchRolesFor(role, commune, (position ?? undefined) as never)),
      ],
      fieldbook: {
        fullName: c.fullName ?? doc.fieldbook.fullName,
        position,
        role,
        commune,
        disabled,
      },
    };
    if (c.password) next.password = c.password;
    await users.insert(next);
    return summary(next, commune);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const who = await caller(req, couchUrl);
      if (!who) throw new HttpError(401, 'Cần đăng nhập.');
      const serverAdmin = who.roles.includes('_admin');
      const allowed = serverAdmin || who.roles.includes(scopedRole('admin', commune));
      if (!allowed) throw new HttpError(403, 'Chỉ quản trị viên của xã được quản lý tài khoản.');
      const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
      const name = decodeName(path.slice('/api/users/'.length));
      if (path === '/api/users' && req.method === 'GET') return send(res, 200, await list());
      if (path === '/api/users' && req.method === 'POST') {
        return send(res, 201, await create(await readJson(req)));
      }
      if (path.startsWith('/api/users/') && req.method === 'PUT') {
        return send(res, 200, await change(name, await readJson(req), serverAdmin));
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

function invalid(issues: { path: PropertyKey[]; message: string }[]) {
  const fields = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new HttpError(400, 'Thông tin tài khoản chưa hợp lệ.', fields);
}
