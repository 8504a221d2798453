// Builds Fieldbook's design documents from the domain modules: the zod schemas become JSON
// Schemas, the policy table (src/lib/domain/policy/table.ts) is copied in with the refusal
// messages, and both are embedded in the ES5 validator, whose interpreter reads the table.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOC_SCHEMAS } from '../../src/lib/domain/schemas.ts';
import type { DbRole } from '../../src/lib/domain/constants.ts';
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
  fieldbook: { commune: string; dbRole: DbRole };
}

/** "Vietnamese sentence. (english reason)": the person reads the first, tests match the second. */
function refusalMessages(): Record<string, string> {
  const out: Record<string, string> = { invalid: vi.policy.invalid };
  for (const r of REASONS) out[r] = `${vi.policy[r]} (${en.policy[r]})`;
  return out;
}

export function validatorConfig(commune: string, dbRole: DbRole) {
  const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'throw' });
  const schemas: Record<string, unknown> = {};
  for (const [type, schema] of Object.entries(DOC_SCHEMAS)) schemas[type] = toSchema(schema);
  return { commune, dbRole, schemas, policy: POLICY, messages: refusalMessages() };
}

export function validatorSource(commune: string, dbRole: DbRole): string {
  const body = template.slice(template.indexOf('function validate('));
  return body
    .replace('function validate(', 'function (')
    .replace('__CONFIG__', JSON.stringify(validatorConfig(commune, dbRole)))
    .trim();
}

export function buildDesignDoc(commune: string, dbRole: DbRole): DesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: validatorSource(commune, dbRole),
    fieldbook: { commune, dbRole },
  };
}
