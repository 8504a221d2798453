// The evidence index: for every field check linked to plan items, the year in Vietnam its work
// started and the item codes it names. Counts per item for any plan period come from the
// index's totals (a handful of entries), never from reading the checks again.
import { countIndexOf, type CountIndex } from './count-index';
import type { Db } from '../pouch-types';

/** The year in Vietnam of an ISO instant. */
export const vnYear = (iso: string) => new Date(Date.parse(iso) + 7 * 3600_000).getUTCFullYear();

/** `2024|2.1.1,2.3.7`: the year the work started and the distinct codes, or null. */
export function evidenceEntry(doc: Record<string, unknown>): string | null {
  if (doc.type !== 'fieldCheck' || typeof doc.startedAt !== 'string') return null;
  if (!Array.isArray(doc.planItems)) return null;
  const codes = [...new Set(doc.planItems.filter((c): c is string => typeof c === 'string'))];
  const year = vnYear(doc.startedAt);
  if (!codes.length || !Number.isFinite(year)) return null;
  return `${year}|${codes.sort().join(',')}`;
}

export function parseEntry(entry: string): { year: number; codes: string[] } {
  const [year, codes] = entry.split('|');
  return { year: Number(year), codes: codes.split(',') };
}

export function evidenceIndexOf(db: Db): CountIndex {
  return countIndexOf(db, {
    name: 'evidence',
    version: 1,
    relevant: (id) => id.startsWith('check:'),
    entryOf: evidenceEntry,
  });
}
