// The embedded CouchDB-compatible server: express-pouchdb over LevelDB on disk, the same stack
// as pouchdb-server, started inside Fieldbook's own process on a loopback port. The /db proxy
// talks to it exactly as it would talk to a real CouchDB given by COUCHDB_URL.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';

// Resolve from pouchdb-server so that its PouchDB 7 and plugins stay one consistent set.
const require = createRequire(
  createRequire(import.meta.url).resolve('pouchdb-server/package.json'),
);

export interface EmbeddedCouch {
  url: string;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  adminName: string;
  adminPassword: string;
}

// Plugins can be registered once per constructor; a process may start the server twice (tests).
let base: { defaults(o: object): unknown } | null = null;
function basePouch() {
  base ??= require('pouchdb-core')
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-adapter-leveldb'));
  return base!;
}

export async function startEmbeddedCouch(opts: EmbeddedOptions): Promise<EmbeddedCouch> {
  const dbDir = path.resolve(opts.dataDir, 'couch');
  mkdirSync(dbDir, { recursive: true });
  const express = require('express');
  const PouchDB = basePouch().defaults({ prefix: dbDir + path.sep });

  // Settings are written before express-pouchdb starts: its own config writes race each other.
  const configPath = path.join(dbDir, 'config.json');
  await writeConfig(configPath, opts.adminName, opts.adminPassword);
  const pouchApp = require('express-pouchdb')({
    configPath,
    logPath: path.join(dbDir, 'log.txt'),
    mode: 'fullCouchDB',
    // Fauxton would be served without authentication checks of its own; not needed.
    overrideMode: { exclude: ['routes/fauxton'] },
  });
  pouchApp.setPouchDB(PouchDB);

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

/** No admin party: the admin exists (hashed) before the first request is served. */
async function writeConfig(file: string, adminName: string, adminPassword: string) {
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const hashed: string | undefined = current.admins?.[adminName];
  const auth = require('pouchdb-auth');
  const samePassword =
    hashed !== undefined && (await verifyAdmin(auth, adminName, adminPassword, hashed));
  const next = {
    ...current,
    log: { ...current.log, level: 'warning' },
    admins: samePassword
      ? current.admins
      : await auth.hashAdminPasswords({ [adminName]: adminPassword }),
    couch_httpd_auth: { ...current.couch_httpd_auth, require_valid_user: 'false' },
  };
  if (JSON.stringify(next) !== JSON.stringify(current)) {
    writeFileSync(file + '.tmp', JSON.stringify(next, null, 2));
    renameSync(file + '.tmp', file);
  }
}

async function verifyAdmin(
  auth: { hashAdminPasswords(a: object, o: object): Promise<Record<string, string>> },
  name: string,
  password: string,
  hashed: string,
): Promise<boolean> {
  const m = /^-pbkdf2-([\da-f]+),([\da-f]+),(\d+)$/.exec(hashed);
  if (!m) return false;
  const { pbkdf2Sync } = await import('node:crypto');
  return pbkdf2Sync(password, m[2], Number(m[3]), 20, 'sha1').toString('hex') === m[1];
}
