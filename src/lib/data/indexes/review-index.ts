// The review indexes: which records are sent (and in which version), and which versions have
// verdicts. The review queue and the author's "returned" list come from these few entries,
// kept up to date as records and reviews are saved or arrive, never from reading every record.
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

export function statusIndexOf(db: Db): CountIndex {
  return countIndexOf(db, {
    name: 'check-status',
    version: 1,
    relevant: (id) => id.startsWith('check:'),
    entryOf: statusEntry,
  });
}

export function verdictIndexOf(db: Db): CountIndex {
  return countIndexOf(db, {
    name: 'review-verdicts',
    version: 1,
    relevant: (id) => id.startsWith('review:'),
    entryOf: verdictEntry,
  });
}
