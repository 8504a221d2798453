// Every registered kind is complete: its folder has the parts the screens find by name, its
// labels say the same things in both languages, its empty details are valid, and the policy
// and the server know it (database and who may record it come from the kind).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyInput, newFieldCheck } from '../../src/lib/domain/field-check-factory.ts';
import { fieldCheckSchema } from '../../src/lib/domain/field-check.ts';
import { POLICY } from '../../src/lib/domain/policy/index.ts';
import { ROLES } from '../../src/lib/domain/roles.ts';
import { KINDS } from '../../src/lib/kinds/index.ts';

const folder = (key: string) => new URL(`../../src/lib/kinds/${key}/`, import.meta.url);

function shape(o: unknown): unknown {
  if (typeof o !== 'object' || o === null) return typeof o;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)]));
}

describe.each(KINDS.map((k) => [k.key, k] as const))('kind %s', (key, kind) => {
  it('has its folder: kind.ts, labels.ts, rows.ts, Fields.svelte', () => {
    for (const f of ['kind.ts', 'labels.ts', 'rows.ts', 'Fields.svelte'])
      expect(existsSync(new URL(f, folder(key))), f).toBe(true);
  });

  it('has labels in Vietnamese and English with the same keys', async () => {
    const { labels } = (await import(`../../src/lib/kinds/${key}/labels.ts`)) as {
      labels: { vi: { name: string }; en: { name: string } };
    };
    expect(shape(labels.en)).toEqual(shape(labels.vi));
    expect(labels.vi.name).not.toBe(labels.en.name);
  });

  it('makes a valid empty record, and the policy knows its database and recorders', () => {
    const input = emptyInput(key, new Date());
    input.hamlet = 'Thôn Nà Cạn';
    const author = { name: 'canbo', role: kind.recorders[0], commune: 'hong-phong' };
    expect(fieldCheckSchema.safeParse(newFieldCheck(input, author, new Date())).success).toBe(true);
    expect(POLICY.types.fieldCheck.kinds[key]).toEqual({
      db: kind.db,
      creators: [...kind.recorders],
    });
    for (const r of kind.recorders) expect(ROLES).toContain(r);
  });
});
