// The screens' side of the kinds: labels, form fields and detail rows, found by folder
// (`<kind>/labels.ts`, `<kind>/Fields.svelte`, `<kind>/rows.ts`) for every kind of the list in
// ./index.ts — so adding a kind touches its folder and that list, nothing here.
import type { Component } from 'svelte';
import { locale } from '$lib/i18n';
import type { FieldCheck } from '$lib/domain/field-check';
import type { Row, Show } from './define-ui';
import type { FieldCheckKind } from './index';

interface Labels {
  name: string;
}
type Bilingual = { vi: Labels; en: Labels };
type RowsFn = (details: never, labels: never, show: Show) => Row[];
/** A kind's form fields: `details` bound, errors by `details.<field>` path. */
export type FieldsComponent = Component<
  { details: never; errors: Record<string, string> },
  object,
  'details'
>;

const labelMods = import.meta.glob<Bilingual>('./*/labels.ts', { eager: true, import: 'labels' });
const rowMods = import.meta.glob<RowsFn>('./*/rows.ts', { eager: true, import: 'rows' });
const fieldMods = import.meta.glob<FieldsComponent>('./*/Fields.svelte', {
  eager: true,
  import: 'default',
});

function part<T>(mods: Record<string, T>, kind: string, file: string): T {
  const found = mods[`./${kind}/${file}`];
  if (!found) throw new Error(`kind ${kind} has no ${file}`);
  return found;
}

/** The kind's words in the interface language. */
export const kindLabels = (kind: FieldCheckKind): Labels =>
  part(labelMods, kind, 'labels.ts')[locale];

/** "Kiểm tra môi trường", … */
export const kindName = (kind: FieldCheckKind): string => kindLabels(kind).name;

export const kindFields = (kind: FieldCheckKind): FieldsComponent =>
  part(fieldMods, kind, 'Fields.svelte');

/** The detail page's rows for a record's details. */
export function kindRows(check: FieldCheck, show: Show): Row[] {
  const rows = part(rowMods, check.kind, 'rows.ts') as unknown as (
    d: unknown,
    l: Labels,
    s: Show,
  ) => Row[];
  return rows(check.details, kindLabels(check.kind), show);
}
