// Applies supervisors' conflict resolutions (docs/conflicts.md). A supervisor never writes a
// record; they write a resolution, which reaches the server through /db like any document
// (checked there by validate_doc_update: a resolver's own, append-only). The server, as admin,
// then checks it against the record's current leaves (src/lib/domain/conflict-check.ts) and
// the resolver's account as it is now (the one policy, decide), writes the merge onto the kept
// leaf, removes the other leaves with tombstones naming the resolution, and records an outcome.
// Run after /db forwarded a write carrying a resolution, and at start and every ten minutes for
// any left without an outcome.
import { dbNames, type DbRole } from '../../src/lib/domain/constants.ts';
import {
  OUTCOME_ID_PREFIX,
  newOutcome,
  outcomeIdOf,
  resolutionSchema,
  type Outcome,
  type OutcomeReason,
  type Resolution,
} from '../../src/lib/domain/conflict.ts';
import { needsKeptBody, planResolution, type Leaf } from '../../src/lib/domain/conflict-check.ts';
import { POLICY, decide } from '../../src/lib/domain/policy/index.ts';
import { StoreError, createStore, type Store } from './store.ts';

const PREFIX = POLICY.conflicts.resolutionPrefix;
/** Attempts when a device writes the record between our read and our write. */
const ATTEMPTS = 3;
const RETRY_AFTER_ERROR_MS = 30_000;
/**
 * Any resolution /db did not carry (one replicated into CouchDB by other means) is found by a
 * sweep this often: a few id-range reads, no documents.
 */
const SWEEP_EVERY_MS = 10 * 60_000;

export interface ConflictApplier {
  /** A write /db forwarded to database `db` (its body): applies the resolutions it carried. */
  noticeWrite(db: string, body: Buffer): void;
  /** Applies every resolution of the commune's databases that has no outcome yet. */
  sweep(): Promise<void>;
  /** Resolves when nothing is being applied. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createConflictApplier(opts: {
  couchUrl: string;
  admin: { name: string; password: string };
  commune: string;
  clock?: () => Date;
}): ConflictApplier {
  const store = createStore(opts.couchUrl, opts.admin);
  const clock = opts.clock ?? (() => new Date());
  const roleOf = new Map(
    Object.entries(dbNames(opts.commune)).map(([role, name]) => [name, role as DbRole]),
  );
  /** One chain per record: resolutions of the same record never interleave. */
  const chains = new Map<string, Promise<void>>();
  let retry: NodeJS.Timeout | null = null;
  let closed = false;
  const every = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  every.unref();

