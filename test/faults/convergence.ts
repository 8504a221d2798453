// After the storm: does every device and the server hold exactly the same records, at the
// same revisions, with every written record present once and conflicts counted honestly?
import type { Db } from '../../src/lib/data/pouch-types.ts';
import type { Writer } from './writer.ts';

export interface Snapshot {
  label: string;
  /** id → winning revision */
  revs: Map<string, string>;
  /** id → note (each written record's unique tag) */
  notes: Map<string, string>;
  conflicts: { id: string; revs: string[] }[];
}

export async function snapshot(label: string, db: Db): Promise<Snapshot> {
  const res = await db.allDocs({
    startkey: 'check:',
    endkey: 'check:\uffff',
    include_docs: true,
    conflicts: true,
  });
  const snap: Snapshot = { label, revs: new Map(), notes: new Map(), conflicts: [] };
  for (const row of res.rows) {
    if (!('doc' in row) || !row.doc) continue;
    const doc = row.doc as { _rev: string; note?: string; _conflicts?: string[] };
    snap.revs.set(row.id, doc._rev);
    snap.notes.set(row.id, doc.note ?? '');
    if (doc._conflicts?.length) snap.conflicts.push({ id: row.id, revs: doc._conflicts });
  }
  return snap;
}

const sameRevs = (a: Snapshot, b: Snapshot) =>
  a.revs.size === b.revs.size && [...a.revs].every(([id, rev]) => b.revs.get(id) === rev);

/** Polls until every snapshot is identical (or time runs out); returns the last snapshots. */
export async function waitForConvergence(
  dbs: { label: string; db: Db }[],
  expected: number,
  timeoutMs: number,
): Promise<{ snaps: Snapshot[]; converged: boolean; ms: number }> {
  const t0 = Date.now();
  let snaps: Snapshot[] = [];
  while (Date.now() - t0 < timeoutMs) {
    try {
      snaps = await Promise.all(dbs.map((d) => snapshot(d.label, d.db)));
      const first = snaps[0];
      if (first.revs.size >= expected && snaps.every((s) => sameRevs(first, s))) {
        return { snaps, converged: true, ms: Date.now() - t0 };
      }
    } catch {
      // the server may be restarting: look again
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return { snaps, converged: false, ms: Date.now() - t0 };
}

export interface Verdict {
  expected: number;
  lost: string[];
  duplicated: string[];
  unexpected: string[];
  staleRevisions: string[];
  conflicts: number;
}

/** Compares every snapshot against what the writers wrote. */
export function judge(snaps: Snapshot[], writers: Writer[]): Verdict {
  const expected = new Map<string, { rev: string; note: string }>();
  for (const w of writers)
    for (const [id, doc] of w.written) expected.set(id, { rev: doc._rev!, note: doc.note });
  const v: Verdict = {
    expected: expected.size,
    lost: [],
    duplicated: [],
    unexpected: [],
    staleRevisions: [],
    conflicts: 0,
  };
  for (const s of snaps) {
    for (const [id, want] of expected) {
      const rev = s.revs.get(id);
      if (!rev) v.lost.push(`${s.label}: ${id}`);
      else if (rev !== want.rev)
        v.staleRevisions.push(`${s.label}: ${id} at ${rev}, want ${want.rev}`);
    }
    for (const id of s.revs.keys()) if (!expected.has(id)) v.unexpected.push(`${s.label}: ${id}`);
    const seen = new Map<string, string>();
    for (const [id, note] of s.notes) {
      if (seen.has(note)) v.duplicated.push(`${s.label}: "${note}" as ${seen.get(note)} and ${id}`);
      seen.set(note, id);
    }
    v.conflicts += s.conflicts.length;
  }
  return v;
}
