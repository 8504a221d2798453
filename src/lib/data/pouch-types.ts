/// <reference types="pouchdb-core" />
// The PouchDB types the data layer passes around. Only src/lib/data and server code use them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db<T extends {} = {}> = PouchDB.Database<T>;
export type PouchStatic = PouchDB.Static;

/** PouchDB's (and CouchDB's) "no such document". */
export const isNotFound = (err: unknown): boolean => (err as { status?: number }).status === 404;
