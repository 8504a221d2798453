// The embedded CouchDB-compatible server: express-pouchdb over LevelDB on disk, the same stack
// as pouchdb-server, started inside Fieldbook's own process on a loopback port. The /db proxy
// talks to it exactly as it would talk to a real CouchDB given by COUCHDB_URL.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';

// Resolve from pouchdb-server so that its PouchDB 7 and plugins stay one consistent set.
const require = createRequire(createRequire(import.meta.url).resolve('pouchdb-server/package.json'));

export interface EmbeddedCouch {
  url: string;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  adminName: string;
  adminPassword: string;
  /** Keep everything in memory (tests only). */
  inMemory?: boolean;
}

export async function startEmbeddedCouch(opts: EmbeddedOptions): Promise<EmbeddedCouch> {
  const dbDir = path.resolve(opts.dataDir, 'couch');
  mkdirSync(dbDir, { recursive: true });
  const express = require('express');
  const PouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(opts.inMemory ? require('pouchdb-adapter-memory') : require('pouchdb-adapter-leveldb'));

  const pouchApp = require('express-pouchdb')({
    configPath: path.join(dbDir, 'config.json'),
    logPath: path.join(dbDir, 'log.txt'),
    mode: 'fullCouchDB',
    // Fauxton would be served without authentication checks of its own; not needed.
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  const config = pouchApp.couchConfig;
  await setConfig(config, 'log', 'level', 'warning');
  // No admin party: an admin exists before the first request is served.
  await setConfig(config, 'admins', opts.adminName, opts.adminPassword);
  await setConfig(config, 'couch_httpd_auth', 'require_valid_user', 'false');
  pouchApp.setPouchDB(PouchDB.defaults({ prefix: dbDir + path.sep }));

  const app = express();
  app.use(pouchApp);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface CouchConfig {
  set(section: string, key: string, value: string, cb: (err?: Error) => void): void;
}

function setConfig(config: CouchConfig, section: string, key: string, value: string) {
  return new Promise<void>((resolve, reject) =>
    config.set(section, key, value, (err) => (err ? reject(err) : resolve())),
  );
}
