// Provisioning step: the commune's first hamlet list (src/lib/domain/hamlet.ts), made once. Its
// names come from the shipped plan data when it lists hamlets, from the records already in the
// commune's databases (an install from before the list keeps its hamlets, and "Đồng Tâm" and
// "Thôn Đồng Tâm" become one), and from the demo list on the embedded default. After that the
// list is the admin's: a record in the provisioning database says it was made, so a restart
// never brings back a hamlet the admin removed.
import { hamletKey, isHamletName, newHamlet } from '../../src/lib/domain/hamlet.ts';
import type { Couch } from './couch.ts';
import { readRecord, writeRecord } from './records.ts';
import type { StepOutcome } from './steps.ts';

/** The embedded default's demo hamlets (with the demo accounts; FIELDBOOK_DEMO_USERS=0: none). */
export const DEMO_HAMLETS = [
  'Thôn Bản Chang',
  'Bản Khòn Pát',
  'Thôn Đồng Tâm',
  'Thôn Khuổi Phầy',
  'Thôn Nà Pàn',
  'Thôn Nà Pục',
  'Thôn Nà Rì',
  'Thôn Phiêng Kham',
  'Thôn Pò Nhùng',
];

const PAGE = 2000;

/** The hamlet names the field checks of `db` carry. */
async function namesOnRecords(couch: Couch, db: string): Promise<string[]> {
  const names: string[] = [];
  const scope = couch.use<{ type?: string; hamlet?: unknown }>(db);
  let startkey = 'check:';
  for (;;) {
    const page = await scope.list({
      startkey,
      endkey: 'check:\uffff',
      include_docs: true,
      limit: PAGE + 1,
    });
    for (const row of page.rows.slice(0, PAGE)) {
      const h = row.doc?.hamlet;
      if (row.doc?.type === 'fieldCheck' && typeof h === 'string') names.push(h);
    }
    if (page.rows.length <= PAGE) return names;
    startkey = page.rows[PAGE].id;
  }
}

export async function ensureHamlets(
  couch: Couch,
  dbs: { log: string; others: string[] },
  commune: string,
  given: readonly string[],
  now: Date = new Date(),
): Promise<StepOutcome> {
  const recordId = `hamlets-seeded:${dbs.log}`;
  if (await readRecord(couch, recordId)) return 'unchanged';
  const names = [...given];
  for (const db of [dbs.log, ...dbs.others]) names.push(...(await namesOnRecords(couch, db)));
  // One hamlet per key; the first spelling met names it ("Thôn …" from the given list first).
  const byKey = new Map<string, string>();
  for (const n of names)
    if (isHamletName(n) && !byKey.has(hamletKey(n))) byKey.set(hamletKey(n), n);
  const docs = [...byKey.values()].map((n) => newHamlet(commune, n, now));
  const scope = couch.use(dbs.log);
  const existing = await scope.fetch({ keys: docs.map((d) => d._id) });
  const have = new Set(existing.rows.flatMap((r) => ('doc' in r && r.doc ? [r.id] : [])));
  const missing = docs.filter((d) => !have.has(d._id));
  if (missing.length) {
    const res = await scope.bulk({ docs: missing });
    const failed = res.filter((r) => r.error);
    if (failed.length)
      throw new Error(`hamlets: ${failed.length} not written (${failed[0].reason})`);
  }
  await writeRecord(couch, { _id: recordId, at: now.toISOString(), count: missing.length });
  return { outcome: 'created', detail: `${missing.length} hamlets` };
}
