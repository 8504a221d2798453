// Provisioning step: the commune's plan, shipped as data, loaded into its log database without
// ever overwriting what the commune's admin has edited since.
import type { PlanData } from '../../src/lib/domain/plan-data/index.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import { seedPlanForYear } from '../../src/lib/domain/plan-copy.ts';
import { vietnamDate } from '../../src/lib/domain/progress.ts';
import { canonical } from './canonical.ts';
import { isStatus, type Couch } from './couch.ts';
import { readRecord, writeRecord } from './records.ts';
import type { Outcome } from './steps.ts';

/**
 * Where ensurePlan remembers the revision it last wrote of each plan document of `db`: in the
 * admin-only provisioning database (see records.ts), never in the commune's own database.
 */
export const planLedgerId = (db: string) => `plan-ledger:${db}`;
/** Where earlier versions kept the ledger: writable by any member, so no longer read. */
const OLD_LEDGER_ID = '_local/fieldbook-plan-provisioned';

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
 * This year's plan for a commune that has none after the shipped history: the 2023 plan moved
 * to the current year (see plan-data/README.md, "This year's plan"). Once the commune has any
 * later plan (this seed, or one its admin made), provisioning never makes another: each new
 * year's plan is the admin's, copied from the plan they choose.
 */
export async function ensureThisYearsPlan(
  couch: Couch,
  db: string,
  commune: string,
  now: Date = new Date(),
): Promise<Outcome> {
  const template = loadPlan2023();
  if (template.plan.commune !== commune) return 'unchanged';
  const seed = seedPlanForYear(template, vietnamDate(now));
  if (!seed) return 'unchanged';
  const prefix = `plan:${commune}:`;
  const found = await couch.use(db).list({ startkey: prefix, endkey: `${prefix}\uffff` });
  const later = found.rows.some((r) => Number(r.id.slice(prefix.length)) > template.plan.year);
  if (later) return 'unchanged';
  return ensurePlan(couch, db, commune, seed);
}

/**
 * Loads a shipped plan and its items into `db`, the commune's log database, if `data` belongs
 * to `commune` (another commune gets nothing).
 *
 * Never overwrites an admin's edit. An admin edits plan items in the app (they replicate up to
 * here), so provisioning keeps a ledger, where only the server admin can write, of the revision
 * it wrote last of each document. A document is
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
    await writeRecord(couch, {
      _id: planLedgerId(db),
      ...(ledger._rev ? { _rev: ledger._rev } : {}),
      revs,
    });
  }
  await dropOldLedger(couch, db);
  if (!writes.length) return 'unchanged';
  return created ? 'created' : 'updated';
}

async function readLedger(couch: Couch, db: string): Promise<PlanLedger> {
  const doc = (await readRecord(couch, planLedgerId(db))) as Partial<PlanLedger> | null;
  return { _rev: doc?._rev, revs: doc?.revs ?? {} };
}

/**
 * The old ledger in the commune database is not migrated (a member may have rewritten it):
 * documents that still equal the shipped data are noted afresh above, and any other counts as
 * edited, which is the safe side. It is removed so nobody mistakes it for the real one.
 */
async function dropOldLedger(couch: Couch, db: string): Promise<void> {
  try {
    const old = (await couch.request({ db, path: OLD_LEDGER_ID })) as { _rev: string };
    await couch.request({ db, path: OLD_LEDGER_ID, method: 'DELETE', qs: { rev: old._rev } });
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
  }
}
