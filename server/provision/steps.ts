// Provisioning as named steps that are safe to re-run: each looks before it writes and
// reports whether it created, updated or left something unchanged.
import { dbNames } from '../../src/lib/domain/constants.ts';
import { couchRolesFor, scopedRole } from '../../src/lib/domain/roles.ts';
import { buildDesignDoc, type DesignDoc } from '../design/build.ts';
import { canonical } from './canonical.ts';
import { isStatus, type Couch } from './couch.ts';
import type { UserSpec } from './users.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';
export interface StepResult {
  step: string;
  outcome: Outcome;
}

export async function ensureDatabase(couch: Couch, name: string): Promise<Outcome> {
  try {
    await couch.db.get(name);
    return 'unchanged';
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
  }
  try {
    await couch.db.create(name);
    return 'created';
  } catch (err) {
    // Another node of a cluster (or a parallel run) created it first.
    if (isStatus(err, 412)) return 'unchanged';
    throw err;
  }
}

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export function securityFor(commune: string) {
  const names = dbNames(commune);
  const admins = { names: [], roles: ['_admin'] };
  return {
    [names.log]: {
      admins,
      members: { names: [], roles: [scopedRole('member', commune)] },
    },
    [names.police]: {
      admins,
      members: { names: [], roles: [scopedRole('police', commune), scopedRole('chair', commune)] },
    },
  } satisfies Record<string, SecurityObject>;
}

export async function ensureSecurity(
  couch: Couch,
  db: string,
  sec: SecurityObject,
): Promise<Outcome> {
  const current = (await couch.request({ db, path: '_security' })) as Partial<SecurityObject>;
  if (canonical(normalizeSec(current)) === canonical(normalizeSec(sec))) return 'unchanged';
  await couch.request({ db, path: '_security', method: 'PUT', body: sec });
  return current.members || current.admins ? 'updated' : 'created';
}

function normalizeSec(s: Partial<SecurityObject>) {
  const part = (p?: { names?: string[]; roles?: string[] }) => ({
    names: [...(p?.names ?? [])].sort(),
    roles: [...(p?.roles ?? [])].sort(),
  });
  return { admins: part(s.admins), members: part(s.members) };
}

export async function ensureDesignDoc(couch: Couch, db: string, ddoc: DesignDoc): Promise<Outcome> {
  const scope = couch.use<DesignDoc>(db);
  let current: DesignDoc | null = null;
  try {
    current = await scope.get(ddoc._id);
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
  }
  if (current) {
    const { _rev, ...rest } = current as DesignDoc & Record<string, unknown>;
    if (canonical(rest) === canonical(ddoc)) return 'unchanged';
    await scope.insert({ ...ddoc, _rev });
    return 'updated';
  }
  await scope.insert(ddoc);
  return 'created';
}

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
  const profile = { fullName: user.fullName, position: user.position ?? null };
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

export interface ProvisionOptions {
  commune: string;
  users: UserSpec[];
}

export async function provision(couch: Couch, opts: ProvisionOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const run = async (step: string, fn: () => Promise<Outcome>) => {
    results.push({ step, outcome: await fn() });
  };
  // CouchDB 3 does not create its system databases on a fresh single node.
  for (const sys of ['_users', '_replicator']) {
    await run(`database ${sys}`, () => ensureDatabase(couch, sys));
  }
  const names = dbNames(opts.commune);
  const security = securityFor(opts.commune);
  for (const [dbRole, db] of [
    ['log', names.log],
    ['police', names.police],
  ] as const) {
    await run(`database ${db}`, () => ensureDatabase(couch, db));
    await run(`security ${db}`, () => ensureSecurity(couch, db, security[db]));
    await run(`design ${db}`, () =>
      ensureDesignDoc(couch, db, buildDesignDoc(opts.commune, dbRole)),
    );
  }
  for (const user of opts.users) await run(`user ${user.name}`, () => ensureUser(couch, user));
  return results;
}
