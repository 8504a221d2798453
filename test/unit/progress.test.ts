// Progress updates and their fold: the same set of updates gives the same state on every device.
import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { loadPlan2023 } from '../../src/lib/domain/plan-data';
import type { PlanItem } from '../../src/lib/domain/plan';
import {
  foldAll,
  foldProgress,
  myWork,
  newProgressUpdate,
  progressUpdateSchema,
  validateProgressUpdate,
  vietnamDate,
  type ProgressStatus,
  type ProgressUpdate,
  type ProgressUpdateInput,
} from '../../src/lib/domain/progress';

const { items } = loadPlan2023();
const item = (code: string) => items.find((i) => i.code === code)!;
const ITEM = item('2.1.3');
const BEFORE_DEADLINE = new Date('2023-10-05T03:00:00Z');

function input(over: Partial<ProgressUpdateInput> = {}): ProgressUpdateInput {
  return {
    planItemId: ITEM._id,
    status: 'inProgress',
    percent: null,
    value: null,
    criterionId: null,
    note: '',
    ...over,
  };
}

/** An update by `user` at `iso`, made through the factory and checked by the schema. */
function update(
  user: string,
  iso: string,
  over: Partial<ProgressUpdateInput> = {},
  random?: string,
): ProgressUpdate {
  const doc = newProgressUpdate(
    input(over),
    { name: user, role: 'officer', commune: 'hong-phong' },
    new Date(iso),
  );
  const out = random ? { ...doc, _id: doc._id.replace(/[a-z0-9]{8}$/, random) } : doc;
  return progressUpdateSchema.parse(out);
}

/** Deterministic permutations (seeded shuffle). */
function shuffles<T>(xs: readonly T[], n: number): T[][] {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  });
}

