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

interface JsonResponse {
  status(code: number): { json(body: object): void };
}

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
  pouchApp.dbWrapper.registerWrapper(guardLocalSecurity);
  pouchApp.dbWrapper.registerWrapper(keepIncomingRevisions);

  const app = express();
  app.use(persistentSessionCookie(pouchApp));
  app.use(pouchApp);
  // A request that trips a bug inside express-pouchdb (e.g. `_bulk_docs` with a null document)
  // gets CouchDB's JSON error shape, never an HTML page with a stack trace and file paths.
  app.use((err: Error, _req: unknown, res: JsonResponse, _next: unknown) => {
    console.error('[db] request failed:', err.message);
    res.status(400).json({ error: 'bad_request', reason: 'Invalid request' });
  });
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

/**
 * express-pouchdb's sign-in cookie lives only until the browser closes (and its
 * `allow_persistent_cookies` gives Max-Age in milliseconds where seconds are meant). A phone
 * must stay signed in for the session timeout provisioning sets, as with CouchDB: the cookie
 * gets that Max-Age, renewed with each request the app makes.
 */
function persistentSessionCookie(pouchApp: {
  couchConfig: { get(section: string, key: string): unknown };
}) {
  type Res = { cookie(name: string, value: string, opts?: Record<string, unknown>): unknown };
  return (_req: unknown, res: Res, next: () => void) => {
    const cookie = res.cookie.bind(res);
    res.cookie = (name, value, opts = {}) => {
      // clearCookie (sign-out) comes through here too, with an expiry in the past.
      if (name !== 'AuthSession' || !value || opts.expires) return cookie(name, value, opts);
      const seconds = Number(pouchApp.couchConfig.get('couch_httpd_auth', 'timeout'));
      return cookie(name, value, { ...opts, maxAge: seconds * 1000 });
    };
    next();
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
    couch_httpd_auth: {
      ...current.couch_httpd_auth,
      require_valid_user: 'false',
      // Kept on disk, as CouchDB does: a fresh secret at every start would sign everyone out
      // whenever the server restarts.
      secret: current.couch_httpd_auth?.secret ?? auth.generateSecret(),
    },
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

// express-pouchdb keeps each database's _security in the local document `_local/_security`,
// which any member may write like any other `_local` document: one PUT or `_bulk_docs` would
// make its author a database admin, and a DELETE would make the database public. Only server
// admins (and provisioning's own putSecurity, which carries no userCtx) may touch it.
const SECURITY_DOC = '_local/_security';
type Wrapper = (original: () => unknown, args: WrapperArgs) => unknown;
interface WrapperArgs {
  doc?: { _id?: unknown } | null;
  docs?: unknown;
  docId?: unknown;
  options?: { userCtx?: { roles?: string[] } };
}

function guardLocalSecurity(_name: string, db: object, next: () => void) {
  const guard: Wrapper = (original, args) => {
    const ctx = args.options?.userCtx;
    if (!ctx || (ctx.roles ?? []).includes('_admin')) return original();
    const docs = Array.isArray(args.docs) ? args.docs : [args.doc];
    const ids = docs.map((d) => (d && typeof d === 'object' ? (d as { _id?: unknown })._id : d));
    if (ids.includes(SECURITY_DOC) || args.docId === SECURITY_DOC) {
      return Promise.reject(
        Object.assign(new Error('security is managed by provisioning'), {
          status: 403,
          name: 'forbidden',
          error: true,
          reason: 'security is managed by provisioning',
        }),
      );
    }
    return original();
  };
  const methods = ['put', 'post', 'remove', 'bulkDocs', 'putAttachment', 'removeAttachment'];
  require('pouchdb-wrappers').installWrapperMethods(
    db,
    Object.fromEntries(methods.map((m) => [m, guard])),
  );
  next();
}

// pouchdb-validation (express-pouchdb 4.2) overwrites an incoming document's `_revisions` with
// those of the stored revision before validating (`newDoc._revisions = oldDoc._revisions`). For
// a replicated edit (`_bulk_docs`, new_edits=false) that throws away the new revision's
// history, PouchDB then finds nothing new to store and answers success: every edit a phone
// pushes to a record the server already has is silently lost. Pin each incoming document's own
// `_revisions` before the validator sees it. Registered last, so it wraps all the others.
type BulkDocs = (this: unknown, docs: unknown, ...rest: unknown[]) => unknown;

function keepIncomingRevisions(_name: string, db: { bulkDocs: BulkDocs }, next: () => void) {
  const bulkDocs = db.bulkDocs;
  db.bulkDocs = function (docs, ...rest) {
    const list = Array.isArray(docs) ? docs : (docs as { docs?: unknown } | null)?.docs;
    if (Array.isArray(list)) list.forEach(pinRevisions);
    return bulkDocs.call(this, docs, ...rest);
  };
  next();
}

function pinRevisions(doc: unknown) {
  if (!doc || typeof doc !== 'object' || !('_revisions' in doc)) return;
  const revisions = (doc as { _revisions: unknown })._revisions;
  Object.defineProperty(doc, '_revisions', {
    get: () => revisions,
    set: () => undefined, // the validator's assignment is ignored
    enumerable: true,
    configurable: true,
  });
}
