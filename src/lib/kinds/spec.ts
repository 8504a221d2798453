// A kind's form, described once: which control each detail field uses, its label, its options
// and the sentence said when the value is refused. `FieldList.svelte` renders the form from it
// and `specRows` the detail page's rows, so a kind's Fields.svelte and rows.ts are one line
// each and the markup lives in one place.
import { formatDate } from '../domain/dates';
import type { Row, Show } from './define-ui';

export type Options = readonly (readonly [value: string, label: string])[];

export type Control =
  | { type: 'select'; options: Options }
  /** Several of a list (stored as an array of option values). */
  | { type: 'multi'; options: Options }
  | { type: 'number' }
  | { type: 'text' }
  | { type: 'textarea' }
  /** A yes/no fact (a boolean). */
  | { type: 'check' }
  /** Yes / no / not known (a boolean or null). */
  | { type: 'tri' }
  /** A calendar day (`YYYY-MM-DD` or null). */
  | { type: 'date' };

export interface FieldSpec {
  key: string;
  /** The element id (stable: tests and labels find fields by it). */
  id: string;
  label: string;
  control: Control;
  /** The field's own sentence for a refused value (bounds in words; the kind's labels.errors,
   * which src/lib/data/field-messages.ts says for a value not among its choices). */
  message: string;
  /** Shown only when this holds (e.g. vote counts only for an election). */
  when?: (details: Record<string, unknown>) => boolean;
}

/** Options from a list of values and their labels, in the list's order. */
export const options = (values: readonly string[], labels: Record<string, string>): Options =>
  values.map((v) => [v, labels[v] ?? v] as const);

/** Turns `{ key: [control, ...] }` with labels and messages into a spec (ids `<prefix>-<key>`). */
export function specOf(
  prefix: string,
  fields: Record<string, Control>,
  labels: Record<string, string>,
  messages: Record<string, string>,
  when: Record<string, FieldSpec['when']> = {},
): FieldSpec[] {
  return Object.entries(fields).map(([key, control]) => ({
    key,
    id: `${prefix}-${key}`,
    label: labels[key] ?? key,
    control,
    message: messages[key] ?? '',
    when: when[key],
  }));
}

const labelOf = (o: Options, v: unknown) => o.find(([value]) => value === v)?.[1];

/** The detail page's rows for `details`, in the form's order. */
export function specRows(spec: FieldSpec[], details: Record<string, unknown>, show: Show): Row[] {
  return spec.map((f): Row => {
    const v = details[f.key];
    const c = f.control;
    if (c.type === 'select') return [f.label, labelOf(c.options, v) ?? show(v)];
    if (c.type === 'multi') {
      const list = Array.isArray(v) ? v.map((x) => labelOf(c.options, x) ?? String(x)) : [];
      return [f.label, show(list.join(', '))];
    }
    if (c.type === 'date') return [f.label, typeof v === 'string' && v ? formatDate(v) : show(v)];
    return [f.label, show(v)];
  });
}
