// Request bodies the gate reads before forwarding: bounded in size, JSON only, not too deep,
// no repeated keys, and of the shape the endpoint takes (batch sizes included). The bytes that
// were checked are the bytes forwarded.
import type { IncomingMessage } from 'node:http';
import { scanJson } from './json-scan.ts';
import { LIMITS } from './limits.ts';
import { refuse, type Refusal } from './refusal.ts';

/** A check of a parsed body: null when acceptable, else why not. */
export type ShapeCheck = (body: unknown) => string | null;

export interface BodyRule {
  maxBytes: number;
  shape: ShapeCheck;
  /** `POST /_session` also takes an HTML form. */
  form?: boolean;
}

/** Reads the whole body, up to `max` bytes; a Refusal (413) beyond. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | Refusal> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Uint8Array) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        req.resume(); // drain quietly; the answer goes out now
        return resolve(tooLarge(max));
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!done) reject(err);
    });
  });
}

export const tooLarge = (max: number) =>
  refuse(413, 'too_large', `request body larger than ${Math.round(max / 1024)} KB`);

const isJsonType = (t: string | undefined) => /^application\/json\s*(;|$)/i.test(t ?? '');
const isFormType = (t: string | undefined) =>
  /^application\/x-www-form-urlencoded\s*(;|$)/i.test(t ?? '');

/** Checks a buffered body against a rule. */
export function checkBody(req: IncomingMessage, bytes: Buffer, rule: BodyRule): Refusal | null {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') {
    return refuse(415, 'bad_content_type', 'compressed request bodies are not accepted here');
  }
  const type = req.headers['content-type'];
  // Only UTF-8: the embedded server's body parser answers other charsets with its own error
  // class name (found by the fuzz run).
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    return refuse(415, 'bad_content_type', 'the body must be UTF-8');
  }
  if (rule.form && isFormType(type)) return null; // CouchDB reads name and password from it
  if (!isJsonType(type))
    return refuse(415, 'bad_content_type', 'Content-Type must be application/json');
  const text = bytes.toString('utf8');
  const problem = scanJson(text, LIMITS.maxJsonDepth);
  if (problem === 'too deep') {
    return refuse(400, 'bad_request', `JSON nested deeper than ${LIMITS.maxJsonDepth} levels`);
  }
  if (problem === 'repeated key') return refuse(400, 'bad_request', 'JSON object repeats a key');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(400, 'bad_request', 'invalid UTF-8 JSON');
  }
  const why = rule.shape(parsed);
  return why ? refuse(400, 'bad_request', why) : null;
}

// ---- shapes ---------------------------------------------------------------------------

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isIdString = (x: unknown): x is string =>
  typeof x === 'string' && x.length > 0 && x.length < 1024;
/** Ids a member may name: documents and design documents, never `_local/…` or other `_…`. */
const memberId = (id: string) => !id.startsWith('_') || id.startsWith('_design/');

export const shapes = {
  /** A document written by PUT or POST: an object; `_local`/`_design` ids are refused. */
  doc: ((b) => {
    if (!isObject(b)) return 'the body must be a JSON object (a document)';
    if ('_id' in b && (!isIdString(b._id) || b._id.startsWith('_'))) {
      return 'document ids starting with "_" are not accepted here';
    }
    return null;
  }) as ShapeCheck,

  bulkDocs: ((b) => {
    if (!isObject(b) || !Array.isArray(b.docs)) return 'expected {"docs": [...]}';
    if ('new_edits' in b && typeof b.new_edits !== 'boolean') return 'new_edits must be a boolean';
    if ('all_or_nothing' in b) return 'all_or_nothing is not accepted';
    if (b.docs.length > LIMITS.maxBatch) return batchTooLarge('_bulk_docs', b.docs.length);
    for (const d of b.docs) {
      if (!isObject(d)) return 'every document must be a JSON object';
      // `_design/…` goes on: the database refuses it per document (only its admins may write
      // one), and a whole batch refused here would stop a phone's replication for good.
      if ('_id' in d && (!isIdString(d._id) || !memberId(d._id))) {
        return '_local and other "_" documents are not accepted in _bulk_docs';
      }
    }
    return null;
  }) as ShapeCheck,

  bulkGet: ((b) => {
    if (!isObject(b) || !Array.isArray(b.docs)) return 'expected {"docs": [...]}';
    if (b.docs.length > LIMITS.maxBatch) return batchTooLarge('_bulk_get', b.docs.length);
    for (const d of b.docs) {
      if (!isObject(d) || !isIdString(d.id) || !memberId(d.id)) {
        return 'every entry needs an "id" of a document';
      }
      if ('rev' in d && typeof d.rev !== 'string') return '"rev" must be a string';
      if ('atts_since' in d && !strings(d.atts_since, 1000))
        return '"atts_since" must list revisions';
    }
    return null;
  }) as ShapeCheck,

  revsDiff: ((b) => {
    if (!isObject(b)) return 'expected {"id": ["rev", ...], ...}';
    const ids = Object.keys(b);
    if (ids.length > LIMITS.maxBatch) return batchTooLarge('_revs_diff', ids.length);
    let revs = 0;
    for (const id of ids) {
      const r = b[id];
      if (!memberId(id) || !strings(r, LIMITS.maxRevsDiffRevs)) {
        return 'every id must list its revisions as strings';
      }
      revs += r.length;
    }
    if (revs > LIMITS.maxRevsDiffRevs) {
      return `at most ${LIMITS.maxRevsDiffRevs} revisions in one _revs_diff (got ${revs})`;
    }
    return null;
  }) as ShapeCheck,

  allDocsKeys: ((b) => {
    if (!isObject(b) || !strings(b.keys, LIMITS.maxBatch) || Object.keys(b).length !== 1) {
      return `expected {"keys": [...]} with at most ${LIMITS.maxBatch} ids`;
    }
    return null;
  }) as ShapeCheck,

  changesDocIds: ((b) => {
    if (!isObject(b) || !strings(b.doc_ids, LIMITS.maxBatch) || Object.keys(b).length !== 1) {
      return `expected {"doc_ids": [...]} with at most ${LIMITS.maxBatch} ids`;
    }
    return null;
  }) as ShapeCheck,

  /** A replication checkpoint (PouchDB's or CouchDB's replicator's) and nothing else. */
  checkpoint: ((b) => {
    if (!isObject(b)) return 'the body must be a JSON object';
    const extra = Object.keys(b).filter((k) => !CHECKPOINT_KEYS.has(k));
    if (extra.length) return `a replication checkpoint has no field "${extra[0]}"`;
    if ('history' in b && !Array.isArray(b.history)) return '"history" must be a list';
    return null;
  }) as ShapeCheck,

  session: ((b) => {
    if (!isObject(b) || typeof b.name !== 'string' || typeof b.password !== 'string') {
      return 'expected {"name": "...", "password": "..."}';
    }
    return null;
  }) as ShapeCheck,
};

const CHECKPOINT_KEYS = new Set([
  '_id',
  '_rev',
  'session_id',
  'history',
  'replicator',
  'version',
  'last_seq',
  'source_last_seq',
  'replication_id_version',
]);

function strings(x: unknown, max: number): x is string[] {
  return (
    Array.isArray(x) && x.length <= max && x.every((s) => typeof s === 'string' && s.length < 1024)
  );
}

function batchTooLarge(what: string, n: number) {
  return `at most ${LIMITS.maxBatch} documents in one ${what} (got ${n}); send smaller batches`;
}
