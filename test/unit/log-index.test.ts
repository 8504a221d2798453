// The merged log's index against reading every record again: filters and search (diacritics
// and case ignored) give the same records, newest first, after adds, edits, deletes and
// conflicting revisions arriving by replication, and from its snapshot.
import { describe, expect, it } from 'vitest';
import { CheckLog } from '../../src/lib/data/check-log';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo';
import type { LogFilter } from '../../src/lib/data/indexes/log-entry';
import { LogIndex, logIndexOf } from '../../src/lib/data/indexes/log-index';
import type { Db } from '../../src/lib/data/pouch-types';
import type { FieldCheck } from '../../src/lib/domain/field-check';
import { makeCheck } from '../support/fixtures';
import { memoryDb } from '../support/pouch';

const chair = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
const HAMLETS = ['Thôn Nà Cạn', 'Thôn Khòn Pát', 'Bản Đông Quang', 'Thôn Phai Luông'];
const TEXTS = [
  'Họp bàn thu quỹ vệ sinh môi trường.',
  'ĐƯỜNG LIÊN THÔN đã được dọn sạch.',
  'Rác được thu gom đúng lịch.',
  'Kiểm tra an ninh trật tự.',
];
const CODES = [['2.3.7'], ['2.1.1', '2.3.8'], [], ['2.2.1']];

/** The n-th record: spread over 2023–2026, two authors, two kinds, four states. */
function record(n: number): FieldCheck {
  const at = new Date(Date.UTC(2023, 0, 1) + n * 5 * 86_400_000 + (n % 24) * 3_600_000);
  const doc = makeCheck(
    n,
    n % 4 === 3 ? chair : undefined,
    n % 3 ? 'environment' : 'hamletMeeting',
    at,
  );
  doc.hamlet = HAMLETS[n % 4];
  doc.findings = `${TEXTS[(n >> 2) % 4]} Lần ${n}.`;
  doc.planItems = CODES[n % 4];
  doc.status = (['draft', 'submitted', 'approved', 'returned'] as const)[(n >> 1) % 4];
  return doc;
}

// The reference: plain code over every stored record, written apart from the index.
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

