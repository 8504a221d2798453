// A new phone's first pull (SyncEngine.firstSync): what lets its push start after the records
// it pulled instead of comparing each of them with the server.
import type { Db } from './pouch-types';

/**
 * Records a round trip of a new phone's first pull: the most the /db gate takes a request
 * (server/gate/limits.ts). A first sync is thousands of records: fewer round trips matter more
 * than a small batch lost to a cut connection.
 */
export const FIRST_PULL_BATCH_SIZE = 500;
const PAGE = 1000;

/**
 * The cheap proof of onlyPulledUpTo, without reading every record again: the database started
 * empty and every pulled id was written at least once (a revision already there was written
 * earlier by this pull), so as many changes as pulled ids leaves none for anything else. The
 * database's sequence when that holds, else null.
 */
export async function onlyPulledCheaply(
  local: Db,
  written: ReadonlyMap<string, string>,
): Promise<number | null> {
  const info = await local.info();
  const seq = info.update_seq;
  return typeof seq === 'number' && seq === written.size ? seq : null;
}

/**
 * The local sequence up to which every change is a revision the first pull wrote (`written`:
 * id → revision), or null when anything else was written there (a record made on the phone
 * meanwhile, a second branch): the push must then start from the beginning.
 */
export async function onlyPulledUpTo(
  local: Db,
  written: ReadonlyMap<string, string>,
): Promise<number | string | null> {
  // Any other count than the cheap proof's (a record made here, a record the server changed
  // during the pull) reads the feed.
  const cheap = await onlyPulledCheaply(local, written);
  if (cheap !== null) return cheap;
  let since: number | string = 0;
  for (;;) {
    const res: PouchDB.Core.ChangesResponse<object> = await local.changes({
      since,
      limit: PAGE,
      style: 'all_docs',
    });
    for (const r of res.results)
      if (r.changes.length !== 1 || written.get(r.id) !== r.changes[0].rev) return null;
    since = res.last_seq;
    if (res.results.length < PAGE) return since;
  }
}
