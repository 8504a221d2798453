// Unsent records to a file and back (issue 15.4): the last resort when a phone cannot sync.
// The file holds the person's own documents the server does not have yet (records, reviews,
// photo documents with their attachments as base64), each with its revision history, and a
// SHA-256 checksum; importing puts them back exactly (same ids, revisions, attachments) into
// the author's own databases, and their sync sends them under the author's own session.
import { parseId } from '$lib/domain/ids';
import { PHOTO_ID_PATTERN } from '$lib/domain/photos';
import { TRANSFER_RULE } from '$lib/domain/policy/table';
import type { Db } from './pouch-types';

export const TRANSFER_FORMAT = 'fieldbook-unsent';
const VERSION = 1;

/** One of the person's local databases: its server name, the database, its push checkpoint. */
export interface TransferSource {
  name: string;
  db: Db;
  pushedSeq: number | string;
}

export interface TransferFile {
  format: typeof TRANSFER_FORMAT;
  version: number;
  author: string;
  commune: string;
  exportedAt: string;
  /** Server database name → documents (with `_revisions` and base64 `_attachments`). */
  databases: Record<string, Record<string, unknown>[]>;
  /** SHA-256 (hex) of `databases` as JSON with sorted keys. */
  checksum: string;
}

export type ImportProblem = 'unreadable' | 'damaged' | 'notYours' | 'otherCommune' | 'notHere';

export class ImportRefused extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem);
  }
}

/** Whose document `id` is: records, reviews and tasks carry their author; photos their record's. */
export const ownerOf = (id: string): string | null =>
  parseId(id)?.user ?? PHOTO_ID_PATTERN.exec(id)?.[2] ?? null;

/** JSON with every object's keys sorted: the same documents give the same text (and checksum). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The person's own changes after the push checkpoint: what the server may not have. */
async function unsentOf(src: TransferSource, isOwn: (id: string) => boolean) {
  const changes = await src.db.changes({ since: src.pushedSeq, style: 'main_only' });
  const docs: Record<string, unknown>[] = [];
  for (const r of changes.results) {
    if (r.id.startsWith('_design/') || !isOwn(r.id)) continue;
    const rev = r.changes[0]?.rev;
    // The exact revision with its history and attachments: the import re-creates it as is.
    const doc = await src.db.get(r.id, { rev, revs: true, attachments: true });
    docs.push(doc as unknown as Record<string, unknown>);
  }
  // By id: the same documents make the same file (and checksum) whatever order they were written.
  return docs.sort((a, b) => String(a._id).localeCompare(String(b._id)));
}

export async function exportUnsent(
  sources: TransferSource[],
  who: { name: string; commune: string },
  isOwn: (id: string) => boolean,
  now: string,
): Promise<TransferFile> {
  const databases: TransferFile['databases'] = {};
  for (const src of sources) {
    const docs = await unsentOf(src, isOwn);
    if (docs.length) databases[src.name] = docs;
  }
  return {
    format: TRANSFER_FORMAT,
    version: VERSION,
    author: who.name,
    commune: who.commune,
    exportedAt: now,
    databases,
    checksum: await sha256(canonical(databases)),
  };
}

/** Reads and checks a file's text; refuses a damaged file, or one the rule says is not theirs. */
export async function readTransfer(
  text: string,
  who: { name: string; commune: string },
): Promise<TransferFile> {
  let file: TransferFile;
  try {
    file = JSON.parse(text) as TransferFile;
  } catch {
    throw new ImportRefused('unreadable');
  }
  if (file?.format !== TRANSFER_FORMAT || typeof file.databases !== 'object' || !file.databases)
    throw new ImportRefused('unreadable');
  if ((await sha256(canonical(file.databases))) !== file.checksum)
    throw new ImportRefused('damaged');
  if (TRANSFER_RULE.importBy === 'author' && file.author !== who.name)
    throw new ImportRefused('notYours');
  if (file.commune !== who.commune) throw new ImportRefused('otherCommune');
  return file;
}

/** Puts a checked file's documents back exactly; returns how many documents and photos. */
export async function importUnsent(
  file: TransferFile,
  targets: Map<string, Db>,
): Promise<{ docs: number; photos: number }> {
  const names = Object.keys(file.databases);
  if (names.some((n) => !targets.has(n))) throw new ImportRefused('notHere');
  let docs = 0;
  let photos = 0;
  for (const name of names) {
    const list = file.databases[name];
    // Same ids and revisions: a document already here (or already synced) is not duplicated.
    await targets.get(name)!.bulkDocs(list as PouchDB.Core.PutDocument<object>[], {
      new_edits: false,
    });
    docs += list.length;
    photos += list.filter((d) => d.type === 'photo').length;
  }
  return { docs, photos };
}
