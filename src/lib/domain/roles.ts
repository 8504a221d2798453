// Roles, positions and what each role may write. CouchDB only knows a user's role names, so a
// user's roles carry both the role and its commune (`officer@hong-phong`); the server's
// validate_doc_update and the databases' _security read these same names.
import { z } from 'zod';

export const ROLES = [
  'officer',
  'police',
  'hamletHead',
  'chair',
  'viceChair',
  'reviewer',
  'admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Positions of commune officials (the plan's "Bộ phận chủ trì tham mưu"). */
export const POSITIONS = [
  'office',
  'justice',
  'finance',
  'culture',
  'land',
  'police',
  'front',
  'digitalTeam',
  'inspectionBoard',
  'hamletHead',
  'chair',
  'viceChair',
] as const;
export const positionSchema = z.enum(POSITIONS);
export type Position = z.infer<typeof positionSchema>;

export const scopedRole = (role: Role | 'member', commune: string) => `${role}@${commune}`;
export const positionRole = (position: Position) => `position:${position}`;
/** Carried by a locked account instead of its roles: opens nothing, lets the app say why. */
export const lockedRole = (commune: string) => `locked@${commune}`;

/** Every role name a user of `role` in `commune` gets in CouchDB's _users. */
export function couchRolesFor(role: Role, commune: string, position?: Position): string[] {
  const roles = [role, scopedRole(role, commune), scopedRole('member', commune)];
  if (position) roles.push(positionRole(position));
  return roles;
}

// Who may do what is not here: it is the policy table (./policy). This file names roles.

export interface SessionUser {
  name?: string | null;
  roles: readonly string[];
}

/** The first Fieldbook role a session carries for this commune, for display and defaults. */
export function primaryRole(user: SessionUser, commune: string): Role | null {
  return ROLES.find((r) => user.roles.includes(scopedRole(r, commune))) ?? null;
}

/** The position a session carries (`position:<key>`), if any. */
export function positionOf(user: SessionUser): Position | null {
  for (const r of user.roles) {
    if (!r.startsWith('position:')) continue;
    const parsed = positionSchema.safeParse(r.slice('position:'.length));
    if (parsed.success) return parsed.data;
  }
  return null;
}
