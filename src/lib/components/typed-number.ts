// What a number field holds for what was typed: the number, null for nothing, or — while the
// text cannot be read as a number — the typed text itself, with the sentence saying why. The
// text stays the value so a form's draft (JSON in the person's DeviceStore) keeps it across a
// reload; NaN would come back as null and the typing would be lost. The schemas refuse text
// where a number belongs, so it is never saved.
import { fieldMessage } from '$lib/data/field-messages';
import type { Problem } from '$lib/domain/problems';
import { numberText, readNumber } from '$lib/i18n/numbers';

export type TypedNumber = number | string | null;

/**
 * The value to keep for `text` typed in the field called `label`, and what is wrong with it;
 * `whole` when the field takes whole numbers only (its example then has no decimals).
 */
export function typedNumber(
  text: string,
  label: string,
  whole = false,
): { value: TypedNumber; message: string } {
  const read = readNumber(text);
  if ('value' in read) return { value: read.value, message: '' };
  const problem: Problem =
    read.problem === 'number' ? { code: 'number', whole } : { code: read.problem };
  return { value: text, message: fieldMessage(problem, label) };
}

/** The text a field shows for a kept value: typed text as it was, a number written out. */
export const typedText = (value: TypedNumber | undefined): string =>
  typeof value === 'string' ? value : numberText(value);
