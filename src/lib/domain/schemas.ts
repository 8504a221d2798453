// Every document type's schema, by type: the server converts each to JSON Schema for
// validate_doc_update, the readers parse with them, the agreement tests cover each.
import type { z } from 'zod';
import { DOC_TYPES } from './constants';
import { fieldCheckSchema } from './field-check';
import { hamletSchema } from './hamlet';
import { planItemSchema, planSchema } from './plan';
import { photoDocSchema } from './photos';
import { progressUpdateSchema } from './progress';
import { reviewSchema } from './review';
import { taskEventSchema, taskSchema } from './task';
import { outcomeSchema, resolutionSchema } from './conflict';
import { deviceSyncSchema } from './device-sync';

export const DOC_SCHEMAS = {
  [DOC_TYPES.fieldCheck]: fieldCheckSchema,
  [DOC_TYPES.progressUpdate]: progressUpdateSchema,
  [DOC_TYPES.review]: reviewSchema,
  [DOC_TYPES.plan]: planSchema,
  [DOC_TYPES.planItem]: planItemSchema,
  [DOC_TYPES.hamlet]: hamletSchema,
  [DOC_TYPES.photo]: photoDocSchema,
  [DOC_TYPES.task]: taskSchema,
  [DOC_TYPES.taskEvent]: taskEventSchema,
  [DOC_TYPES.conflictResolution]: resolutionSchema,
  [DOC_TYPES.conflictOutcome]: outcomeSchema,
  [DOC_TYPES.deviceSync]: deviceSyncSchema,
} satisfies Record<string, z.ZodType>;

export type SchemaType = keyof typeof DOC_SCHEMAS;
