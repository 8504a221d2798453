// The review indexes: which records are sent (and in which version), and which versions have
// verdicts. The review queue and the author's "returned" list come from these few entries,
// kept up to date as records and reviews are saved or arrive, never from reading every record.
import { parseId } from '$lib/domain/ids';
import { countIndexOf, type CountIndex } from './count-index';
import type { Db } from '../pouch-types';

/** A field check's status and version: `submitted|3-abc`; null for anything else. */
export function statusEntry(doc: Record<string, unknown>): string | null {
  if (doc.type !== 'fieldCheck' || typeof doc.status !== 'string') return null;
  return `${doc.status}|${String(doc._rev)}`;
}

/** A review's record, version and verdict: `<record id>|<rev>|return`; null for anything else. */
export function verdictEntry(doc: Record<string, unknown>): string | null {
  if (doc.type !== 'review' || typeof doc.recordId !== 'string') return null;
  return `${doc.recordId}|${String(doc.recordRev)}|${String(doc.verdict)}`;
}

export function parseStatusEntry(entry: string): { status: string; rev: string } {
  const i = entry.indexOf('|');
  return { status: entry.slice(0, i), rev: entry.slice(i + 1) };
}

export function parseVerdictEntry(entry: string): {
  recordId: string;
  rev: string;
  verdict: string;
} {
  const [recordId, rev, verdict] = entry.split('|');
  return { recordId, rev, verdict };
}

/** What the verdicts are counted under: the record's author and the verdict, `canbo|return`. */
export function verdictTotal(entry: string): string {
  const v = parseVerdictEntry(entry);
  return `${parseId(v.recordId)?.user ?? ''}|${v.verdict}`;
}

// Entries are one per record (its revision) or per review, so the totals a start reads are
// counted under the status, or the author and verdict: a handful of numbers at 50,000 records.
export function statusIndexOf(db: Db): CountIndex {
  return countIndexOf(db, {
    name: 'check-status',
    version: 2,
    relevant: (id) => id.startsWith('check:'),
    entryOf: statusEntry,
    totalOf: (entry) => parseStatusEntry(entry).status,
  });
}

export function verdictIndexOf(db: Db): CountIndex {
  return countIndexOf(db, {
    name: 'review-verdicts',
    version: 2,
    relevant: (id) => id.startsWith('review:'),
    entryOf: verdictEntry,
    totalOf: verdictTotal,
  });
}
