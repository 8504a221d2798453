// Which of a kind's number fields take whole numbers only (counts), read from its details
// schema: the field-check form tells its fields through a Svelte context, so a count's
// message gives a whole example ("ví dụ 15 hoặc 1.500") and an area's a decimal one ("2,5").
import { schemaAt, wholeNumber } from '../domain/problems';
import { kindOf } from './index';

export const WHOLE_NUMBERS = Symbol('whole-numbers');

/** Whether detail `key` takes whole numbers only. */
export type WholeOf = (key: string) => boolean;

export function wholeDetailsOf(kind: string): WholeOf {
  const details = kindOf(kind)?.details;
  return (key) => (details ? wholeNumber(schemaAt(details, [key], {})) : false);
}