function matches(d: FieldCheck, f: LogFilter): boolean {
  if (f.kinds?.length && !f.kinds.includes(d.kind)) return false;
  if (f.hamlet && d.hamlet !== f.hamlet) return false;
  if (f.author && d.author !== f.author) return false;
  if (f.status && d.status !== f.status) return false;
  if (f.planItem && !d.planItems.some((c) => c === f.planItem || c.startsWith(`${f.planItem}.`)))
    return false;
  if (f.from && vnDay(d.startedAt) < f.from) return false;
  if (f.to && vnDay(d.startedAt) > f.to) return false;
  const text = [
    d.hamlet,
    d.place,
    d.findings,
    d.recommendations,
    d.note,
    d.author,
    ...d.participants,
  ]
    .concat(Object.values(d.details).filter((v): v is string => typeof v === 'string'))
    .join(' ');
  const words = fold(text).split(/[^a-z0-9]+/);
  const asked = fold(f.text ?? '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return asked.every((q) => words.some((w) => w.startsWith(q)));
}

async function reference(db: Db, f: LogFilter): Promise<string[]> {
  const res = await db.allDocs({ startkey: 'check:', endkey: 'check:\uffff', include_docs: true });
  return res.rows
    .map((r) => r.doc as unknown as FieldCheck)
    .filter((d) => matches(d, f))
    .map((d) => d._id)
    .reverse();
}

const FILTERS: LogFilter[] = [
  {},
  { text: 've sinh' },
  { text: 'VỆ SINH' },
  { text: 'duong lien' },
  { text: 'Đường' },
  { text: 'thu' },
  { kinds: ['hamletMeeting'] },
  { hamlet: 'Bản Đông Quang', status: 'approved' },
  { author: 'chutich', text: 'rac' },
  { planItem: '2.3' },
  { planItem: '2.1.1', from: '2024-01-01', to: '2024-12-31' },
  { from: '2025-06-01', kinds: ['environment'], text: 'lan' },
  { text: 'khong co tu nay' },
];

async function expectReference(db: Db, index: LogIndex) {
  for (const f of FILTERS) {
    const want = await reference(db, f);
    const got = await index.find(f, 10_000);
    expect(got.ids, JSON.stringify(f)).toEqual(want);
    expect(await index.count(f)).toBe(want.length);
  }
}

async function seeded(count: number) {
  const db = memoryDb('log');
  const docs = Array.from({ length: count }, (_, n) => record(n));
  const res = await db.bulkDocs(docs);
  return { db, docs: docs.map((d, i) => ({ ...d, _rev: (res[i] as { rev: string }).rev })) };
}

describe('log index', () => {
  it('finds what a full read finds, diacritics and case ignored', async () => {
    const { db } = await seeded(240);
    const index = logIndexOf(db);
    await expectReference(db, index);
    // The examples a person would try.
    const vs = await index.find({ text: 've sinh' }, 1000);
    expect(vs.ids.length).toBeGreaterThan(0);
    for (const id of vs.ids) expect((await db.get<FieldCheck>(id)).findings).toContain('vệ sinh');
    expect((await index.find({ text: 'dong quang' }, 1000)).ids.length).toBe(60);
    expect((await index.find({ text: 'khong co tu nay' }, 10)).ids).toEqual([]);
  });

  it('pages newest first with a cursor', async () => {
    const { db } = await seeded(120);
    const index = logIndexOf(db);
    const all = await reference(db, { text: 'rac' });
    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: { ids: string[]; more: boolean } = await index.find({ text: 'rac' }, 7, after);
      pages.push(...page.ids);
      after = page.more ? page.ids[page.ids.length - 1] : null;
    } while (after);
    expect(pages).toEqual(all);
  });

  it('follows adds, edits, deletes and conflicting revisions as a full read does', async () => {
    const { db, docs } = await seeded(160);
    const index = logIndexOf(db);
    await expectReference(db, index);
    for (const d of docs.slice(0, 40))
      await db.put({
        ...d,
        findings: 'Dọn vệ sinh đường làng.',
        status: 'approved',
        hamlet: 'Bản Mới',
      });
    const gone = await db.allDocs({ keys: docs.slice(50, 70).map((d) => d._id) });
    for (const row of gone.rows)
      if ('value' in row) await db.remove(row.id, (row.value as { rev: string }).rev);
    await db.bulkDocs(Array.from({ length: 30 }, (_, i) => record(500 + i)));
    await expectReference(db, index);
    expect((await index.facets()).hamlets.get('Bản Mới')).toBe(40);
    // Another device's edit and a third device's, both from revision 1 (a conflict).
    const branches = docs.slice(100, 110).flatMap((d, i) => {
      const [, hash] = d._rev!.split('-');
      return ['a', 'f'].map((c) => ({
        ...d,
        findings: c === 'a' ? 'Nhánh A: kiểm tra vệ sinh.' : 'Nhánh F: họp thôn.',
        _rev: `2-${c.repeat(31)}${i}`,
        _revisions: { start: 2, ids: [`${c.repeat(31)}${i}`, hash] },
      }));
    });
    await db.bulkDocs(branches, { new_edits: false });
    await expectReference(db, index);
    for (const d of docs.slice(100, 110)) {
      const winner = await db.get(d._id);
      await db.remove(d._id, winner._rev); // the other branch wins now
    }
    await expectReference(db, index);
    const facets = await index.facets();
    const res = await db.allDocs({
      startkey: 'check:',
      endkey: 'check:\uffff',
      include_docs: true,
    });
    const hamlets = new Map<string, number>();
    for (const r of res.rows) {
      const h = (r.doc as unknown as FieldCheck).hamlet;
      hamlets.set(h, (hamlets.get(h) ?? 0) + 1);
    }
    expect(facets.hamlets).toEqual(hamlets);
  });

  it('starts from its snapshot, catches up, and rewrites only the months that changed', async () => {
    const { db, docs } = await seeded(200);
    await logIndexOf(db).persist();
    const manifest = await db.get<{ chunks: string[] }>('_local/fieldbook-index-log');
    expect(manifest.chunks.length).toBeGreaterThan(20);
    await db.put({ ...docs[3], findings: 'Sửa lại: vệ sinh xong.' });
    await db.bulkDocs([record(900), record(901)]);
    const fresh = new LogIndex(Object.create(db) as Db);
    const since: number[] = [];
    const changes = db.changes.bind(db);
    db.changes = ((opts: { since?: number }) => {
      since.push(opts.since ?? 0);
      return changes(opts as never);
    }) as typeof db.changes;
    await expectReference(db, fresh);
    expect(since.every((s) => s > 0)).toBe(true); // never from the start again
    db.changes = changes;
    const puts: string[] = [];
    const bulk = db.bulkDocs.bind(db);
    db.bulkDocs = ((docs: { _id: string }[], opts?: object) => {
      puts.push(...docs.map((d) => d._id));
      return bulk(docs as never, opts as never);
    }) as typeof db.bulkDocs;
    await fresh.persist();
    db.bulkDocs = bulk;
    const months = new Set([docs[3], record(900), record(901)].map((d) => d._id.slice(6, 13)));
    expect(puts.sort()).toEqual(
      [
        ...[...months].map((m) => `_local/fieldbook-index-log:${m}`),
        '_local/fieldbook-index-log',
      ].sort(),
    );
  });

  it("keeps each record's photo slots for the rows' thumbnails, through its snapshot", async () => {
    const { db, docs } = await seeded(12);
    await db.put({ ...docs[5], photos: [2, 4] });
    await logIndexOf(db).persist();
    const fresh = new LogIndex(Object.create(db) as Db);
    const rows = await fresh.matching({ text: 'lan 5' });
    expect(rows.map((e) => [e.id, e.photos])).toEqual([[docs[5]._id, [2, 4]]]);
    expect((await fresh.matching({})).filter((e) => e.photos.length).length).toBe(1);
  });

  it('writes its snapshot over one another tab of the phone wrote', async () => {
    const { db } = await seeded(90);
    const tabA = new LogIndex(Object.create(db) as Db);
    const tabB = new LogIndex(Object.create(db) as Db);
    await tabA.persist();
    await tabB.persist(); // never read A's chunks: must not conflict with them
    await db.bulkDocs([record(700), record(701)]);
    await tabA.persist();
    const fresh = new LogIndex(Object.create(db) as Db);
    await expectReference(db, fresh);
  });

  it('merges the databases a person reads, newest first', async () => {
    const a = await seeded(60);
    const b = await seeded(60);
    await b.db.bulkDocs(Array.from({ length: 25 }, (_, i) => record(1000 + i)));
    const log = new CheckLog({
      log: new FieldCheckRepository(a.db),
      police: new FieldCheckRepository(b.db),
    });
    const f: LogFilter = { text: 'rac' };
    const want = [...(await reference(a.db, f)), ...(await reference(b.db, f))].sort().reverse();
    const first = await log.find(f, 20);
    expect(first.items.map((d) => d._id)).toEqual(want.slice(0, 20));
    const second = await log.find(f, 20, first.next);
    expect(second.items.map((d) => d._id)).toEqual(want.slice(20, 40));
    expect(await log.count(f)).toBe(want.length);
    // The rows a list shows come from the index alone and say what the records say.
    const rows = await log.findRows(f, 20, first.next);
    expect(rows.items.map((r) => r._id)).toEqual(want.slice(20, 40));
    for (const [i, r] of rows.items.entries()) {
      const d = second.items[i];
      const { _id, kind, status, hamlet, place, startedAt, author, authorRole } = d;
      const state = status === 'submitted' ? 'waiting' : status;
      const photos = d.photos ?? [];
      expect(r).toEqual({
        _id,
        kind,
        status,
        hamlet,
        place,
        startedAt,
        author,
        authorRole,
        photos,
        state,
      });
    }
  });
});
