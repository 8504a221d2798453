// THE mapping from what is wrong with a field to the sentence a person reads, for every form:
// a Problem (src/lib/domain/problems.ts) and the field's label become "Số hộ được kiểm tra
// phải là số nguyên từ 0 đến 1.000.000."; a field may say its own sentence instead
// (t.forms.fields, or a kind's `labels.errors` for its details). Never shows a validator's text.
import { formatNumber } from '$lib/i18n/numbers';
import type { Problem, ProblemCode } from '$lib/domain/problems';
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
 * The problems a field's own sentence (a kind's `labels.errors`: "Hãy chọn một hình thức trong
 * danh sách.", "Hạn trả lời phải là một ngày hợp lệ (ngày/tháng/năm).") says better than the
 * general one: what to choose, which shape a value takes. Bounds (range, length) keep the
 * general sentence, whose numbers are read from the schema and cannot go stale; typing that is
 * no number at all, and nothing typed, keep theirs ("… phải là một số, ví dụ 1.500 hoặc 2,5.").
 */
const OWN_SENTENCE_CODES: ReadonlySet<ProblemCode> = new Set([
  'choice',
  'tooMany',
  'yesNo',
  'time',
  'date',
  'format',
]);

/**
 * The sentence for `problem` in the field called `label` (its visible label); `path` names the
 * field for the sentences a field says instead (t.forms.fields); `ownSentence` is the field's
 * own sentence for a value not among its choices or not of its shape (a kind's
 * `labels.errors`).
 */
export function fieldMessage(
  problem: Problem,
  label: string,
  path = '',
  ownSentence?: string,
): string {
  const own = t.forms.fields[fieldKey(path)] ?? {};
  if (own[problem.code]) return own[problem.code];
  if (ownSentence && OWN_SENTENCE_CODES.has(problem.code)) return ownSentence;
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
    case 'number':
      return p.number(name, problem.whole);
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
 * gives the label the form shows for a path (undefined: "Mục này"), `sentenceOf` the field's
 * own sentence, if it has one.
 */
export function formErrors(
  err: ValidationError,
  labelOf: (path: string) => string | undefined,
  sentenceOf: (path: string) => string | undefined = () => undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of err.fields)
    out[f.path] ??= fieldMessage(
      f.problem,
      labelOf(f.path) ?? t.forms.thisField,
      f.path,
      sentenceOf(f.path),
    );
  return out;
}

/** A kind's words for its details, as they sit in its labels.ts. */
type KindWords = Record<string, unknown> & {
  fields?: Record<string, unknown>;
  errors?: Record<string, unknown>;
};
const kindWords = (kind: FieldCheckKind) => kindLabels(kind) as unknown as KindWords;
const detailField = (path: string) => {
  const key = fieldKey(path);
  return key.startsWith('details.') ? key.slice('details.'.length) : null;
};

/** The field-check form's messages for a refused save: every field of every kind by its words. */
export const checkFormErrors = (kind: FieldCheckKind, err: ValidationError) =>
  formErrors(
    err,
    (path) => checkFieldLabel(kind, path),
    (path) => checkFieldSentence(kind, path),
  );

/** A kind's own sentence for one of its details (`errors.<field>` in its labels.ts). */
export function checkFieldSentence(kind: FieldCheckKind, path: string): string | undefined {
  const field = detailField(path);
  const own = field === null ? undefined : kindWords(kind).errors?.[field];
  return typeof own === 'string' ? own : undefined;
}

/**
 * The label the field-check form shows for `path`: a common field's (t.form), or a kind's own
 * field's (`details.<field>` is `fields.<field>`, or `<field>`, in the kind's labels.ts).
 */
export function checkFieldLabel(kind: FieldCheckKind, path: string): string | undefined {
  const key = fieldKey(path);
  const field = detailField(path);
  if (field !== null) {
    // A kind's labels keep field names under `fields` (a spec'd kind) or at the top.
    const words = kindWords(kind);
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
