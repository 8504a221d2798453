// Schema failures as data a form can turn into sentences, field by field
// (src/lib/data/field-messages.ts): the path and what is wrong there, never zod's own text.
import type { z } from 'zod';
import { problemOf, type Problem } from '$lib/domain/problems';

export interface FieldError {
  path: string;
  problem: Problem;
}

export class ValidationError extends Error {
  constructor(public readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.path}: ${f.problem.code}`).join('; '));
    this.name = 'ValidationError';
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((i) => ({
      path: i.path.join('.'),
      problem: problemOf(i, schema, value),
    })),
  );
}
