// PouchDB 9.0.0's replication asks the source database for its info after every batch, only to
// update its progress counter (`activeTasks`), and leaves that request without a catch. In a
// pull the source is the server: a phone that loses signal just after a batch got an
// unhandled 'Failed to fetch' (transfer.e2e.ts saw it). Here a remote database that has
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
