// The evidence index against a full recount: after adds, edits, deletes, conflicting revisions
// arriving by replication, and from a snapshot, its counts equal reading every record again.
import { describe, expect, it } from 'vitest';
import { EvidenceRepository, type EvidencePeriod } from '../../src/lib/data/evidence.repo';
import { CountIndex } from '../../src/lib/data/indexes/count-index';
import { evidenceEntry, evidenceIndexOf } from '../../src/lib/data/indexes/evidence-index';
import type { Db } from '../../src/lib/data/pouch-types';
import type { FieldCheck } from '../../src/lib/domain/field-check';
import { makeCheck } from '../support/fixtures';
import { memoryDb } from '../support/pouch';

const CODES = ['2.1.1', '2.2.1', '2.3.7', '2.3.8'];
const PERIODS: EvidencePeriod[] = [
  { from: 2023, until: null },
  { from: 2024, until: 2025 },
  { from: 2025, until: null },
];

/** The n-th check: its work in 2023–2026, one or two codes (or none). */
function check(n: number): FieldCheck {
  const at = new Date(Date.UTC(2023, 0, 1) + n * 9 * 86_400_000 + (n % 24) * 3_600_000);
  const doc = makeCheck(n, undefined, 'environment', at);
  doc.planItems = n % 7 === 0 ? [] : [CODES[n % 4], CODES[(n * 3) % 4]];
  return doc;
}

