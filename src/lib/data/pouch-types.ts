/// <reference types="pouchdb-core" />
// The PouchDB types the data layer passes around. Only src/lib/data and server code use them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db<T extends {} = {}> = PouchDB.Database<T>;
export type PouchStatic = PouchDB.Static;

/**
 * Whether local sequence `seq` comes after `than`. Local sequences are numbers in the browser's
 * and Node's adapters; anything else compares as "after", so that an unknown sequence is read
 * or counted again rather than lost.
 */
export function seqAfter(seq: number | string, than: number | string): boolean {
  return typeof seq === 'number' && typeof than === 'number' ? seq > than : true;
}

/** PouchDB's (and CouchDB's) "no such document". */
export const isNotFound = (err: unknown): boolean => (err as { status?: number }).status === 404;

/** Whether a document with `id` exists (its winning revision is not deleted). */
export async function docExists(db: Db, id: string): Promise<boolean> {
  try {
    await db.get(id);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}
