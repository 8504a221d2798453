// The kinds' Vietnamese words for the report (an official document is Vietnamese whatever the
// interface language), and which detail fields are counts worth adding up: those of the
// shared `count` type (people, households, cases: whole numbers up to a million).
import { z } from 'zod';
import { KINDS } from '$lib/kinds';

interface Labels {
  name: string;
  fields?: Record<string, string>;
}
const labelMods = import.meta.glob<{ vi: Labels }>('../kinds/*/labels.ts', {
  eager: true,
  import: 'labels',
});

const labelsOf = (kind: string): Labels | undefined => labelMods[`../kinds/${kind}/labels.ts`]?.vi;

export const kindNameVi = (kind: string): string => labelsOf(kind)?.name ?? kind;

type JsonSchema = { type?: string; maximum?: number; anyOf?: JsonSchema[] };
const isCount = (s: JsonSchema | undefined): boolean =>
  !!s && ((s.type === 'integer' && s.maximum === 1_000_000) || !!s.anyOf?.some(isCount));

const cache = new Map<string, Record<string, string>>();

/** The kind's count fields and their labels: `{ householdsChecked: 'Số hộ được kiểm tra' }`. */
export function figureLabels(kind: string): Record<string, string> {
  const hit = cache.get(kind);
  if (hit) return hit;
  const def = KINDS.find((k) => k.key === kind);
  const out: Record<string, string> = {};
  if (def) {
    const schema = z.toJSONSchema(def.details, { io: 'input' }) as {
      properties?: Record<string, JsonSchema>;
    };
    const labels = labelsOf(kind)?.fields ?? {};
    for (const [key, s] of Object.entries(schema.properties ?? {}))
      if (isCount(s) && labels[key]) out[key] = labels[key];
  }
  cache.set(kind, out);
  return out;
}
