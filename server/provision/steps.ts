// Provisioning as named steps that are safe to re-run: each looks before it writes and
// reports whether it created, updated or left something unchanged (and, where it matters,
// what exactly it changed).
import { dbNames, photosDbName, photosRole, type DbRole } from '../../src/lib/domain/constants.ts';
import { buildDesignDoc, type DesignDoc } from '../design/build.ts';
import { canonical } from './canonical.ts';
import { isStatus, type Couch } from './couch.ts';
import { ensureHamlets } from './hamlet-step.ts';
import { migrateDocuments } from './migrate-step.ts';
import { ensurePlan, ensureThisYearsPlan, shippedPlans } from './plan-step.ts';
import { ensureProvisioningDb, PROVISIONING_DB } from './records.ts';
import { ensureDatabase, ensureSecurity, securityFor } from './security.ts';
import { ensureSessionTimeout } from './server-config.ts';
import { ensureUser, type UserSpec } from './users.ts';

export { ensurePlan, ensureThisYearsPlan, shippedPlans, planLedgerId } from './plan-step.ts';
export { ensureUser } from './users.ts';
export { ensureDatabase, ensureSecurity, securityFor, type SecurityObject } from './security.ts';
export { PROVISIONING_DB } from './records.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';
/** What a step did, with a line for the log when it changed something worth saying. */
export type StepOutcome = Outcome | { outcome: Outcome; detail: string };
export interface StepResult {
  step: string;
  outcome: Outcome;
  detail?: string;
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
  /** Hamlets for a commune's first list besides those its records name (the demo ones). */
  hamlets?: readonly string[];
}

export async function provision(couch: Couch, opts: ProvisionOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const run = async (step: string, fn: () => Promise<StepOutcome>) => {
    const r = await fn();
    results.push(typeof r === 'string' ? { step, outcome: r } : { step, ...r });
  };
  // CouchDB 3 does not create its system databases on a fresh single node.
  for (const sys of ['_users', '_replicator']) {
    await run(`database ${sys}`, () => ensureDatabase(couch, sys));
  }
  await run('session timeout', () => ensureSessionTimeout(couch));
  const [db, security] = await ensureProvisioningDb(couch);
  results.push({ step: `database ${PROVISIONING_DB}`, outcome: db });
  results.push({ step: `security ${PROVISIONING_DB}`, ...asResult(security) });
  const names = dbNames(opts.commune);
  const specs = securityFor(opts.commune);
  for (const [dbRole, name] of Object.entries(names) as [DbRole, string][]) {
    await run(`database ${name}`, () => ensureDatabase(couch, name));
    await run(`security ${name}`, () => ensureSecurity(couch, name, specs[name]));
    await run(`design ${name}`, () =>
      ensureDesignDoc(couch, name, buildDesignDoc(opts.commune, dbRole)),
    );
    await run(`migrations ${name}`, () => migrateDocuments(couch, name));
    // Its photo database: the same readers, a validator that takes photos only (issue 16.2).
    const photos = photosDbName(name);
    await run(`database ${photos}`, () => ensureDatabase(couch, photos));
    await run(`security ${photos}`, () => ensureSecurity(couch, photos, specs[photos]));
    await run(`design ${photos}`, () =>
      ensureDesignDoc(couch, photos, buildDesignDoc(opts.commune, photosRole(dbRole))),
    );
  }
  // After the design documents: their validator must know the plan's document types.
  for (const data of shippedPlans().filter((d) => d.plan.commune === opts.commune)) {
    await run(`plan ${data.plan._id}`, () => ensurePlan(couch, names.log, opts.commune, data));
  }
  await run('plan this year', () => ensureThisYearsPlan(couch, names.log, opts.commune));
  await run('hamlets', () =>
    ensureHamlets(couch, { log: names.log, others: [names.police] }, opts.commune, [
      ...shippedPlans().flatMap((d) => (d.plan.commune === opts.commune ? (d.hamlets ?? []) : [])),
      ...(opts.hamlets ?? []),
    ]),
  );
  for (const user of opts.users) await run(`user ${user.name}`, () => ensureUser(couch, user));
  return results;
}

function asResult(r: StepOutcome): { outcome: Outcome; detail?: string } {
  return typeof r === 'string' ? { outcome: r } : r;
}
