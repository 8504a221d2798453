// THE list of kinds of field check. Adding a kind: a folder beside this file (kind.ts,
// labels.ts, Fields.svelte, Details.svelte — see src/lib/README.md) and one line here.
import { environment } from './environment/kind';
import { hamletMeeting } from './hamletMeeting/kind';
import { security } from './security/kind';

export const KINDS = [environment, hamletMeeting, security] as const;

export type Kinds = typeof KINDS;
export type FieldCheckKind = Kinds[number]['key'];
export const FIELD_CHECK_KINDS = KINDS.map((k) => k.key) as FieldCheckKind[];

const byKey = new Map<string, Kinds[number]>(KINDS.map((k) => [k.key, k]));

/** The kind `key`, or undefined for a key no kind has (an old app, a hostile document). */
export const kindOf = (key: string) => byKey.get(key);
