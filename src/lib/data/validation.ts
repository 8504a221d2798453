// Turning schema failures into messages a person can act on, field by field, in Vietnamese.
import { z } from 'zod';

// Zod's own messages in Vietnamese ("Dữ liệu không hợp lệ…") for everything not overridden.
z.config(z.locales.vi());

export interface FieldError {
  path: string;
  message: string;
}

export class ValidationError extends Error {
  constructor(public readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.path}: ${f.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}
