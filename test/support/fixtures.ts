// Fixtures built through the domain factories and schemas, so they break when schemas change.
import {
  emptyInput,
  newFieldCheck,
  type Author,
} from '../../src/lib/domain/field-check-factory.ts';
import {
  fieldCheckSchema,
  type FieldCheck,
  type FieldCheckKind,
} from '../../src/lib/domain/field-check.ts';

import { demoUsers } from '../../server/provision/users.ts';

/** The demo accounts, as the server provisions them: one source for every test. */
const demo = (name: string) => {
  const user = demoUsers('hong-phong').find((u) => u.name === name);
  if (!user) throw new Error(`no demo account ${name}`);
  return { name: user.name, password: user.password };
};
export const OFFICER = demo('canbo');
export const CHAIR = demo('chutich');
export const POLICE = demo('congan');
export const ADMIN = demo('quantri');
export const officerAuthor: Author = { name: 'canbo', role: 'officer', commune: 'hong-phong' };

export function makeCheck(
  n: number,
  author: Author = officerAuthor,
  kind: FieldCheckKind = 'environment',
  at = new Date(Date.UTC(2026, 0, 1) + n * 60_000),
): FieldCheck {
  const input = emptyInput(kind, at);
  input.hamlet = `Thôn ${n % 12}`;
  input.findings = `Kiểm tra lần ${n}: rác được thu gom đúng lịch.`;
  input.planItems = ['2.3.7'];
  return fieldCheckSchema.parse(newFieldCheck(input, author, at));
}

export const basicAuth = (who: { name: string; password: string }) =>
  'Basic ' + Buffer.from(`${who.name}:${who.password}`).toString('base64');
