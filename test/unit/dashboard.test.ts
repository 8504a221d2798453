// The dashboard's figures (lib/dashboard/model.ts over CheckLog.summaryRows, i.e. the log and
// review indexes) against a straightforward recount: every record read from the databases,
// its review state by the domain's reviewStateOf over all its reviews, tallied per month,
// hamlet × kind, person and plan item. Generated records, then edits, deletions, returns,
// corrections and approvals taken in incrementally by the indexes.
import { isDeviceSyncId } from '../../src/lib/domain/device-sync.ts';
import { describe, expect, it } from 'vitest';
import { CheckLog } from '../../src/lib/data/check-log';
import { DeviceSyncRepository } from '../../src/lib/data/device-sync.repo';
import { EvidenceRepository } from '../../src/lib/data/evidence.repo';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo';
import { HamletRepository } from '../../src/lib/data/hamlets.repo';
import { QueryRunner } from '../../src/lib/data/live-query';
import { PlanRepository } from '../../src/lib/data/plan.repo';
import { ProgressRepository } from '../../src/lib/data/progress.repo';
import { Queries, type Repositories } from '../../src/lib/data/queries';
import { ReviewRepository } from '../../src/lib/data/reviews.repo';
import type { Db } from '../../src/lib/data/pouch-types';
import { buildDashboard, type Dashboard } from '../../src/lib/dashboard/model';
import { emptyInput, newFieldCheck, type Author } from '../../src/lib/domain/field-check-factory';
import { fieldCheckSchema, type FieldCheck } from '../../src/lib/domain/field-check';
import { hamletKey, newHamlet } from '../../src/lib/domain/hamlet';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index';
import { PolicyError, assertAllowed } from '../../src/lib/domain/policy';
import { reviewStateOf } from '../../src/lib/domain/review';
import { couchRolesFor } from '../../src/lib/domain/roles';
import { quarterRange, type Quarter } from '../../src/lib/report/period';
import { memoryDb } from '../support/pouch';

const COMMUNE = 'hong-phong';
const officer: Author = { name: 'canbo', role: 'officer', commune: COMMUNE };
const head: Author = { name: 'truongthon', role: 'hamletHead', commune: COMMUNE };
const police: Author = { name: 'congan', role: 'police', commune: COMMUNE };
const chair: Author = { name: 'chutich', role: 'chair', commune: COMMUNE };
const vice: Author = { name: 'phochutich', role: 'viceChair', commune: COMMUNE };

const actor = (a: Author) => ({
  name: a.name,
  roles: couchRolesFor(a.role as never, COMMUNE),
  commune: COMMUNE,
});

const Q: Quarter = { year: 2023, quarter: 3 };
const HAMLETS = ['Thôn Nà Cạn', 'Nà Cạn', 'Đồng Tâm', 'Bản Pàn Pè', 'Thôn Khuổi Mịt'];
const CODES = ['2.1.3', '2.3.7', '2.2.1', '2.3.1'];
const vnDay = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);

/** A small seeded generator: the same records every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(14_4);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
/** Any minute from 20 June to 10 October 2023 (some outside the quarter, some near midnight). */
const someTime = () =>
  new Date(Date.UTC(2023, 5, 20) + Math.floor(rnd() * 112 * 24 * 60) * 60_000).toISOString();

function record(n: number, author: Author, kind: FieldCheck['kind']): FieldCheck {
  const created = new Date(Date.UTC(2023, 5, 1) + n * 61_000);
  const input = emptyInput(kind, created);
  input.hamlet = pick(HAMLETS);
  input.startedAt = someTime();
  input.planItems = CODES.filter(() => rnd() < 0.35);
  const doc = newFieldCheck(input, author, created);
  const sent = rnd() < 0.7;
  return fieldCheckSchema.parse({
    ...doc,
    status: sent ? 'submitted' : 'draft',
    submittedAt: sent ? doc.updatedAt : null,
  });
}

interface Device {
  db: Db;
  checks: FieldCheckRepository;
  reviews: ReviewRepository;
}

