// Accounts: the demo accounts of the embedded default, and the shape every account takes.
import type { Position, Role } from '../../src/lib/domain/roles.ts';

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
