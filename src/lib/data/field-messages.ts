// THE mapping from what is wrong with a field to the sentence a person reads, for every form:
// a Problem (src/lib/domain/problems.ts) and the field's label become "Số hộ được kiểm tra
// phải là số nguyên từ 0 đến 1.000.000."; a field may say its own sentence instead
// (t.forms.fields). Never shows a validator's text.
import { formatNumber } from '$lib/domain/numbers';
import type { Problem } from '$lib/domain/problems';
import type { FieldCheckKind } from '$lib/domain/field-check';
import { t } from '$lib/i18n';
import { kindLabels } from '$lib/kinds/ui';
import type { ValidationError } from './validation';

/** "details.households" for "details.households" and "planItems.2" → "planItems". */
export const fieldKey = (path: string) =>
  path
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .join('.');

/**
 * The sentence for `problem` in the field called `label` (its visible label); `path` names the
 * field for the sentences a field says instead (t.forms.fields).
 */
export function fieldMessage(problem: Problem, label: string, path = ''): string {
  const own = t.forms.fields[fieldKey(path)] ?? {};
  if (own[problem.code]) return own[problem.code];
  const name = own.name ?? (label.trim() || t.forms.thisField);
  const p = t.forms.problems;
  switch (problem.code) {
    case 'range': {
      const { min, max, whole } = problem;
      if (min !== null && max !== null)
        return p.between(name, formatNumber(min), formatNumber(max), whole);
      if (min !== null) return p.atLeast(name, formatNumber(min), whole);
      if (max !== null) return p.atMost(name, formatNumber(max), whole);
      return whole ? p.whole(name) : p.number(name);
    }
    case 'tooLong':
      return p.tooLong(name, formatNumber(problem.max));
    case 'tooMany':
      return p.tooMany(name, formatNumber(problem.max));
    default:
      return p[problem.code](name);
  }
}

/**
 * A refused save's fields as messages by path, the first problem of each field; `labelOf`
 * gives the label the form shows for a path (undefined: "Mục này").
 */
export function formErrors(
  err: ValidationError,
  labelOf: (path: string) => string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of err.fields)
    out[f.path] ??= fieldMessage(f.problem, labelOf(f.path) ?? t.forms.thisField, f.path);
  return out;
}

/**
 * The label the field-check form shows for `path`: a common field's (t.form), or a kind's own
 * field's (`details.<field>` is `fields.<field>`, or `<field>`, in the kind's labels.ts).
 */
export function checkFieldLabel(kind: FieldCheckKind, path: string): string | undefined {
  const key = fieldKey(path);
  if (key.startsWith('details.')) {
    // A kind's labels keep field names under `fields` (a spec'd kind) or at the top.
    const words = kindLabels(kind) as unknown as Record<string, unknown> & {
      fields?: Record<string, unknown>;
    };
    const field = key.slice('details.'.length);
    const own = words.fields?.[field] ?? words[field];
    return typeof own === 'string' ? own : undefined;
  }
  const common: Record<string, unknown> = {
    ...t.form,
    'followUp.what': t.form.followUp,
    'followUp.who': t.form.followUpWho,
    'followUp.due': t.form.followUpDue,
  };
  const own = common[key];
  return typeof own === 'string' ? own : undefined;
}