function device(label: string): Device {
  const db = memoryDb(label);
  let now = Date.UTC(2023, 9, 20);
  const clock = () => new Date((now += 1000));
  return {
    db,
    checks: new FieldCheckRepository(db, clock),
    reviews: new ReviewRepository(db, clock),
  };
}

async function fill(
  d: Device,
  authors: [Author, FieldCheck['kind']][],
  count: number,
  from: number,
) {
  const docs = Array.from({ length: count }, (_, i) => {
    const [author, kind] = authors[i % authors.length];
    return record(from + i, author, kind);
  });
  await d.db.bulkDocs(docs);
}

async function allRecords(d: Device): Promise<FieldCheck[]> {
  const res = await d.db.allDocs({
    startkey: 'check:',
    endkey: 'check:\uffff',
    include_docs: true,
  });
  return res.rows.map((r) => fieldCheckSchema.parse(r.doc));
}

/** Returns, corrections, approvals, edits and deletions, as devices would bring them. */
async function churn(d: Device) {
  for (const doc of await allRecords(d)) {
    const roll = rnd();
    if (doc.status === 'submitted') {
      if (roll < 0.2) {
        await d.reviews.add(doc, { verdict: 'return', comment: 'Bổ sung ảnh' }, chair);
      } else if (roll < 0.3) {
        // Returned, then corrected (moved to another hamlet and month) and sent again.
        await d.reviews.add(doc, { verdict: 'return', comment: 'Sai thôn' }, chair);
        const back = await d.checks.reopen(doc);
        const moved = { ...back, hamlet: pick(HAMLETS), startedAt: someTime() };
        const res = await d.db.put(moved);
        await d.checks.submit({ ...moved, _rev: res.rev });
      } else if (roll < 0.45) {
        await d.reviews.add(doc, { verdict: 'approve', comment: '' }, chair);
        await d.db.put({ ...doc, status: 'approved' }); // the reviewer's stamp
      } else if (roll < 0.5) {
        // Two reviewers offline: a return and an approval of the same version, no stamp yet.
        await d.reviews.add(doc, { verdict: 'return', comment: 'Thiếu số liệu' }, chair);
        await d.reviews.add(doc, { verdict: 'approve', comment: '' }, vice);
      } else if (roll < 0.55) {
        // Returned, and being corrected: a draft again.
        await d.reviews.add(doc, { verdict: 'return', comment: 'Sửa địa điểm' }, vice);
        await d.checks.reopen(doc);
      }
    } else if (roll < 0.25) {
      await d.db.remove(doc._id, doc._rev!);
    } else if (roll < 0.6) {
      await d.db.put({
        ...doc,
        hamlet: pick(HAMLETS),
        startedAt: someTime(),
        planItems: CODES.filter(() => rnd() < 0.5),
      });
    }
  }
}

/** The figures counted the plain way: every record read, every state from all its reviews. */
async function recount(devices: Device[], q: Quarter) {
  const range = quarterRange(q);
  const perMonth = [0, 0, 0];
  const grid = new Map<string, number>();
  const people = new Map<string, Record<string, number>>();
  const items = new Map<string, number[]>();
  for (const d of devices) {
    for (const r of await allRecords(d)) {
      const day = vnDay(r.startedAt);
      if (day < range.from || day > range.to) continue;
      const m = range.months.indexOf(Number(day.slice(5, 7)));
      perMonth[m] += 1;
      const cell = `${hamletKey(r.hamlet)}|${r.kind}`;
      grid.set(cell, (grid.get(cell) ?? 0) + 1);
      const state = reviewStateOf(r, await d.reviews.forRecord(r._id)).state;
      const p = people.get(r.author) ?? { records: 0, drafts: 0, sent: 0 };
      p.records += 1;
      if (state === 'draft') p.drafts += 1;
      else {
        p.sent += 1;
        p[state] = (p[state] ?? 0) + 1;
      }
      people.set(r.author, p);
      for (const code of r.planItems) {
        const months = items.get(code) ?? [0, 0, 0];
        months[m] += 1;
        items.set(code, months);
      }
    }
  }
  return { perMonth, grid, people, items };
}

