// Builds Fieldbook's design documents from the domain modules: the zod schemas become JSON
// Schemas, the policy table (src/lib/domain/policy/table.ts) is copied in with the refusal
// messages, and both are embedded in the ES5 validator, whose interpreter reads the table.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOC_SCHEMAS } from '../../src/lib/domain/schemas.ts';
import type { StoreRole } from '../../src/lib/domain/constants.ts';
import { POLICY, REASONS } from '../../src/lib/domain/policy/index.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { vi } from '../../src/lib/i18n/vi.ts';

const template = readFileSync(new URL('./validate_doc_update.js', import.meta.url), 'utf8');

export const DESIGN_DOC_ID = '_design/fieldbook';

export interface DesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  fieldbook: { commune: string; dbRole: StoreRole };
}

/** "Vietnamese sentence. (english reason)": the person reads the first, tests match the second. */
function refusalMessages(): Record<string, string> {
  const out: Record<string, string> = { invalid: vi.policy.invalid };
  for (const r of REASONS) out[r] = `${vi.policy[r]} (${en.policy[r]})`;
  return out;
}

/** Subschemas at least this long (JSON characters) are kept once when they repeat. */
const SHARED_MIN_CHARS = 120;

/**
 * Every subschema that occurs more than once (the common fields and photos of each kind's
 * variant, repeated counts and texts) is kept once in `defs` and referred to by
 * `{"$ref": "#/$defs/<n>"}`: the validator builds its configuration at every document, so a
 * smaller one is a faster one (each kind of record repeats the whole common part).
 */
export function shareRepeated(schemas: Record<string, unknown>) {
  type Schema = Record<string, unknown>;
  const isSchema = (v: unknown): v is Schema =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  /** The subschemas of a schema, by the keywords the validator reads. */
  const children = (s: Schema): [string, string | number | null, Schema][] => {
    const out: [string, string | number | null, Schema][] = [];
    if (isSchema(s.properties))
      for (const [k, v] of Object.entries(s.properties))
        if (isSchema(v)) out.push(['properties', k, v]);
    if (isSchema(s.items)) out.push(['items', null, s.items]);
    if (isSchema(s.additionalProperties))
      out.push(['additionalProperties', null, s.additionalProperties]);
    for (const kw of ['anyOf', 'oneOf', 'allOf'])
      if (Array.isArray(s[kw]))
        (s[kw] as unknown[]).forEach((v, i) => isSchema(v) && out.push([kw, i, v]));
    return out;
  };
  const seen = new Map<string, number>();
  const count = (s: Schema) => {
    const key = JSON.stringify(s);
    if (key.length >= SHARED_MIN_CHARS) seen.set(key, (seen.get(key) ?? 0) + 1);
    for (const [, , c] of children(s)) count(c);
  };
  Object.values(schemas).filter(isSchema).forEach(count);
  const defs: Record<string, unknown> = {};
  const names = new Map<string, string>();
  const share = (s: Schema, top = false): Schema => {
    const key = JSON.stringify(s);
    if (!top && (seen.get(key) ?? 0) > 1) {
      let name = names.get(key);
      if (!name) {
        name = String(names.size);
        names.set(key, name);
        defs[name] = share(s, true);
      }
      return { $ref: `#/$defs/${name}` };
    }
    const out: Schema = { ...s };
    for (const [kw, at, c] of children(s)) {
      if (at === null) out[kw] = share(c);
      else if (typeof at === 'number') {
        out[kw] = [...(out[kw] as unknown[])];
        (out[kw] as unknown[])[at] = share(c);
      } else out[kw] = { ...(out[kw] as Schema), [at]: share(c) };
    }
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const [type, schema] of Object.entries(schemas))
    out[type] = isSchema(schema) ? share(schema, true) : schema;
  return { schemas: out, defs };
}

export function validatorConfig(commune: string, dbRole: StoreRole) {
  const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'throw' });
  const full: Record<string, unknown> = {};
  for (const [type, schema] of Object.entries(DOC_SCHEMAS)) full[type] = toSchema(schema);
  const { schemas, defs } = shareRepeated(full);
  return { commune, dbRole, schemas, defs, policy: POLICY, messages: refusalMessages() };
}

export function validatorSource(commune: string, dbRole: StoreRole): string {
  const body = template.slice(template.indexOf('function validate('));
  return body
    .replace('function validate(', 'function (')
    .replace('__CONFIG__', JSON.stringify(validatorConfig(commune, dbRole)))
    .trim();
}

export function buildDesignDoc(commune: string, dbRole: StoreRole): DesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: validatorSource(commune, dbRole),
    fieldbook: { commune, dbRole },
  };
}