/** Every check read again, counted by the rule the index implements. */
async function recount(db: Db, p: EvidencePeriod): Promise<Map<string, number>> {
  const res = await db.allDocs({ startkey: 'check:', endkey: 'check:\uffff', include_docs: true });
  const counts = new Map<string, number>();
  for (const row of res.rows) {
    const doc = row.doc as unknown as FieldCheck;
    const year = new Date(Date.parse(doc.startedAt) + 7 * 3600_000).getUTCFullYear();
    if (year < p.from || (p.until !== null && year >= p.until)) continue;
    for (const code of new Set(doc.planItems)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

async function expectRecount(db: Db, repo = new EvidenceRepository(db)) {
  for (const p of PERIODS) expect(await repo.counts(p)).toEqual(await recount(db, p));
}

async function seeded(count: number) {
  const db = memoryDb('evidence');
  const docs = Array.from({ length: count }, (_, n) => check(n));
  const res = await db.bulkDocs(docs);
  return { db, docs: docs.map((d, i) => ({ ...d, _rev: (res[i] as { rev: string }).rev })) };
}

const SPEC = {
  name: 'evidence',
  version: 1,
  relevant: (id: string) => id.startsWith('check:'),
  entryOf: evidenceEntry,
};

/** The same database behind another object: a fresh index, as after a restart. */
const memoryReuse = (db: Db): Db => Object.create(db) as Db;

describe('evidence index', () => {
  it('counts adds, edits and deletes as a full recount does', async () => {
    const { db, docs } = await seeded(300);
    const repo = new EvidenceRepository(db);
    await expectRecount(db, repo);
    expect([...(await repo.counts(PERIODS[0])).values()].reduce((a, b) => a + b)).toBeGreaterThan(
      300,
    );

    // Edits: other codes, another year, codes removed.
    for (const d of docs.slice(0, 60)) {
      const n = Number(d.hamlet.replace(/\D/g, ''));
      const edited = { ...d, planItems: n % 2 ? ['2.3.7'] : [] };
      if (n % 3 === 0) edited.startedAt = '2026-06-01T03:00:00.000Z';
      await db.put(edited);
    }
    await expectRecount(db, repo);

    // Deletes, and more adds after them.
    const current = await db.allDocs({ keys: docs.slice(100, 140).map((d) => d._id) });
    for (const row of current.rows)
      if ('value' in row) await db.remove(row.id, (row.value as { rev: string }).rev);
    await db.bulkDocs(Array.from({ length: 50 }, (_, i) => check(1000 + i)));
    await expectRecount(db, repo);
  });

  it('follows the winner when conflicting revisions arrive and when the winner is deleted', async () => {
    const { db, docs } = await seeded(40);
    const repo = new EvidenceRepository(db);
    await expectRecount(db, repo);
    // Replicated branches (new_edits: false), as another device's edit arrives by sync.
    const branches = docs.slice(0, 20).flatMap((d, i) => {
      const [, hash] = d._rev!.split('-');
      const codes = i % 2 ? ['2.2.1'] : ['2.1.1', '2.3.8'];
      return [
        {
          ...d,
          planItems: codes,
          _rev: `2-${'a'.repeat(31)}${i % 10}`,
          _revisions: { start: 2, ids: [`${'a'.repeat(31)}${i % 10}`, hash] },
        },
        {
          ...d,
          planItems: [],
          _rev: `2-${'f'.repeat(31)}${i % 10}`,
          _revisions: { start: 2, ids: [`${'f'.repeat(31)}${i % 10}`, hash] },
        },
      ];
    });
    await db.bulkDocs(branches, { new_edits: false });
    const withConflicts = await db.get(docs[0]._id, { conflicts: true });
    expect(withConflicts._conflicts).toHaveLength(1);
    await expectRecount(db, repo);
    // Deleting the winner makes the other branch win.
    for (const d of docs.slice(0, 20)) {
      const winner = await db.get(d._id);
      await db.remove(d._id, winner._rev);
    }
    const after = await db.get(docs[0]._id);
    expect(after._rev.startsWith('2-')).toBe(true);
    await expectRecount(db, repo);
  });

  it('starts from its snapshot and catches up with what changed since', async () => {
    const { db, docs } = await seeded(200);
    const spec = {
      name: 'evidence',
      version: 1,
      relevant: (id: string) => id.startsWith('check:'),
      entryOf: evidenceEntry,
    };
    const first = new CountIndex(db, spec);
    await first.persist();
    await db.put({ ...docs[0], planItems: ['2.3.8'] });
    await db.bulkDocs(Array.from({ length: 20 }, (_, i) => check(500 + i)));
    const fresh = new CountIndex(db, spec);
    const reads: number[] = [];
    const changes = db.changes.bind(db);
    db.changes = ((opts: { since?: number }) => {
      reads.push(opts.since ?? 0);
      return changes(opts as never);
    }) as typeof db.changes;
    const totals = await fresh.totalsNow();
    expect(reads.every((since) => since > 0)).toBe(true); // never from the start again
    db.changes = changes;
    const all = await new CountIndex(db, { ...spec, name: 'evidence-check' }).totalsNow();
    expect(totals).toEqual(all);
  });

  it('reads only its totals at a start with nothing new, one month of ids for a change', async () => {
    const { db, docs } = await seeded(120);
    await evidenceIndexOf(db).persist();
    const gets: string[] = [];
    const get = db.get.bind(db);
    db.get = ((id: string, opts?: object) => {
      gets.push(id);
      return get(id, opts as never);
    }) as typeof db.get;
    const fresh = new CountIndex(db, { ...SPEC });
    const p = PERIODS[0];
    const counts = async () => {
      const out = new Map<string, number>();
      for (const [entry, n] of await fresh.totalsNow())
        for (const code of entry.split('|')[1].split(','))
          if (Number(entry.split('|')[0]) >= p.from) out.set(code, (out.get(code) ?? 0) + n);
      return out;
    };
    expect(await counts()).toEqual(await recount(db, p));
    expect(gets).toEqual(['_local/fieldbook-index-evidence']);
    // An edit: its old entry must be taken back, so its month's ids are read, and only those.
    await db.put({ ...docs[5], planItems: ['2.2.1'] });
    expect(await counts()).toEqual(await recount(db, p));
    const chunkReads = () => gets.filter((id) => id.startsWith('_local/fieldbook-index-evidence:'));
    expect(chunkReads()).toEqual([`_local/fieldbook-index-evidence:${docs[5]._id.slice(6, 13)}`]);
    // A screen asking which records give an entry reads the rest, once.
    const linked = docs.filter((d) => d.planItems.length).map((d) => d._id);
    expect((await fresh.idsWhere(() => true)).sort()).toEqual(linked.sort());
    await fresh.idsWhere(() => true);
    expect(new Set(chunkReads()).size).toBe(chunkReads().length);
    expect(chunkReads().length).toBe(new Set(linked.map((id) => id.slice(6, 13))).size);
    db.get = get;
  });

  it('after a restart, reading its snapshot a month at a time, equals a full recount', async () => {
    const { db, docs } = await seeded(400);
    await new CountIndex(db, SPEC).persist();
    const restarted = new CountIndex(memoryReuse(db), SPEC);
    const repo = () => new EvidenceRepository(memoryReuse(db));
    // Edits, deletes and adds in a few months, then conflicting branches arriving by sync.
    await db.put({ ...docs[3], planItems: ['2.3.8'], startedAt: '2025-02-01T03:00:00.000Z' });
    await db.put({ ...docs[200], planItems: [] });
    await db.remove(docs[201]._id, docs[201]._rev!);
    await db.remove(docs[14]._id, docs[14]._rev!); // it counted for nothing (no codes)
    await db.bulkDocs([check(5000), check(5001)]);
    const [, hash] = docs[300]._rev!.split('-');
    await db.bulkDocs(
      [
        {
          ...docs[300],
          planItems: ['2.1.1'],
          _rev: `2-${'b'.repeat(32)}`,
          _revisions: { start: 2, ids: ['b'.repeat(32), hash] },
        },
        {
          ...docs[300],
          planItems: [],
          _rev: `2-${'a'.repeat(32)}`,
          _revisions: { start: 2, ids: ['a'.repeat(32), hash] },
        },
      ],
      { new_edits: false },
    );
    const full = new CountIndex(db, { ...SPEC, name: 'evidence-full' });
    expect(await restarted.totalsNow()).toEqual(await full.totalsNow());
    await expectRecount(db, repo());
    // Its snapshot after those changes, read by the next start, still agrees entry by entry.
    await restarted.persist();
    const next = new CountIndex(memoryReuse(db), SPEC);
    expect(await next.totalsNow()).toEqual(await full.totalsNow());
    expect(new Map(await next.entriesNow())).toEqual(new Map(await full.entriesNow()));
    // The winning branch deleted: the other one counts.
    await db.remove(docs[300]._id, `2-${'b'.repeat(32)}`);
    expect(await next.totalsNow()).toEqual(await full.totalsNow());
    await expectRecount(db, repo());
  });

  it('keeps the progress of a long catch-up, so a page closed during it resumes there', async () => {
    const { db } = await seeded(2_500);
    class Progressive extends CountIndex {
      protected progressEvery = 1_000;
    }
    const changes = db.changes.bind(db);
    let reads = 0;
    // The page goes away during the third read of the feed.
    db.changes = ((opts: object) => {
      if (++reads === 3) return Promise.reject(new Error('page closed'));
      return changes(opts as never);
    }) as typeof db.changes;
    await expect(new Progressive(db, SPEC).catchUp()).rejects.toThrow('page closed');
    db.changes = changes;
    const m = await db.get<{ seq: number }>('_local/fieldbook-index-evidence');
    expect(m.seq).toBeGreaterThanOrEqual(2_000);
    const since: number[] = [];
    db.changes = ((opts: { since: number }) => {
      since.push(opts.since);
      return changes(opts as never);
    }) as typeof db.changes;
    const resumed = new CountIndex(memoryReuse(db), SPEC);
    await resumed.totalsNow();
    db.changes = changes;
    expect(since[0]).toBe(m.seq);
    await expectRecount(db, new EvidenceRepository(memoryReuse(db)));
    expect(await resumed.totalsNow()).toEqual(
      await new CountIndex(db, { ...SPEC, name: 'evidence-full' }).totalsNow(),
    );
  });

  it('starts again from the newer snapshot another tab wrote after its start', async () => {
    const { db, docs } = await seeded(200);
    await new CountIndex(db, SPEC).persist();
    const tab = new CountIndex(memoryReuse(db), SPEC);
    await tab.totalsNow(); // its manifest read, no chunk yet
    // A record edited and one added in the month of docs[10], taken in and kept by another tab.
    await db.put({ ...docs[10], planItems: ['2.3.7'] });
    const added = check(10);
    added._id = `${docs[10]._id}-b`;
    await db.put({ ...added, _rev: undefined });
    await new CountIndex(memoryReuse(db), SPEC).persist();
    // This tab now reads that month's chunk, newer than its manifest: its lines already hold
    // those changes, its totals do not, so it must start again from the newer snapshot.
    expect(await tab.totalsNow()).toEqual(
      await new CountIndex(db, { ...SPEC, name: 'evidence-full' }).totalsNow(),
    );
    await expectRecount(db, new EvidenceRepository(memoryReuse(db)));
  });

  it('rebuilds when a chunk of its snapshot is lost', async () => {
    const { db, docs } = await seeded(80);
    await evidenceIndexOf(db).persist();
    const m = await db.get<{ chunks: string[] }>('_local/fieldbook-index-evidence');
    const lost = await db.get(`_local/fieldbook-index-evidence:${m.chunks[1]}`);
    await db.remove(lost);
    await db.put({ ...docs[1], planItems: ['2.3.7'] });
    await expectRecount(db, new EvidenceRepository(memoryReuse(db)));
  });

  it('rewrites only the manifest and the months that changed', async () => {
    const { db, docs } = await seeded(150);
    const index = evidenceIndexOf(db);
    await index.persist();
    await db.put({ ...docs[7], planItems: ['2.2.1'] });
    await db.bulkDocs([check(3000)]);
    const written: string[] = [];
    const bulk = db.bulkDocs.bind(db);
    db.bulkDocs = ((docs: { _id: string }[], opts?: object) => {
      written.push(...docs.map((d) => d._id));
      return bulk(docs as never, opts as never);
    }) as typeof db.bulkDocs;
    await index.persist();
    db.bulkDocs = bulk;
    const months = new Set([docs[7]._id, check(3000)._id].map((id) => id.slice(6, 13)));
    expect(written.sort()).toEqual(
      [
        '_local/fieldbook-index-evidence',
        ...[...months].map((k) => `_local/fieldbook-index-evidence:${k}`),
      ].sort(),
    );
    await expectRecount(db, new EvidenceRepository(memoryReuse(db)));
  });

  it('tells a screen once about a burst of arriving records', async () => {
    const { db } = await seeded(20);
    const index = evidenceIndexOf(db);
    let calls = 0;
    const stop = index.subscribe(() => (calls += 1));
    await new Promise((r) => setTimeout(r, 500));
    calls = 0;
    await db.bulkDocs(Array.from({ length: 250 }, (_, i) => check(2000 + i)));
    await new Promise((r) => setTimeout(r, 1_000));
    stop();
    expect(calls).toBe(1);
    await expectRecount(db);
  });
});