async function dashboardOf(log: CheckLog, q: Quarter): Promise<Dashboard> {
  const range = quarterRange(q);
  const { items } = loadPlan2023();
  return buildDashboard({
    quarter: q,
    items,
    folds: new Map(),
    rows: await log.summaryRows(range.from, range.to),
    kinds: log.kinds(),
    hamlets: ['Nà Cạn', 'Đồng Tâm', 'Bản Pàn Pè', 'Thôn Khuổi Mịt', 'Thôn Kéo Coong'],
    syncs: [],
  });
}

function expectAgrees(dash: Dashboard, want: Awaited<ReturnType<typeof recount>>) {
  expect(dash.perMonth).toEqual(want.perMonth);
  expect(dash.total).toBe(want.perMonth.reduce((a, b) => a + b, 0));
  const grid = new Map<string, number>();
  for (const line of dash.hamlets)
    line.byKind.forEach((n, k) => {
      if (n) grid.set(`${hamletKey(line.hamlet)}|${dash.kinds[k]}`, n);
    });
  expect(grid).toEqual(want.grid);
  // "Nà Cạn" and "Thôn Nà Cạn" are one hamlet.
  expect(dash.hamlets.filter((h) => hamletKey(h.hamlet) === 'na-can').length).toBeLessThan(2);
  for (const [author, p] of want.people) {
    const line = dash.officers.find((o) => o.author === author)!;
    expect(line, author).toBeDefined();
    expect({
      records: line.records,
      drafts: line.drafts,
      sent: line.sent,
      waiting: line.waiting,
      returned: line.returned,
      approved: line.approved,
    }).toEqual({ waiting: 0, returned: 0, approved: 0, ...p });
  }
  expect(dash.officers).toHaveLength(want.people.size);
  const lines = dash.indices.flatMap((b) => b.items);
  for (const code of CODES) {
    const line = lines.find((l) => l.code === code)!;
    expect(line.perMonth, code).toEqual(want.items.get(code) ?? [0, 0, 0]);
    expect(line.evidence).toBe(line.perMonth.reduce((a, b) => a + b, 0));
  }
}

