// Migrations on the device, run when a database opens. This person's records that the server
// has not received yet, written by an older version of the app, are rewritten to the current
// schema before sync sends them: the server's validator accepts current versions only. What
// the server already has, provisioning migrates there and the device receives that revision
// (rewriting it here too would only make conflicts); readers upgrade such records on read.
// Only the changes after the push checkpoint are read, never the whole database. Each run is
// logged with its counts per migration in the database's `_local/fieldbook-migrations`
// (`_local` documents never replicate).
import { migrate } from '$lib/domain/migrations';
import type { Db } from './pouch-types';

export const MIGRATION_LOG_ID = '_local/fieldbook-migrations';
const PAGE = 500;

export interface MigrationLog {
  _id: typeof MIGRATION_LOG_ID;
  _rev?: string;
  runs: number;
  lastRunAt: string | null;
  /** Records rewritten on this device, per migration name, over all runs. */
  counts: Record<string, number>;
  /** What the last run rewrote. */
  last: Record<string, number>;
}

export interface LocalMigrationOptions {
  /** The push checkpoint: changes up to it are on the server already. */
  since: number | string;
  /** Whether a record is this person's own (only they send it). */
  isOwn: (id: string) => boolean;
  now: string;
}

const NO_RUNS: MigrationLog = {
  _id: MIGRATION_LOG_ID,
  runs: 0,
  lastRunAt: null,
  counts: {},
  last: {},
};

export async function readMigrationLog(db: Db): Promise<MigrationLog> {
  try {
    return (await db.get(MIGRATION_LOG_ID)) as unknown as MigrationLog;
  } catch {
    return { ...NO_RUNS };
  }
}

export async function migrateOnOpen(db: Db, opts: LocalMigrationOptions): Promise<MigrationLog> {
  const last: Record<string, number> = {};
  let since = opts.since;
  for (;;) {
    const res = await db.changes({ since, limit: PAGE, include_docs: true });
    // No change at all: a database never written (a new phone's) holds nothing to migrate, and
    // no run is logged; its log write would only queue before the first pull's (issue 10).
    if (since === 0 && res.results.length === 0) return { ...NO_RUNS };
    const changed: { doc: object; applied: string[] }[] = [];
    for (const row of res.results) {
      if (!row.doc || row.deleted || row.id.startsWith('_design/') || !opts.isOwn(row.id)) continue;
      const { doc, applied } = migrate(row.doc);
      if (applied.length) changed.push({ doc: doc as object, applied });
    }
    if (changed.length) {
      const results = await db.bulkDocs(changed.map((c) => c.doc));
      // A record edited meanwhile keeps the edit (a conflict): the next open migrates it.
      results.forEach((r, i) => {
        if (!('ok' in r && r.ok)) return;
        for (const name of changed[i].applied) last[name] = (last[name] ?? 0) + 1;
      });
    }
    since = res.last_seq;
    if (res.results.length < PAGE) break;
  }
  const log = await readMigrationLog(db);
  const counts = { ...log.counts };
  for (const [name, n] of Object.entries(last)) counts[name] = (counts[name] ?? 0) + n;
  const next: MigrationLog = { ...log, runs: log.runs + 1, lastRunAt: opts.now, counts, last };
  await db.put(next as unknown as PouchDB.Core.PutDocument<object>);
  return next;
}
