// One read of a database's changes feed for every index catching up (from its snapshot, or
// before it joined the live feed, ../db-watch.ts). The indexes of a database (log, evidence,
// review states…) start from the same sequence at the same moments, and each used to read the
// same batch of documents again. A batch read from a sequence is shared by every index asking
// for it while it is fresh.
import type { ChangeRow } from '../db-watch';
import type { Db } from '../pouch-types';

export interface ChangesBatch {
  results: ChangeRow[];
  last_seq: number | string;
}

/** How long a batch read stays shared after it arrived: indexes catch up within this. */
const FRESH_MS = 1_500;

interface Read {
  /** When the read was asked of the database (performance.now()). */
  startedAt: number;
  batch: Promise<ChangesBatch>;
}

const reads = new WeakMap<Db, Map<string, Read>>();

/**
 * The changes after `since` (at most `limit`, with their documents), shared while fresh. A read
 * is shared only with a caller for whom it began late enough (`freshAfter`: after it started
 * watching the database and after the latest change it was told of), so that no change the
 * caller must take in falls between a shared read and its watch.
 */
export function changesAfter(
  db: Db,
  since: number | string,
  limit: number,
  freshAfter: number,
): Promise<ChangesBatch> {
  let byStart = reads.get(db);
  if (!byStart) reads.set(db, (byStart = new Map()));
  const key = `${String(since)}|${limit}`;
  const known = byStart.get(key);
  if (known && known.startedAt >= freshAfter) return known.batch;
  const read: Read = {
    startedAt: performance.now(),
    batch: db
      // conflicts: a record with versions from two devices is listed for the supervisor.
      .changes({ since, limit, include_docs: true, return_docs: true, conflicts: true })
      .then((res) => res as unknown as ChangesBatch),
  };
  byStart.set(key, read);
  const forget = () => {
    if (byStart.get(key) === read) byStart.delete(key);
  };
  read.batch.then(
    () => setTimeout(forget, FRESH_MS),
    () => forget(),
  );
  return read.batch;
}