describe('the dashboard', () => {
  it('agrees with a recount of every record, after edits, deletions, returns and approvals', async () => {
    const log = device('dash-log');
    const policeDb = device('dash-police');
    await fill(
      log,
      [
        [officer, 'environment'],
        [head, 'hamletMeeting'],
        [officer, 'outreach'],
      ],
      240,
      0,
    );
    await fill(policeDb, [[police, 'security']], 40, 1000);
    const chairsView = new CheckLog({ log: log.checks, police: policeDb.checks });
    const officersView = new CheckLog({ log: log.checks });

    expectAgrees(await dashboardOf(chairsView, Q), await recount([log, policeDb], Q));
    // Then the indexes take in what changed since, not every record again.
    await churn(log);
    await churn(policeDb);
    const after = await recount([log, policeDb], Q);
    const dash = await dashboardOf(chairsView, Q);
    expectAgrees(dash, after);
    // A hamlet of the list with no work still shows, under the list's spelling.
    expect(dash.hamlets.map((h) => h.hamlet)).toContain('Thôn Kéo Coong');
    expect(dash.hamlets.map((h) => h.hamlet)).toContain('Nà Cạn');
    expect(after.people.get('canbo')!.returned).toBeGreaterThan(0);
    expect(after.people.get('congan')!.approved).toBeGreaterThan(0);

    // Police records count only where the police database is read.
    expect(chairsView.kinds()).toContain('security');
    expect(officersView.kinds()).not.toContain('security');
    const officers = await dashboardOf(officersView, Q);
    expectAgrees(officers, await recount([log], Q));
    expect(officers.officers.map((o) => o.author)).not.toContain('congan');

    // Another quarter counts other records.
    const q4 = await dashboardOf(chairsView, { year: 2023, quarter: 4 });
    expectAgrees(q4, await recount([log, policeDb], { year: 2023, quarter: 4 }));
  });

  it('follows a burst of arriving records with one read, plan progress included', async () => {
    const d = device('dash-burst');
    const plan = loadPlan2023();
    await d.db.bulkDocs([plan.plan, ...plan.items, newHamlet(COMMUNE, 'Nà Cạn', new Date())]);
    const checks = new CheckLog({ log: d.checks });
    const repos = {
      checks,
      plan: new PlanRepository(d.db, COMMUNE),
      progress: new ProgressRepository(d.db),
      evidence: new EvidenceRepository(d.db),
      hamlets: new HamletRepository(d.db, COMMUNE),
      deviceSyncs: new DeviceSyncRepository(d.db, actor(officer)),
    } as unknown as Repositories;
    const queries = new Queries(repos, () => new Date('2023-12-01T03:00:00Z'));
    let latest: Dashboard | undefined;
    const runner = new QueryRunner(queries.dashboard(Q), (s) => {
      if (s.value) latest = s.value.dashboard;
    });
    runner.start();
    await expect.poll(() => latest?.total).toBe(0);
    const item = latest!.indices.flatMap((b) => b.items).find((i) => i.code === '2.1.3')!;
    // The 2023 plan's deadline (30 November) has passed on 1 December: overdue, not done.
    expect(item).toMatchObject({ status: 'notStarted', overdue: true });
    expect(latest!.hamlets.map((h) => h.hamlet)).toEqual(['Nà Cạn']);
    const reads = runner.reads;

    // One replication batch of 500 records: one read, not one per record.
    await fill(d, [[officer, 'environment']], 500, 0);
    const want = await recount([d], Q);
    await expect.poll(() => latest?.total).toBe(want.perMonth.reduce((a, b) => a + b, 0));
    expect(runner.reads - reads).toBe(1);
    expectAgrees(latest!, want);
    runner.stop();
  });

  it('shows when each person’s devices last synced, noted by the devices themselves', async () => {
    const d = device('dash-syncs');
    const phone = new DeviceSyncRepository(d.db, actor(officer));
    const tablet = new DeviceSyncRepository(d.db, actor(officer));
    const chairs = new DeviceSyncRepository(d.db, actor(chair));
    const first = await phone.mark('phone001', '2023-09-01T01:00:00.000Z');
    expect(first?._id).toBe('devicesync:canbo:phone001');
    // The phone's note, not the person's work: the unsent count leaves it out (workspace).
    expect(isDeviceSyncId(first!._id)).toBe(true);
    expect(isDeviceSyncId('check:2023-09-01T01:00:00.000Z:canbo:ab12')).toBe(false);
    // Within ten minutes nothing new is written (each note is a revision sent to everyone).
    expect(await phone.mark('phone001', '2023-09-01T01:05:00.000Z')).toBeNull();
    const later = await phone.mark('phone001', '2023-09-02T08:00:00.000Z');
    expect(later?._rev).toMatch(/^2-/);
    await tablet.mark('tablet01', '2023-08-20T03:00:00.000Z');
    await chairs.mark('chair001', '2023-09-03T02:00:00.000Z');
    // Only its author rewrites a device's note.
    const stored = (await d.db.get('devicesync:canbo:phone001')) as Record<string, unknown>;
    const forged = { ...stored, lastSyncedAt: '2023-09-30T00:00:00.000Z' };
    expect(() => assertAllowed(actor(chair), stored, { ...forged, author: 'chutich' })).toThrow(
      PolicyError,
    );
    expect(() => assertAllowed(actor(chair), stored, forged)).toThrow(PolicyError);
    expect(() => assertAllowed(actor(officer), stored, forged)).not.toThrow();

    const dash = buildDashboard({
      quarter: Q,
      items: [],
      folds: new Map(),
      rows: [],
      kinds: [],
      hamlets: [],
      syncs: await phone.all(),
    });
    const canbo = dash.officers.find((o) => o.author === 'canbo')!;
    expect(canbo.lastSync).toBe('2023-09-02T08:00:00.000Z');
    expect(canbo.devices.map((x) => x.device)).toEqual(['phone001', 'tablet01']);
    expect(canbo.records).toBe(0);
    expect(dash.officers.find((o) => o.author === 'chutich')?.lastSync).toBe(
      '2023-09-03T02:00:00.000Z',
    );
  });
});
