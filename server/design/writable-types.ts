// Document types besides field checks, with who may write them. Append-only by default: a
// document is added once and never changed, and its `author` must be the signed-in user.
// `editable` types (the plan and its items) may be changed later by their writers; they carry
// no author.
import type { z } from 'zod';
import { DOC_TYPES } from '../../src/lib/domain/constants.ts';
import { PLAN_WRITERS, planItemSchema, planSchema } from '../../src/lib/domain/plan.ts';
import { PROGRESS_WRITERS, progressUpdateSchema } from '../../src/lib/domain/progress.ts';
import type { DbRole } from '../../src/lib/domain/permissions.ts';
import type { Role } from '../../src/lib/domain/roles.ts';

export interface DocWriters {
  writers: Role[];
  /** The database the type lives in (default: the commune log). */
  db?: DbRole;
  /** Writers may also change an existing document (default: append-only). */
  editable?: boolean;
}

export const extraSchemas: Record<string, z.ZodType> = {
  [DOC_TYPES.progressUpdate]: progressUpdateSchema,
  [DOC_TYPES.plan]: planSchema,
  [DOC_TYPES.planItem]: planItemSchema,
};

export const DOC_WRITERS: Record<string, DocWriters> = {
  [DOC_TYPES.progressUpdate]: { writers: [...PROGRESS_WRITERS] },
  [DOC_TYPES.plan]: { writers: [...PLAN_WRITERS], editable: true },
  [DOC_TYPES.planItem]: { writers: [...PLAN_WRITERS], editable: true },
};
