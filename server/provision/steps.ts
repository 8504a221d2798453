// Provisioning as named steps that are safe to re-run: each looks before it writes and
// reports whether it created, updated or left something unchanged.
import { dbNames } from '../../src/lib/domain/constants.ts';
import { POLICE_READERS } from '../../src/lib/domain/permissions.ts';
import { scopedRole } from '../../src/lib/domain/roles.ts';
import { buildDesignDoc, type DesignDoc } from '../design/build.ts';
import { canonical } from './canonical.ts';
import { isStatus, type Couch } from './couch.ts';
import { ensurePlan, shippedPlans } from './plan-step.ts';
import { ensureUser, type UserSpec } from './users.ts';

export { ensurePlan, shippedPlans, PLAN_LEDGER_ID } from './plan-step.ts';
export { ensureUser } from './users.ts';

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
      members: { names: [], roles: POLICE_READERS.map((r) => scopedRole(r, commune)) },
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
  // After the design documents: their validator must know the plan's document types.
  for (const data of shippedPlans().filter((d) => d.plan.commune === opts.commune)) {
    await run(`plan ${data.plan._id}`, () => ensurePlan(couch, names.log, opts.commune, data));
  }
  for (const user of opts.users) await run(`user ${user.name}`, () => ensureUser(couch, user));
  return results;
}
