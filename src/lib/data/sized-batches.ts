// Replication pushes a batch of records in one `_bulk_docs` request, photos inline as base64.
// A batch of records with photos can pass the server's body limit (16 MB, server/gate/limits.ts)
// and would then be refused again at every retry: the remote database's bulkDocs is split here
// into requests of a bounded size. Safe for replication: documents carry their revisions
// (new_edits: false) and the checkpoint is written only after the whole batch.
import type { Db } from './pouch-types';

/** Bytes a request may carry; well under the gate's 16 MB, several photos per request. */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;

type Doc = Record<string, unknown> & { _attachments?: Record<string, { data?: unknown }> };

/** About what `doc` weighs as JSON, attachments as base64. */
export function sizeOf(doc: Doc): number {
  let bytes = 0;
  const { _attachments, ...rest } = doc;
  bytes += JSON.stringify(rest).length;
  for (const att of Object.values(_attachments ?? {})) {
    const d = att?.data;
    if (typeof d === 'string') bytes += d.length;
    else if (d && typeof (d as Blob).size === 'number')
      bytes += Math.ceil((d as Blob).size / 3) * 4;
    else if (d && typeof (d as Uint8Array).byteLength === 'number')
      bytes += Math.ceil((d as Uint8Array).byteLength / 3) * 4;
    bytes += 200;
  }
  return bytes;
}

/** `docs` in runs of at most `max` bytes (a single larger document goes alone). */
export function chunksBySize(docs: Doc[], max: number): Doc[][] {
  const out: Doc[][] = [];
  let run: Doc[] = [];
  let size = 0;
  for (const d of docs) {
    const s = sizeOf(d);
    if (run.length && size + s > max) {
      out.push(run);
      run = [];
      size = 0;
    }
    run.push(d);
    size += s;
  }
  if (run.length) out.push(run);
  return out;
}

/** Makes `db` (a remote database) send `_bulk_docs` in requests of at most `max` bytes. */
export function limitPushSize(db: Db, max = MAX_PUSH_BYTES): Db {
  const original = db.bulkDocs.bind(db) as (req: unknown, opts?: unknown) => Promise<unknown[]>;
  const split = async (req: unknown, opts?: unknown, ...more: unknown[]) => {
    const docs = (Array.isArray(req) ? req : (req as { docs?: unknown })?.docs) as
      Doc[] | undefined;
    if (more.length || typeof opts === 'function' || !Array.isArray(docs)) {
      return (original as (...a: unknown[]) => Promise<unknown[]>)(req, opts, ...more);
    }
    const chunks = chunksBySize(docs, max);
    if (chunks.length <= 1) return original(req, opts);
    const results: unknown[] = [];
    for (const chunk of chunks) {
      const part = Array.isArray(req) ? chunk : { ...(req as object), docs: chunk };
      results.push(...(await original(part, opts)));
    }
    return results;
  };
  (db as unknown as { bulkDocs: typeof split }).bulkDocs = split;
  return db;
}
