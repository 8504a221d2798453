// Every registered kind is complete: its folder has the parts the screens find by name, its
// labels say the same things in both languages, its empty details are valid, and the policy
// and the server know it (database and who may record it come from the kind).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import type { FieldSpec } from '../../src/lib/kinds/spec.ts';
import { kindRows } from '../../src/lib/kinds/ui.ts';
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

// ---- bounds and messages (issue 13: every field bounded, every refusal said per field) -----

interface JsonProp {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  pattern?: string;
  maximum?: number;
  minimum?: number;
  maxItems?: number;
  items?: JsonProp;
  anyOf?: JsonProp[];
}

/** Why a field of a details schema is unbounded, or null when it is bounded. */
function unbounded(p: JsonProp): string | null {
  if (p.anyOf) {
    const why = p.anyOf.map(unbounded).filter(Boolean);
    return why.length ? why.join('; ') : null;
  }
  const types = Array.isArray(p.type) ? (p.type as string[]) : [p.type];
  if (types.every((t) => t === 'null' || t === 'boolean')) return null;
  if (p.enum || p.const !== undefined) return null;
  if (p.type === 'string') return p.maxLength !== undefined || p.pattern ? null : 'no maxLength';
  if (p.type === 'integer' || p.type === 'number')
    return p.maximum !== undefined && p.minimum !== undefined ? null : 'no range';
  if (p.type === 'array')
    return p.maxItems === undefined ? 'no maxItems' : p.items ? unbounded(p.items) : null;
  return `type ${p.type}`;
}

describe.each(KINDS.map((k) => [k.key, k] as const))('kind %s: bounds', (key, kind) => {
  it('bounds every field of its details (length, range, items)', () => {
    const schema = z.toJSONSchema(kind.details, { io: 'input' }) as {
      properties: Record<string, JsonProp>;
    };
    const problems = Object.entries(schema.properties).flatMap(([f, p]) => {
      const why = unbounded(p);
      return why ? [`${f}: ${why}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

const SPEC_KINDS = KINDS.filter((k) => existsSync(new URL('fields.ts', folder(k.key))));

describe.each(SPEC_KINDS.map((k) => [k.key, k] as const))('kind %s: form spec', (key, kind) => {
  it('has a field with a label and its own refusal sentence, in both languages, for every detail', async () => {
    const { labels } = (await import(`../../src/lib/kinds/${key}/labels.ts`)) as {
      labels: Record<'vi' | 'en', unknown>;
    };
    const { spec } = (await import(`../../src/lib/kinds/${key}/fields.ts`)) as {
      spec: (l: unknown) => FieldSpec[];
    };
    const keys = Object.keys(kind.empty() as object).sort();
    for (const lang of ['vi', 'en'] as const) {
      const fields = spec(labels[lang]);
      expect(fields.map((f) => f.key).sort()).toEqual(keys);
      for (const f of fields) {
        expect(f.label, `${lang} ${f.key}`).not.toBe(f.key);
        expect(f.message.length, `${lang} ${f.key}`).toBeGreaterThan(10);
        if ('options' in f.control) {
          for (const [value, label] of f.control.options) expect(label).not.toBe(value);
        }
      }
      // Messages are per field: no two fields share one unless they say the same kind of fact.
      expect(new Set(fields.map((f) => f.message)).size).toBeGreaterThan(fields.length / 2);
    }
  });

  it('shows every detail on the record page, options by their words', async () => {
    const { labels } = (await import(`../../src/lib/kinds/${key}/labels.ts`)) as {
      labels: Record<'vi' | 'en', { name: string }>;
    };
    const check = { kind: key, details: kind.empty() } as unknown as FieldCheck;
    const rows = kindRows(check, (v) => (v === null || v === '' ? '—' : String(v)));
    expect(rows.length).toBe(Object.keys(kind.empty() as object).length);
    expect(labels.vi.name.length).toBeGreaterThan(3);
  });
});
