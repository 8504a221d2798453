// Accounts: the demo accounts of the embedded default, and the shape every account takes.
import { couchRolesFor, type Position, type Role } from '../../src/lib/domain/roles.ts';
import { canonical } from './canonical.ts';
import { isStatus, type Couch } from './couch.ts';
import type { Outcome } from './steps.ts';

export interface UserSpec {
  name: string;
  password: string;
  fullName: string;
  role: Role;
  commune: string;
  position?: Position;
}

/** Printed by `npm start` and in the README. Turned off with FIELDBOOK_DEMO_USERS=0. */
export function demoUsers(commune: string): UserSpec[] {
  return [
    {
      name: 'canbo',
      password: 'canbo123',
      fullName: 'Nguyễn Văn Cán Bộ',
      role: 'officer',
      position: 'land',
      commune,
    },
    {
      name: 'congan',
      password: 'congan123',
      fullName: 'Lý Văn Công An',
      role: 'police',
      position: 'police',
      commune,
    },
    {
      name: 'quantri',
      password: 'quantri123',
      fullName: 'Quản trị viên xã',
      role: 'admin',
      commune,
    },
    {
      name: 'chutich',
      password: 'chutich123',
      fullName: 'Hoàng Văn Huân',
      role: 'chair',
      position: 'chair',
      commune,
    },
  ];
}

/** Provisioning step: one account, created or brought in line with its spec. */
export async function ensureUser(couch: Couch, user: UserSpec): Promise<Outcome> {
  const users = couch.use<Record<string, unknown>>('_users');
  const id = `org.couchdb.user:${user.name}`;
  const roles = couchRolesFor(user.role, user.commune, user.position);
  let current: Record<string, unknown> | null = null;
  try {
    current = await users.get(id);
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
  }
  const profile = {
    fullName: user.fullName,
    position: user.position ?? null,
    role: user.role,
    commune: user.commune,
  };
  if (current) {
    const same =
      canonical(current.roles) === canonical(roles) &&
      canonical(current.fieldbook) === canonical(profile);
    if (same) return 'unchanged';
    // Roles and profile follow the spec; the password stays whatever the user set.
    await users.insert({ ...current, roles, fieldbook: profile });
    return 'updated';
  }
  await users.insert({
    _id: id,
    name: user.name,
    type: 'user',
    roles,
    password: user.password,
    fieldbook: profile,
  });
  return 'created';
}
