// The server's check of a conflict resolution against the record's current leaves
// (src/lib/domain/conflict-check.ts): what it writes, what it refuses, and how a run cut off
// halfway (the merge written, the other versions not yet removed) is finished, not redone.
import { describe, expect, it } from 'vitest';
import { newResolution } from '../../src/lib/domain/conflict.ts';
import { planResolution, type Leaf } from '../../src/lib/domain/conflict-check.ts';
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import { makeCheck } from '../support/fixtures.ts';

const chair = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
const base = makeCheck(7);
const a = { ...base, _rev: '3-aaa', findings: 'Ghi trên điện thoại', note: 'Bãi A' };
const b = { ...base, _rev: '3-bbb', findings: 'Ghi ở văn phòng', note: 'Bãi B' };
const at = new Date('2026-03-01T08:00:00.000Z');
const resolve = (
  kept: FieldCheck,
  picks: Record<string, string>,
  versions: FieldCheck[] = [a, b],
) => newResolution(base, kept._rev!, versions, picks, chair, at);
const leaf = (doc: FieldCheck, parent?: string): Leaf =>
  ({
    ...doc,
    _revisions: {
      start: Number(doc._rev!.split('-')[0]),
      ids: [doc._rev!.split('-')[1], parent ?? 'p'],
    },
  }) as Leaf;

describe('a resolution checked against the current leaves', () => {
  it('merges picked fields onto the kept leaf and removes the others', () => {
    const plan = planResolution(resolve(a, { findings: b._rev }), [leaf(a), leaf(b)]);
    expect(plan.apply).toBe(true);
    if (!plan.apply) return;
    expect(plan.write).toMatchObject({ _rev: a._rev, findings: b.findings, note: a.note });
    expect(plan.write!.updatedAt).toBe(at.toISOString());
    expect(plan.remove).toEqual([b._rev]);
  });

  it('keeps a version as it is without writing it', () => {
    const plan = planResolution(resolve(b, {}), [leaf(a), leaf(b)]);
    expect(plan).toEqual({ apply: true, write: null, remove: [a._rev] });
  });

  it('refuses altered copies, picks of no version or of stamped fields, and approved records', () => {
    const forged = resolve(a, {}, [a, { ...b, findings: 'Nội dung không ai viết' }]);
    expect(planResolution(forged, [leaf(a), leaf(b)])).toEqual({
      apply: false,
      reason: 'mismatch',
    });
    const badPick = resolve(a, { findings: '9-zzz' });
    expect(planResolution(badPick, [leaf(a), leaf(b)])).toMatchObject({ reason: 'mismatch' });
    const stamped = resolve(a, { author: b._rev });
    expect(planResolution(stamped, [leaf(a), leaf(b)])).toMatchObject({ reason: 'mismatch' });
    const approved = { ...b, status: 'approved' } as FieldCheck;
    expect(planResolution(resolve(a, {}, [a, approved]), [leaf(a), leaf(approved)])).toMatchObject({
      reason: 'approved',
    });
  });

  it('leaves a resolution unapplied when a version changed or was added since', () => {
    const r = resolve(a, { findings: b._rev });
    const newer = { ...a, _rev: '4-ccc', findings: 'Sửa lần nữa' };
    expect(planResolution(r, [leaf(newer, 'aaa'), leaf(b)])).toEqual({
      apply: false,
      reason: 'stale',
    });
    const third = { ...b, _rev: '3-ddd', findings: 'Máy thứ ba' };
    expect(planResolution(r, [leaf(a), leaf(b), leaf(third)])).toMatchObject({ reason: 'stale' });
  });

  it('finishes a run cut off after the merge, and does nothing once it is done', () => {
    const r = resolve(a, { findings: b._rev });
    const first = planResolution(r, [leaf(a), leaf(b)]);
    if (!first.apply) throw new Error('expected to apply');
    const merged = { ...first.write, _rev: '4-mmm' } as FieldCheck;
    // The merge is a leaf beside the version not yet removed.
    expect(planResolution(r, [leaf(merged, 'aaa'), leaf(b)], a)).toEqual({
      apply: true,
      write: null,
      remove: [b._rev],
    });
    expect(planResolution(r, [leaf(merged, 'aaa')], a)).toEqual({
      apply: true,
      write: null,
      remove: [],
    });
    // The same content written onto another revision is not this resolution's merge.
    expect(planResolution(r, [leaf(merged, 'xyz'), leaf(b)], a)).toMatchObject({ reason: 'stale' });
  });
});
