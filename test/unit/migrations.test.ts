// Named migrations: each turns a stored document of its old version into one the current
// schema accepts, with the meaning the migration says; readers upgrade on read and never drop
// a document silently; no schema carries a rule the JSON Schema conversion would drop.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnreadableLog, readDoc, readRows } from '../../src/lib/data/read.ts';
import { MIGRATIONS, migrate } from '../../src/lib/domain/migrations.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import { progressUpdateSchema } from '../../src/lib/domain/progress.ts';
import { DOC_SCHEMAS } from '../../src/lib/domain/schemas.ts';

const item = loadPlan2023().items.find((i) => i.code === '2.1.3')!;

/** A progress update as version 1 stored it (before positions and the 100 % rule). */
function v1(status: string, percent: number | null, n = 1): Record<string, unknown> {
  return {
    _id: `progress:2023-09-0${n}T02:03:04.005Z:canbo:abcd123${n}`,
    _rev: '1-abc',
    type: 'progressUpdate',
    schemaVersion: 1,
    commune: 'hong-phong',
    planItemId: item._id,
    author: 'canbo',
    authorRole: 'officer',
    status,
    percent,
    value: null,
    criterionId: null,
    note: 'Cập nhật cũ',
    createdAt: `2023-09-0${n}T02:03:04.005Z`,
  };
}

describe('migrations', () => {
  it('have unique names and consecutive versions per type', () => {
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.to).toBe(m.from + 1);
  });

  describe('progressUpdate-2-positions-and-complete', () => {
    it.each([
      ['done at 40 % (the walk-through’s contradiction) becomes done at 100 %', 'done', 40, 100],
      ['done with no percent becomes 100 %', 'done', null, 100],
      ['in progress at 100 % becomes not reported', 'inProgress', 100, null],
      ['in progress at 60 % stays 60 %', 'inProgress', 60, 60],
      ['not started at 10 % becomes not reported', 'notStarted', 10, null],
      ['blocked with no percent stays so', 'blocked', null, null],
    ])('%s', (_name, status, percent, expected) => {
      const { doc, applied } = migrate(v1(status, percent));
      expect(applied).toEqual(['progressUpdate-2-positions-and-complete']);
      const parsed = progressUpdateSchema.parse(doc);
      expect(parsed).toMatchObject({ schemaVersion: 2, status, percent: expected });
      expect(parsed).toMatchObject({ authorPosition: null, itemPositions: [], _rev: '1-abc' });
    });

    it('leaves a current document alone', () => {
      const { doc } = migrate(v1('done', 40));
      expect(migrate(doc)).toEqual({ doc, applied: [] });
    });
  });

  it('a reader upgrades what it reads and counts what it cannot read, once, keeping it', () => {
    const log = new UnreadableLog();
    const broken = { ...v1('done', 40, 2), planItemId: 42 };
    const rows = [{ doc: v1('done', 40, 1) }, { doc: broken }, { doc: broken }];
    const read = readRows(progressUpdateSchema, rows, log);
    expect(read).toHaveLength(1);
    expect(read[0].percent).toBe(100);
    expect(log.count).toBe(1);
    expect(readDoc(progressUpdateSchema, { nonsense: true }, log)).toBeNull();
    expect(log.count).toBe(2);
    expect(rows[1].doc.planItemId).toBe(42);
  });
});

// ---- rules the JSON Schema conversion would drop ---------------------------------------------

/** Where a zod schema carries something `z.toJSONSchema` cannot carry to the server. */
function droppedRules(schema: unknown, path = 'doc', out: string[] = []): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
  if (!def) return out;
  const type = def.type as string;
  if (['transform', 'custom', 'promise', 'lazy', 'function'].includes(type))
    out.push(`${path}: ${type}`);
  if (type === 'pipe') out.push(`${path}: pipe (preprocess or transform)`);
  for (const check of (def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? []) {
    if (check._zod.def.check === 'custom') out.push(`${path}: refine`);
  }
  const shape = def.shape as Record<string, unknown> | undefined;
  if (shape) for (const [k, v] of Object.entries(shape)) droppedRules(v, `${path}.${k}`, out);
  for (const o of (def.options as unknown[] | undefined) ?? []) droppedRules(o, path, out);
  for (const key of ['element', 'innerType', 'valueType', 'catchall']) {
    if (def[key]) droppedRules(def[key], `${path}${key === 'element' ? '[]' : ''}`, out);
  }
  return out;
}

describe('schemas carry only rules the server enforces too', () => {
  it.each(Object.entries(DOC_SCHEMAS))('%s', (_type, schema) => {
    expect(droppedRules(schema)).toEqual([]);
    expect(() => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' })).not.toThrow();
  });

  it('the detector finds a refine, a transform and a preprocess', () => {
    const bad = z.strictObject({
      a: z.string().refine((s) => s !== 'x'),
      b: z.array(z.string().transform((s) => s.trim())),
      c: z.preprocess((v) => v, z.number()).nullable(),
    });
    expect(droppedRules(bad)).toEqual([
      'doc.a: refine',
      'doc.b[]: pipe (preprocess or transform)',
      'doc.c: pipe (preprocess or transform)',
    ]);
  });
});
