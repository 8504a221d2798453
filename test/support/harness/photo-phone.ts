// A phone with records and photos (issue 16.2): a record database and its paired photo
// database, each synced by Fieldbook's own SyncEngine, photos held until the records are up to
// date by the app's PhotosAfterRecords, with a log of every request on the wire (which
// database, when sent, when answered, which documents a `_bulk_docs` carried). Used by the
// integration tests and the link bench.
import { createHash, randomBytes } from 'node:crypto';
import { compressingFetch } from '../../../src/lib/data/compressed-fetch.ts';
import { FieldCheckRepository } from '../../../src/lib/data/field-checks.repo.ts';
import {
  PHOTO_BATCH_SIZE,
  PhotosAfterRecords,
  photoBatches,
} from '../../../src/lib/data/photo-sync.ts';
import { PhotoRepository } from '../../../src/lib/data/photos.repo.ts';
import { rememberInfo } from '../../../src/lib/data/remote-info.ts';
import type { Db } from '../../../src/lib/data/pouch-types.ts';
import { SyncEngine } from '../../../src/lib/data/sync-engine.ts';
import type { SyncEvent } from '../../../src/lib/data/sync-status.ts';
import { photosDbName } from '../../../src/lib/domain/constants.ts';
import { emptyInput, type Author } from '../../../src/lib/domain/field-check-factory.ts';
import type { FieldCheck } from '../../../src/lib/domain/field-check.ts';
import { photoId, type PhotoSlot } from '../../../src/lib/domain/photos.ts';
import { parseId } from '../../../src/lib/domain/ids.ts';
import { httpDb, memoryDb } from '../pouch.ts';
import { nodeEnvironment, type NodeEnvironment } from './node-environment.ts';

type Fetch = (url: string | Request, init?: RequestInit) => Promise<Response>;

export interface WireEntry {
  db: 'records' | 'photos';
  method: string;
  path: string;
  sentAt: number;
  /** When the answer's head arrived (null: the request failed, a cut link). */
  doneAt: number | null;
  status: number | null;
  /** Ids a `_bulk_docs` carried, or a `_bulk_get` asked for. */
  ids: string[];
}

/** A fetch that logs each request (before the app's compression) and passes it on. */
function loggingFetch(log: WireEntry[], photoDb: string, inner: Fetch): Fetch {
  return async (url, init = {}) => {
    const href = typeof url === 'string' ? url : url.url;
    const path = decodeURIComponent(new URL(href).pathname);
    const entry: WireEntry = {
      db: path.includes(`/${photoDb}`) ? 'photos' : 'records',
      method: (init.method ?? 'GET').toUpperCase(),
      path,
      sentAt: performance.now(),
      doneAt: null,
      status: null,
      ids: [],
    };
    if (path.endsWith('/_bulk_docs') && typeof init.body === 'string') {
      const body = JSON.parse(init.body) as { docs: { _id: string }[] };
      entry.ids = body.docs.map((d) => d._id);
    }
    if (path.endsWith('/_bulk_get') && typeof init.body === 'string') {
      const body = JSON.parse(init.body) as { docs: { id: string }[] };
      entry.ids = body.docs.map((d) => d.id);
    }
    log.push(entry);
    const res = await inner(url, init);
    entry.doneAt = performance.now();
    entry.status = res.status;
    // PouchDB in Node reads an attachment with node-fetch's `buffer()`, which Node's own fetch
    // lacks; without it the Blob it falls back to cannot be stored by the memory adapter.
    Object.assign(res, { buffer: async () => Buffer.from(await res.arrayBuffer()) });
    return res;
  };
}

