/// <reference types="pouchdb-core" />
// The PouchDB types the data layer passes around. Only src/lib/data and server code use them.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db<T extends {} = {}> = PouchDB.Database<T>;
export type PouchStatic = PouchDB.Static;
