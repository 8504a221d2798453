// What a server database says of itself, remembered for PouchDB's replication.
//
// Its info: PouchDB 9.0.0's replication asks the source database for its info after every
// batch, only to update its progress counter (`activeTasks`), and leaves that request without a
// catch. In a pull the source is the server: a phone that loses signal just after a batch got
// an unhandled 'Failed to fetch' (transfer.e2e.ts saw it). Here a remote database that has
// answered once answers a failed info request with its last answer: the progress counter is
// then a little stale, and the replication still learns it is offline from its next real
// request (the changes feed), which is handled. The first info request still fails as before.
import type { Db } from './pouch-types';

type Info = PouchDB.Core.DatabaseInfo;

export function rememberInfo(db: Db): Db {
  const original = db.info.bind(db) as (cb?: unknown) => Promise<Info>;
  let last: Info | null = null;
  const info = async (cb?: unknown) => {
    if (typeof cb === 'function') return original(cb);
    try {
      last = await original();
      return last;
    } catch (err) {
      if (last) return last;
      throw err;
    }
  };
  (db as unknown as { info: typeof info }).info = info;
  return db;
}

/**
 * Its id: every replication first asks the server database for it (a GET of the server's root,
 * for the uuid that names the checkpoints), a round trip before anything moves, and a new
 * phone's first sync starts five replications one after another at its end. The uuid never
 * changes, so a database that has answered once answers from memory. The stand-in PouchDB uses
 * when the request fails (the database's URL, which names other checkpoints) is not kept.
 */
export function rememberId(db: Db): Db {
  // Not in PouchDB's types, though every database has it.
  const withId = db as unknown as { id: (cb?: unknown) => Promise<string> };
  const original = withId.id.bind(db);
  let known: string | null = null;
  const id = async (cb?: unknown) => {
    if (typeof cb === 'function') return original(cb);
    if (known) return known;
    const answer = await original();
    if (!/^https?:\/\//.test(answer)) known = answer;
    return answer;
  };
  withId.id = id;
  return db;
}
