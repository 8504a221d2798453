// Builds Fieldbook's design documents from the domain modules: the zod schemas become JSON
// Schemas, the permission tables are copied in, and both are embedded in the ES5 validator.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DOC_TYPES } from '../../src/lib/domain/constants.ts';
import { fieldCheckSchema } from '../../src/lib/domain/field-check.ts';
import {
  KIND_RULES,
  REVIEW_FIELDS,
  REVIEWER_ROLES,
  type DbRole,
} from '../../src/lib/domain/permissions.ts';
import { DOC_WRITERS, extraSchemas } from './writable-types.ts';

const template = readFileSync(new URL('./validate_doc_update.js', import.meta.url), 'utf8');

export const DESIGN_DOC_ID = '_design/fieldbook';

export interface DesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  fieldbook: { commune: string; dbRole: DbRole };
}

export function validatorConfig(commune: string, dbRole: DbRole) {
  const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'throw' });
  const schemas: Record<string, unknown> = { [DOC_TYPES.fieldCheck]: toSchema(fieldCheckSchema) };
  for (const [type, schema] of Object.entries(extraSchemas)) schemas[type] = toSchema(schema);
  return {
    commune,
    dbRole,
    schemas,
    kinds: KIND_RULES,
    types: DOC_WRITERS,
    reviewerRoles: REVIEWER_ROLES,
    reviewFields: REVIEW_FIELDS,
  };
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