export interface Photo {
  id: string;
  image: Uint8Array;
  sha256: string;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class PhotoPhone {
  readonly env: NodeEnvironment = nodeEnvironment(true);
  readonly records: { local: Db; remote: Db; engine: SyncEngine };
  readonly photos: { local: Db; remote: Db; engine: SyncEngine };
  readonly gate: PhotosAfterRecords;
  readonly wire: WireEntry[] = [];
  /** Every event of both engines, in order, with the time it came. */
  readonly events: { db: 'records' | 'photos'; e: SyncEvent; at: number }[] = [];

  constructor(
    readonly label: string,
    serverUrl: string,
    recordDb: string,
    account: { name: string; password: string },
    opts: { recordBatch?: number; photoBatch?: number } = {},
  ) {
    const photoDb = photosDbName(recordDb);
    const fetch = loggingFetch(this.wire, photoDb, compressingFetch());
    const own = (id: string) => id.includes(`:${account.name}:`);
    const make = (db: 'records' | 'photos', name: string, batchSize?: number) => {
      const local = memoryDb(`${label}-${db}`);
      // As the app's remoteDb: a failed progress request of PouchDB's replicator after a cut
      // answers with the last info instead of an unhandled rejection (remote-info.ts).
      const remote = rememberInfo(httpDb(serverUrl, name, account, fetch));
      const engine = new SyncEngine(local, remote, `sync:${label}:${db}`, this.env, {
        // As the app: photos keep their small batches on a new phone's first pull too.
        ...(db === 'photos' ? photoBatches(batchSize) : { batchSize }),
        isOwnChange: own,
      });
      engine.subscribe((e) => this.events.push({ db, e, at: performance.now() }));
      return { local, remote, engine };
    };
    this.records = make('records', recordDb, opts.recordBatch);
    this.photos = make('photos', photoDb, opts.photoBatch ?? PHOTO_BATCH_SIZE);
    this.gate = new PhotosAfterRecords(this.records.engine, this.photos.engine);
  }

  start(): void {
    this.records.engine.start();
    this.gate.arm();
  }

  async stop(): Promise<void> {
    await this.gate.disarm();
    await this.records.engine.stop();
  }

  /** `n` records of `author`, each with `perRecord` photos of about `bytes` random bytes. */
  async record(
    n: number,
    author: Author,
    perRecord: number,
    bytes: number,
  ): Promise<{ checks: FieldCheck[]; photos: Photo[] }> {
    const checks = new FieldCheckRepository(this.records.local);
    const repo = new PhotoRepository(this.photos.local);
    const made: FieldCheck[] = [];
    const photos: Photo[] = [];
    for (let i = 0; i < n; i++) {
      const input = emptyInput('environment', new Date());
      input.hamlet = `Thôn ${i % 9}`;
      input.findings = `Kiểm tra lần ${i}: bãi rác cạnh suối đã được dọn, nhắc các hộ phân loại.`;
      input.photos = Array.from({ length: perRecord }, (_, k) => (k + 1) as PhotoSlot);
      const check = await checks.createDraft(input, author);
      made.push(check);
      for (let k = 1; k <= perRecord; k++) {
        // Random bytes: as incompressible as a WebP photo.
        const image = new Uint8Array(randomBytes(bytes));
        const thumb = new Uint8Array(randomBytes(Math.min(20_000, bytes)));
        await repo.save(check, k as PhotoSlot, {
          image: new Blob([image]),
          thumb: new Blob([thumb]),
          type: 'image/webp',
          width: 1600,
          height: 1200,
        });
        photos.push({ id: photoId(check._id, k as PhotoSlot), image, sha256: sha256(image) });
      }
    }
    return { checks: made, photos };
  }

  /** Resolves once `done` holds, polling. */
  static async until(done: () => Promise<boolean>, timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await done()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`not within ${timeoutMs} ms: ${what}`);
  }

  /** The wire's record requests that wrote documents, and its photo requests of any kind. */
  ordering() {
    const recordWrites = this.wire.filter(
      (w) => w.db === 'records' && w.path.endsWith('/_bulk_docs'),
    );
    const photoRequests = this.wire.filter((w) => w.db === 'photos');
    return { recordWrites, photoRequests };
  }
}

/** The ids in `db` (from any account that reads it) that start with `prefix`. */
export async function idsOn(db: Db, prefix: string): Promise<string[]> {
  const res = await db.allDocs({ startkey: prefix, endkey: `${prefix}\uffff` });
  return res.rows.map((r) => r.id);
}

/** Whether `id` is a record id of `user` (records: `check:<time>:<user>:<random>`). */
export const isRecordOf = (id: string, user: string) => parseId(id)?.user === user;
