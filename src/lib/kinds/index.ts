// THE list of kinds of field check. Adding a kind: a folder beside this file (kind.ts,
// labels.ts, Fields.svelte, rows.ts — see src/lib/README.md) and one line here.
import { environment } from './environment/kind';
import { hamletMeeting } from './hamletMeeting/kind';
import { security } from './security/kind';
import { citizenReception } from './citizenReception/kind';
import { disclosure } from './disclosure/kind';
import { outreach } from './outreach/kind';
import { oneStopCheck } from './oneStopCheck/kind';
import { citizenFeedback } from './citizenFeedback/kind';

export const KINDS = [
  environment,
  hamletMeeting,
  security,
  citizenReception,
  disclosure,
  outreach,
  oneStopCheck,
  citizenFeedback,
] as const;

export type Kinds = typeof KINDS;
export type FieldCheckKind = Kinds[number]['key'];
export const FIELD_CHECK_KINDS = KINDS.map((k) => k.key) as FieldCheckKind[];

const byKey = new Map<string, Kinds[number]>(KINDS.map((k) => [k.key, k]));

/** The kind `key`, or undefined for a key no kind has (an old app, a hostile document). */
export const kindOf = (key: string) => byKey.get(key);
