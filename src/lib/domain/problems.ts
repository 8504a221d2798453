// What is wrong with one field, as data: the forms turn a Problem and the field's label into a
// sentence (src/lib/data/field-messages.ts), so nobody ever reads a validator's own text.
// `problemOf` reads a zod issue; form code makes the others (a number it cannot read, an end
// before the start, a hamlet not on the list) directly.
import { z } from 'zod';

export type Problem =
  /** Nothing (or only spaces) where something is needed. */
  | { code: 'required' }
  /** Not a number at all ("12a"); `whole` when the field takes whole numbers only. */
  | { code: 'number'; whole?: boolean }
  /** The thousands sign where the decimal sign belongs ("1.5" in Vietnamese, "1,5" in English). */
  | { code: 'decimalMark' }
  /** A number outside its bounds, or not whole where it must be. */
  | { code: 'range'; min: number | null; max: number | null; whole: boolean }
  | { code: 'tooLong'; max: number }
  | { code: 'tooMany'; max: number }
  /** Not one of the offered choices. */
  | { code: 'choice' }
  /** Neither yes nor no. */
  | { code: 'yesNo' }
  /** Not a date and time. */
  | { code: 'time' }
  /** Not a calendar day (a reply due, a posting's first day). */
  | { code: 'date' }
  | { code: 'endBeforeStart' }
  | { code: 'tooFarAhead' }
  /** Text in a shape the field does not take (a code, a name). */
  | { code: 'format' };

export type ProblemCode = Problem['code'];

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** The schema that checks the value at `path` inside `root` (null when it cannot be told). */
export function schemaAt(
  root: AnySchema,
  path: readonly PropertyKey[],
  value: unknown,
): AnySchema | null {
  let schema: AnySchema | null = root;
  let here: unknown = value;
  for (const key of path) {
    schema = schema ? unwrap(schema, here) : null;
    if (!schema) return null;
    const def = schema._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object') {
      schema = (def.shape as Record<string, AnySchema>)[String(key)] ?? null;
    } else if (def.type === 'array') {
      schema = def.element as AnySchema;
    } else return null;
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : null;
  }
  return schema ? unwrap(schema, here) : null;
}

/** Through nullable/optional wrappers and, by its discriminator, into a union's option. */
function unwrap(schema: AnySchema, value: unknown): AnySchema | null {
  let s: AnySchema = schema;
  for (;;) {
    const def = s._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') {
      s = def.innerType as AnySchema;
    } else if (def.type === 'union') {
      const options = def.options as AnySchema[];
      const disc = def.discriminator as string | undefined;
      const tag = disc && value && typeof value === 'object' ? (value as never)[disc] : undefined;
      const found = options.find((o) => {
        const shape = (o._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
        const lit = shape && disc ? shape[disc]?._zod.def : undefined;
        return !!lit && (lit as unknown as { values?: unknown[] }).values?.includes(tag);
      });
      if (!found) return null;
      s = found;
    } else return s;
  }
}

/** Whether a number schema takes whole numbers only (a count). */
export const wholeNumber = (schema: AnySchema | null) => bounds(schema).whole;

/** A number schema's bounds and whether it takes whole numbers only. */
function bounds(schema: AnySchema | null) {
  const n = schema as unknown as { minValue?: number | null; maxValue?: number | null };
  const isInt = (schema as unknown as { isInt?: boolean } | null)?.isInt ?? false;
  const finite = (v: number | null | undefined) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : null;
  return { min: finite(n?.minValue), max: finite(n?.maxValue), whole: isInt };
}

/** The problem a zod issue names, with the field's bounds read from the schema at its path. */
export function problemOf(issue: Issue, root?: AnySchema, value?: unknown): Problem {
  const field = () => (root ? schemaAt(root, issue.path, value) : null);
  const range = (): Problem => ({ code: 'range', ...bounds(field()) });
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected);
      if (expected === 'boolean') return { code: 'yesNo' };
      if (expected !== 'int' && expected !== 'number') return { code: 'required' };
      // 2.5 for a whole number is out of the field's range; NaN or text is no number at all.
      const got = (issue as { received?: string }).received;
      return expected === 'int' && got === undefined
        ? range()
        : { code: 'number', whole: expected === 'int' || bounds(field()).whole };
    }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return range();
      return { code: 'required' };
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return range();
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'tooMany', max: Number(issue.maximum) };
      return { code: 'tooLong', max: Number(issue.maximum) };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'choice' };
    case 'invalid_format':
      if (issue.format === 'date') return { code: 'date' };
      return issue.format === 'datetime' || issue.format === 'time'
        ? { code: 'time' }
        : { code: 'format' };
    case 'not_multiple_of':
      return range();
    default:
      return { code: 'format' };
  }
}