describe('progress update document', () => {
  it('is made by the factory with a time-ordered id and NFC text', () => {
    const doc = newProgressUpdate(
      input({ note: 'Đã cập nhật hồ sơ'.normalize('NFD'), percent: 40 }),
      { name: 'lan', role: 'officer', commune: 'hong-phong' },
      new Date('2023-09-01T02:03:04.005Z'),
    );
    expect(doc._id).toMatch(/^progress:2023-09-01T02:03:04\.005Z:lan:[a-z0-9]{8}$/);
    expect(doc).toMatchObject({
      type: 'progressUpdate',
      schemaVersion: 2,
      authorPosition: null,
      itemPositions: [],
      commune: 'hong-phong',
      author: 'lan',
      authorRole: 'officer',
      createdAt: '2023-09-01T02:03:04.005Z',
      percent: 40,
    });
    expect(doc.note).toBe('Đã cập nhật hồ sơ'.normalize('NFC'));
    expect(validateProgressUpdate(doc).success).toBe(true);
  });

  it('converts to JSON Schema for the server', () => {
    const schema = z.toJSONSchema(progressUpdateSchema);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('planItemId');
  });

  it('rejects bad values', () => {
    const ok = update('lan', '2023-09-01T00:00:00.000Z');
    for (const bad of [
      { percent: 101 },
      { percent: 12.5 },
      { status: 'finished' },
      { note: 'x'.repeat(2001) },
      { planItemId: '2.1.3' },
      { _id: 'check:2023-09-01T00:00:00.000Z:lan:abcdefgh' },
      { extra: true },
    ])
      expect(validateProgressUpdate({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('foldProgress', () => {
  it('with no updates: not started, nothing reported', () => {
    const s = foldProgress([], ITEM, BEFORE_DEADLINE);
    expect(s).toMatchObject({
      status: 'notStarted',
      percent: null,
      value: null,
      lastUpdate: null,
      history: [],
      overdue: false,
    });
  });

  it('orders history by time and lets the latest status win', () => {
    const a = update('lan', '2023-08-01T01:00:00.000Z', { percent: 10 });
    const b = update('lan', '2023-09-01T01:00:00.000Z', { status: 'blocked', percent: 30 });
    const c = update('lan', '2023-10-01T01:00:00.000Z', { status: 'inProgress' });
    const s = foldProgress([c, a, b], ITEM, BEFORE_DEADLINE);
    expect(s.history).toEqual([a, b, c]);
    expect(s.status).toBe('inProgress');
    expect(s.lastUpdate).toBe(c);
    // c reported no percent: the latest reported one stands.
    expect(s.percent).toBe(30);
  });

  it('keeps both of two devices’ concurrent updates and ignores other items', () => {
    const phone = update('lan', '2023-09-10T08:00:00.000Z', { status: 'inProgress', percent: 50 });
    const office = update('hoa', '2023-09-10T08:00:05.000Z', { status: 'blocked' });
    const other = update('hoa', '2023-09-11T08:00:00.000Z', { planItemId: item('2.1.4')._id });
    const s = foldProgress([office, other, phone], ITEM, BEFORE_DEADLINE);
    expect(s.history.map((u) => u.author)).toEqual(['lan', 'hoa']);
    expect(s.status).toBe('blocked');
    expect(s.percent).toBe(50);
  });

  it('counts the same document once', () => {
    const a = update('lan', '2023-09-10T08:00:00.000Z');
    expect(foldProgress([a, { ...a }, a], ITEM, BEFORE_DEADLINE).history).toHaveLength(1);
  });

  it('breaks equal times by _id, and gives the same state for any input order', () => {
    const at = '2023-09-10T08:00:00.000Z';
    const x = update('lan', at, { status: 'done', percent: 100 }, 'aaaaaaaa');
    const y = update('lan', at, { status: 'blocked', percent: 60 }, 'zzzzzzzz');
    const w = update('hoa', at, { status: 'inProgress', percent: 70 }, 'mmmmmmmm');
    // Same instant written without milliseconds: still equal, still ordered by _id.
    const v = { ...update('an', at, {}, 'bbbbbbbb'), createdAt: '2023-09-10T08:00:00Z' };
    const earlier = update('an', '2023-09-01T00:00:00.000Z', {
      value: 97.5,
      criterionId: '2.1.3.a',
    });
    const all = [x, y, w, v, earlier];
    const expected = foldProgress(all, ITEM, BEFORE_DEADLINE);
    // ids: progress:<at>:an… < progress:<at>:hoa… < progress:<at>:lan:aaaa… < …:lan:zzzz…
    expect(expected.history).toEqual([earlier, v, w, x, y]);
    expect(expected.status).toBe('blocked');
    expect(expected.percent).toBe(60);
    expect(expected.value).toBe(97.5);
    expect(expected.values).toEqual({ '2.1.3.a': 97.5 });
    for (const order of shuffles(all, 30))
      expect(foldProgress(order, ITEM, BEFORE_DEADLINE)).toEqual(expected);
  });

  it('keeps the latest value of each criterion', () => {
    const i = item('2.1.7');
    const ups = [
      update('lan', '2023-09-01T00:00:00.000Z', {
        planItemId: i._id,
        value: 40,
        criterionId: '2.1.7.b',
      }),
      update('lan', '2023-09-02T00:00:00.000Z', {
        planItemId: i._id,
        value: 12,
        criterionId: '2.1.7.c',
      }),
      update('lan', '2023-09-03T00:00:00.000Z', {
        planItemId: i._id,
        value: 55,
        criterionId: '2.1.7.b',
      }),
    ];
    const s = foldProgress(ups, i, BEFORE_DEADLINE);
    expect(s.values).toEqual({ '2.1.7.b': 55, '2.1.7.c': 12 });
    expect([s.value, s.criterionId]).toEqual([55, '2.1.7.b']);
  });

  describe('overdue', () => {
    // Deadline 2023-11-29 is the last day on time ("before 30/11/2023").
    const lastMinute = new Date('2023-11-29T16:59:59.000Z'); // 23:59:59 on 29/11 in Vietnam
    const nextMorning = new Date('2023-11-29T17:00:00.000Z'); // 00:00 on 30/11 in Vietnam

    it('compares dates in Vietnam, not UTC', () => {
      expect(vietnamDate(lastMinute)).toBe('2023-11-29');
      expect(vietnamDate(nextMorning)).toBe('2023-11-30');
      expect(foldProgress([], ITEM, lastMinute).overdue).toBe(false);
      expect(foldProgress([], ITEM, nextMorning).overdue).toBe(true);
    });

    it.each<[ProgressStatus, boolean]>([
      ['inProgress', true],
      ['blocked', true],
      ['notStarted', true],
      ['done', false],
    ])('after the deadline, status %s → overdue %s', (status, overdue) => {
      const u = update('lan', '2023-11-01T00:00:00.000Z', { status });
      expect(foldProgress([u], ITEM, nextMorning).overdue).toBe(overdue);
    });

    it('a later update reopening a done item makes it overdue again', () => {
      const done = update('lan', '2023-11-20T00:00:00.000Z', { status: 'done' });
      const reopened = update('hoa', '2023-12-02T00:00:00.000Z', { status: 'inProgress' });
      expect(foldProgress([done], ITEM, nextMorning).overdue).toBe(false);
      expect(foldProgress([reopened, done], ITEM, nextMorning).overdue).toBe(true);
    });
  });
});

describe('myWork', () => {
  const codes = (list: PlanItem[]) => list.map((i) => i.code);

  it('lists the items a position leads or works on, in plan order when nothing differs', () => {
    const folds = foldAll([], items, BEFORE_DEADLINE);
    expect(codes(myWork(items, 'police', folds, BEFORE_DEADLINE))).toEqual(['2.3.6']);
    expect(codes(myWork(items, 'digitalTeam', folds, BEFORE_DEADLINE))).toEqual(['2.3.8']);
    const justice = codes(myWork(items, 'justice', folds, BEFORE_DEADLINE));
    expect(justice).toContain('2.1.2');
    expect(justice).toContain('2.3.3');
    expect(justice).not.toContain('2.3.6');
    expect(codes(myWork(items, 'inspectionBoard', folds, BEFORE_DEADLINE))).toEqual([]);
  });

  it('puts overdue first, then the nearest deadline, then not done before done, then code', () => {
    const mk = (code: string, deadline: string, order: number): PlanItem => ({
      ...item('2.1.3'),
      _id: `planItem:hong-phong:2023:${code}`,
      code,
      deadline,
      order,
    });
    const list = [
      mk('9.1', '2023-12-31', 1), // later deadline, not done
      mk('9.2', '2023-10-01', 2), // past deadline, done → not overdue
      mk('9.3', '2023-10-01', 3), // past deadline, in progress → overdue
      mk('9.10', '2023-11-15', 4), // nearer deadline, not done
      mk('9.4', '2023-11-15', 5), // same deadline, done
      mk('9.5', '2023-11-15', 6), // same deadline, not done (9.5 sorts before 9.10)
      mk('9.6', '2023-09-01', 7), // past deadline, no updates → overdue
    ];
    const now = new Date('2023-11-01T00:00:00.000Z');
    const at = '2023-10-20T00:00:00.000Z';
    const ups = [
      update('lan', at, { planItemId: list[1]._id, status: 'done' }),
      update('lan', at, { planItemId: list[2]._id, status: 'inProgress' }),
      update('lan', at, { planItemId: list[4]._id, status: 'done' }),
    ];
    const folds = foldAll(ups, list, now);
    // Overdue: 9.6 (deadline 01/09) before 9.3 (01/10); then 9.2 (done, 01/10);
    // then 15/11: 9.5, 9.10 not done (code order), 9.4 done; then 9.1.
    const expected = ['9.6', '9.3', '9.2', '9.5', '9.10', '9.4', '9.1'];
    expect(codes(myWork(list, 'office', folds, now))).toEqual(expected);
    // A plain record works as well as a Map, and input order does not matter.
    const record = Object.fromEntries(folds);
    for (const order of shuffles(list, 10))
      expect(codes(myWork(order, 'office', record, now))).toEqual(expected);
    // Items missing from the folds count as not started.
    expect(codes(myWork(list, 'office', {}, now))).toEqual([
      '9.6',
      '9.2',
      '9.3',
      '9.4',
      '9.5',
      '9.10',
      '9.1',
    ]);
  });
});