  /** Logged, and everything without an outcome is tried again a little later. */
  function failed(what: string, err: unknown) {
    console.error(`[conflicts] ${what}:`, err instanceof Error ? err.message : err);
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = null;
      void sweep();
    }, RETRY_AFTER_ERROR_MS);
    retry.unref();
  }

  function enqueue(db: string, resolutionId: string): Promise<void> {
    const recordId = recordOf(resolutionId);
    const key = `${db}\0${recordId}`;
    const run = (chains.get(key) ?? Promise.resolve())
      .then(() => (closed ? undefined : applyOne(store, db, resolutionId)))
      .catch((err: unknown) => failed(resolutionId, err));
    chains.set(key, run);
    void run.then(() => {
      if (chains.get(key) === run) chains.delete(key);
    });
    return run;
  }

  async function applyOne(s: Store, db: string, resolutionId: string): Promise<void> {
    const dbRole = roleOf.get(db);
    if (!dbRole) return;
    if (await s.get(db, outcomeIdOf(resolutionId))) return;
    const parsed = resolutionSchema.safeParse(await s.get(db, resolutionId));
    if (!parsed.success) return; // not stored (refused by the validator) or unreadable
    const resolution = parsed.data;
    const outcome = (result: Outcome['result'], reason: OutcomeReason | null, rev: string | null) =>
      writeOutcome(s, db, newOutcome(resolution, result, reason, rev, clock()));

    // The resolver's account as it is now, judged by the one policy.
    const actor = {
      name: resolution.author,
      roles: await s.rolesOf(resolution.author),
      commune: opts.commune,
    };
    const { _rev, ...asWritten } = resolution;
    void _rev;
    if (decide(actor, null, asWritten, dbRole).reason)
      return outcome('refused', 'notResolver', null);

    for (let attempt = 1; ; attempt++) {
      try {
        const applied = await applyTo(s, db, resolution);
        if (typeof applied === 'string') return outcome('refused', applied, null);
        if (applied === null) return outcome('stale', 'stale', null);
        return outcome('applied', null, applied.rev);
      } catch (err) {
        if (!(err instanceof StoreError && err.status === 409) || attempt >= ATTEMPTS) throw err;
      }
    }
  }

  /** The writes: the merge, then the tombstones. null when stale, a reason when refused. */
  async function applyTo(
    s: Store,
    db: string,
    resolution: Resolution,
  ): Promise<{ rev: string } | OutcomeReason | null> {
    const id = resolution.recordId;
    const leaves = (await s.leaves(db, id)) as Leaf[];
    const keptBody = needsKeptBody(resolution, leaves)
      ? await s.getRev(db, id, resolution.keptRev)
      : null;
    const plan = planResolution(resolution, leaves, keptBody);
    if (!plan.apply) return plan.reason === 'stale' ? null : plan.reason;
    if (plan.write) await s.put(db, plan.write as { _id: string });
    for (const rev of plan.remove)
      await s.put(db, { _id: id, _rev: rev, _deleted: true, resolvedBy: resolution._id });
    const now = await s.get(db, id);
    return { rev: String(now?._rev ?? '') };
  }

  async function writeOutcome(s: Store, db: string, outcome: Outcome) {
    try {
      await s.put(db, outcome);
    } catch (err) {
      // Written already (another run of the same resolution): nothing to add.
      if (!(err instanceof StoreError && err.status === 409)) throw err;
    }
  }

  /** Never throws: a database that cannot be read now is swept again a little later. */
  async function sweep(): Promise<void> {
    const runs: Promise<void>[] = [];
    for (const db of roleOf.keys()) {
      try {
        const [resolutions, outcomes] = await Promise.all([
          store.idsBetween(db, PREFIX, `${PREFIX}\ufff0`),
          store.idsBetween(db, OUTCOME_ID_PREFIX + PREFIX, `${OUTCOME_ID_PREFIX}${PREFIX}\ufff0`),
        ]);
        const done = new Set(outcomes);
        for (const id of resolutions) if (!done.has(outcomeIdOf(id))) runs.push(enqueue(db, id));
      } catch (err) {
        failed(`sweep of ${db}`, err);
      }
    }
    await Promise.all(runs);
  }

  return {
    noticeWrite(db, body) {
      if (closed || !roleOf.has(db) || !body.includes('"conflictResolution"')) return;
      for (const id of resolutionIds(body)) void enqueue(db, id);
    },
    sweep,
    idle: async () => {
      while (chains.size) await Promise.all([...chains.values()]);
    },
    async close() {
      closed = true;
      clearInterval(every);
      if (retry) clearTimeout(retry);
      while (chains.size) await Promise.all([...chains.values()]);
    },
  };
}

/** The record a resolution id names (`resolution:<record id>:<time>:<user>:<random>`). */
function recordOf(resolutionId: string): string {
  const parts = resolutionId.slice(PREFIX.length).split(':');
  // check:<time with 2 colons>:<user>:<random> = 6 parts
  return parts.slice(0, 6).join(':');
}

/** The ids of the resolutions in a document or `_bulk_docs` body. */
function resolutionIds(body: Buffer): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return [];
  }
  const docs = Array.isArray((parsed as { docs?: unknown }).docs)
    ? (parsed as { docs: unknown[] }).docs
    : [parsed];
  return docs.flatMap((d) => {
    const doc = d as { _id?: unknown; type?: unknown } | null;
    return doc &&
      doc.type === 'conflictResolution' &&
      typeof doc._id === 'string' &&
      doc._id.startsWith(PREFIX)
      ? [doc._id]
      : [];
  });
}
