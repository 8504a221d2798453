// PouchDB for Node-side tests: in-memory local databases (standing in for a phone's IndexedDB)
// and HTTP databases through Fieldbook's /db endpoint.
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import type { Db } from '../../src/lib/data/pouch-types.ts';

PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(Replication);

let counter = 0;
export function memoryDb(label = 'device'): Db {
  counter += 1;
  return new PouchDB(`${label}-${counter}-${Date.now()}`, { adapter: 'memory' }) as Db;
}

export function httpDb(
  serverUrl: string,
  db: string,
  user: { name: string; password: string },
  /** A phone's fetch (e.g. compressingFetch); Node's own otherwise. */
  fetch?: (url: string | Request, init?: RequestInit) => Promise<Response>,
): Db {
  return new PouchDB(`${serverUrl}/db/${db}`, {
    skip_setup: true,
    auth: { username: user.name, password: user.password },
    ...(fetch ? { fetch } : {}),
  } as PouchDB.Configuration.RemoteDatabaseConfiguration) as Db;
}

export { PouchDB };
