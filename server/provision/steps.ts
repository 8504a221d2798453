// Provisioning as named steps that are safe to re-run: each looks before it writes and
// reports whether it created, updated or left something unchanged.
import { dbNames } from '../../src/lib/domain/constants.ts';
import { POLICE_READERS } from '../../src/lib/domain/permissions.ts';
import type { PlanData } from '../../src/lib/domain/plan-data/index.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
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

/** Where ensurePlan remembers the revision it last wrote of each plan document. */
export const PLAN_LEDGER_ID = '_local/fieldbook-plan-provisioned';

interface PlanLedger {
  _rev?: string;
  /** Document id → the revision provisioning wrote. */
  revs: Record<string, string>;
}

/** The plans shipped with the app (src/lib/domain/plan-data). */
export function shippedPlans(): PlanData[] {
  return [loadPlan2023()];
}

/**
 * Loads a shipped plan and its items into `db`, the commune's log database, if `data` belongs
 * to `commune` (another commune gets nothing).
 *
 * Never overwrites an admin's edit. An admin edits plan items in the app (they replicate up to
 * here), so provisioning keeps a ledger in a `_local` document (not replicated, not validated)
 * of the revision it wrote last of each document. A document is
 * - created when it does not exist at all;
 * - left alone when it already equals the shipped data (and its revision is noted);
 * - updated to the shipped data only when its current revision is still the one provisioning
 *   wrote, i.e. nobody has changed it since (this is how a corrected seed reaches the server);
 * - otherwise left alone: someone edited or deleted it. A document that exists but is not in the
 *   ledger and differs from the shipped data counts as edited, so the safe side always wins.
 * Comparing revisions rather than content hashes also catches an edit that happens to restore
 * the shipped text; and the schemas stay free of provisioning bookkeeping.
 */
export async function ensurePlan(
  couch: Couch,
  db: string,
  commune: string,
  data: PlanData,
): Promise<Outcome> {
  if (data.plan.commune !== commune) return 'unchanged';
  const docs: Record<string, unknown>[] = [data.plan, ...data.items];
  const ledger = await readLedger(couch, db);
  const scope = couch.use<Record<string, unknown>>(db);
  const found = await scope.fetch({ keys: docs.map((d) => d._id as string) });
  const rows = new Map<string, { rev: string; doc: Record<string, unknown> | null }>();
  for (const row of found.rows) {
    if ('value' in row && row.value) {
      const doc = ('doc' in row ? row.doc : null) as Record<string, unknown> | null;
      rows.set(row.id, { rev: row.value.rev, doc });
    }
  }
  const writes: Record<string, unknown>[] = [];
  const revs = { ...ledger.revs };
  let created = false;
  for (const doc of docs) {
    const id = doc._id as string;
    const current = rows.get(id);
    if (!current) {
      writes.push(doc);
      created = true;
      continue;
    }
    if (current.doc) {
      const { _rev, ...stored } = current.doc;
      if (canonical(stored) === canonical(doc)) {
        revs[id] = _rev as string;
        continue;
      }
    }
    if (ledger.revs[id] === current.rev) writes.push({ ...doc, _rev: current.rev });
  }
  if (writes.length) {
    const res = await scope.bulk({ docs: writes });
    const failed = res.filter((r) => r.error);
    if (failed.length)
      throw new Error(
        `plan ${data.plan._id}: ${failed.map((r) => `${r.id} ${r.reason}`).join('; ')}`,
      );
    for (const r of res) if (r.id && r.rev) revs[r.id] = r.rev;
  }
  if (canonical(revs) !== canonical(ledger.revs)) {
    await couch.request({
      db,
      path: PLAN_LEDGER_ID,
      method: 'PUT',
      body: { ...(ledger._rev ? { _rev: ledger._rev } : {}), revs },
    });
  }
  if (!writes.length) return 'unchanged';
  return created ? 'created' : 'updated';
}

async function readLedger(couch: Couch, db: string): Promise<PlanLedger> {
  try {
    const doc = (await couch.request({ db, path: PLAN_LEDGER_ID })) as Partial<PlanLedger>;
    return { _rev: doc._rev, revs: doc.revs ?? {} };
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
    return { revs: {} };
  }
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
