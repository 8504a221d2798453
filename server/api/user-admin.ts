// Account administration for one commune, the rules in one place: used by /api/users (for a
// commune admin, with the server's admin connection) and by `npm run user` (as the server admin,
// straight against CouchDB when COUCHDB_URL is set).
import {
  couchRolesFor,
  lockedRole,
  primaryRole,
  scopedRole,
  type Role,
} from '../../src/lib/domain/roles.ts';
import { newUserSchema, userChangeSchema, type UserSummary } from '../../src/lib/domain/user.ts';
import { isStatus, type Couch } from '../provision/couch.ts';

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

/** Who asks: a commune admin (by name) or the server admin. */
export interface Actor {
  name: string | null;
  serverAdmin: boolean;
}

export class HttpError extends Error {
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

export type UserAdmin = ReturnType<typeof createUserAdmin>;

export function createUserAdmin(opts: { couch: Couch; commune: string }) {
  const { couch, commune } = opts;
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
    doc.fieldbook?.commune === commune ||
    doc.roles.includes(scopedRole('member', commune)) ||
    doc.roles.includes(lockedRole(commune));

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

  async function change(name: string, body: unknown, actor: Actor): Promise<UserSummary> {
    const serverAdmin = actor.serverAdmin;
    const parsed = userChangeSchema.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const doc = await load(name);
    // A commune's admin manages that commune's accounts only; the server admin (npm run user)
    // may also give an account of another commune a role here (a reviewer over several).
    if (!doc || !doc.fieldbook || (!serverAdmin && !belongsHere(doc))) {
      throw new HttpError(404, `Không có tài khoản "${name}".`);
    }
    const c = parsed.data;
    // An admin who locks themselves out leaves the commune with nobody to undo it.
    if (c.disabled === true && actor.name === name && !doc.fieldbook.disabled) {
      throw new HttpError(409, 'Bạn không thể tự khóa tài khoản của chính mình.');
    }
    const role = c.role ?? doc.fieldbook.role ?? primaryRole(doc, commune);
    if (!role) throw new HttpError(400, 'Tài khoản chưa có vai trò; hãy chọn vai trò.');
    const position = c.position === undefined ? doc.fieldbook.position : c.position;
    const disabled = c.disabled ?? doc.fieldbook.disabled ?? false;
    const next: UserDoc = {
      ...doc,
      roles: [
        // A reviewer over several communes keeps what other communes' admins gave them.
        ...doc.roles.filter((r) => r.includes('@') && !r.endsWith(`@${commune}`)),
        // Locked: no role that opens a database, only one that lets the app say why.
        ...(disabled
          ? [lockedRole(commune)]
          : couchRolesFor(role, commune, (position ?? undefined) as never)),
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

  return { list, create, change };
}

function invalid(issues: { path: PropertyKey[]; message: string }[]) {
  const fields = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new HttpError(400, 'Thông tin tài khoản chưa hợp lệ.', fields);
}
