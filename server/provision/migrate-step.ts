// Provisioning step: stored documents of an older schemaVersion are rewritten to the current
// one with the named migrations of src/lib/domain/migrations.ts, as the server admin, and each
// migration's count is logged. Safe to re-run: a second run finds nothing to do. Devices then
// receive the new revisions by sync (until then they upgrade what they read the same way).
import { migrate } from '../../src/lib/domain/migrations.ts';
import type { Couch } from './couch.ts';
import type { StepOutcome } from './steps.ts';

const PAGE = 500;

export async function migrateDocuments(couch: Couch, db: string): Promise<StepOutcome> {
  const scope = couch.use<Record<string, unknown>>(db);
  const counts = new Map<string, number>();
  let startkey: string | undefined;
  for (;;) {
    const res = await scope.list({
      include_docs: true,
      limit: PAGE + 1,
      ...(startkey ? { startkey } : {}),
    });
    const rows = res.rows.slice(0, PAGE);
    const changed: Record<string, unknown>[] = [];
    for (const row of rows) {
      if (!row.doc || row.id.startsWith('_design/')) continue;
      const { doc, applied } = migrate(row.doc);
      if (!applied.length) continue;
      changed.push(doc as Record<string, unknown>);
      for (const name of applied) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    if (changed.length) {
      const results = await scope.bulk({ docs: changed });
      const failed = results.filter((r) => r.error);
      if (failed.length)
        throw new Error(`migration of ${db}: ${failed.length} refused (${failed[0].reason})`);
    }
    if (res.rows.length <= PAGE) break;
    startkey = res.rows[PAGE].id;
  }
  if (!counts.size) return 'unchanged';
  const detail = [...counts].map(([name, n]) => `${name}: ${n}`).join(', ');
  return { outcome: 'updated', detail };
}
