// Fieldbook's server: one Node process that serves the built app and, under /db, the CouchDB
// API of either the embedded server or the real CouchDB given by COUCHDB_URL.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { DB_PATH } from '../src/lib/domain/constants.ts';
import { embeddedAdmin } from './admin-secret.ts';
import type { ServerConfig } from './config.ts';
import { startEmbeddedCouch } from './couch/embedded.ts';
import { createConflictApplier, type ConflictApplier } from './conflicts/applier.ts';
import { createDbProxy } from './db-proxy.ts';
import { LIMITS } from './gate/limits.ts';
import { createPeopleApi } from './api/people.ts';
import { DEMO_HAMLETS } from './provision/hamlet-step.ts';
import { createUsersApi } from './api/users.ts';
import { adminCouch } from './provision/couch.ts';
import { provision, type StepResult } from './provision/steps.ts';
import { demoUsers } from './provision/users.ts';
import { z } from 'zod';

// Messages from the shared schemas (account forms, for one) reach people in Vietnamese.
z.config(z.locales.vi());

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

export interface RunningServer {
  url: string;
  couchUrl: string;
  admin: { name: string; password: string };
  provisioned: StepResult[];
  /** Applies supervisors' conflict resolutions (tests wait on `idle()`). */
  conflicts: ConflictApplier;
  close(): Promise<void>;
}

/** The SvelteKit handler from the adapter-node build (absent in API-only tests). */
async function loadAppHandler(buildDir: string): Promise<Handler | null> {
  try {
    // A computed URL keeps the type checker out of the generated build output.
    const handlerUrl = pathToFileURL(path.join(buildDir, 'handler.js')).href;
    const mod = (await import(handlerUrl)) as { handler: Handler };
    return mod.handler;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw err;
  }
}

export async function startServer(
  cfg: ServerConfig,
  opts: { withApp?: boolean } = {},
): Promise<RunningServer> {
  const admin = cfg.couchAdmin ?? embeddedAdmin(cfg.dataDir);
  const embedded = cfg.couchUrl
    ? null
    : await startEmbeddedCouch({
        dataDir: cfg.dataDir,
        adminName: admin.name,
        adminPassword: admin.password,
      });
  const couchUrl = cfg.couchUrl ?? embedded!.url;

  const provisioned = await provision(adminCouch(couchUrl, admin), {
    commune: cfg.commune,
    users: cfg.demoUsers ? demoUsers(cfg.commune) : [],
    hamlets: cfg.demoUsers ? DEMO_HAMLETS : [],
  });

  // Supervisors' conflict resolutions: applied when they arrive, and any left over now.
  const conflicts = createConflictApplier({ couchUrl, admin, commune: cfg.commune });
  await conflicts.sweep();
  const proxy = createDbProxy(
    couchUrl,
    { admin, embedded: embedded !== null },
    { written: (db, body) => conflicts.noticeWrite(db, body) },
  );
  const usersApi = createUsersApi({
    couch: adminCouch(couchUrl, admin),
    couchUrl,
    commune: cfg.commune,
  });
  const peopleApi = createPeopleApi({
    couch: adminCouch(couchUrl, admin),
    couchUrl,
    commune: cfg.commune,
  });
  const app = opts.withApp === false ? null : await loadAppHandler(cfg.buildDir);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === DB_PATH || url.startsWith(DB_PATH + '/')) return proxy(req, res);
    if (url === '/api/users' || url.startsWith('/api/users/')) return void usersApi(req, res);
    if (url === '/api/people') return void peopleApi(req, res);
    // The app's pages take no request body (no form actions, no +server routes).
    if (!appBodyFits(req)) return tooLargeForApp(res);
    if (app) return app(req, res, () => notFound(res));
    notFound(res);
  });
  // Receiving a request (headers, then the whole body) is bounded; answering is not, so a
  // long-poll _changes keeps streaming. Idle sockets close (feeds send heartbeats).
  server.requestTimeout = LIMITS.requestTimeoutMs;
  server.headersTimeout = LIMITS.headersTimeoutMs;
  server.timeout = LIMITS.socketIdleMs;
  await new Promise<void>((resolve) => server.listen(cfg.port, cfg.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;

  return {
    url: `http://${host}:${port}`,
    couchUrl,
    admin,
    provisioned,
    conflicts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await conflicts.close();
      await embedded?.close();
    },
  };
}

function appBodyFits(req: http.IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return false;
  return Number(req.headers['content-length'] ?? 0) <= LIMITS.maxAppBodyBytes;
}

function tooLargeForApp(res: http.ServerResponse) {
  // Close rather than read what would be thrown away.
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end('Dữ liệu gửi lên quá lớn / Request body too large');
}

function notFound(res: http.ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Không tìm thấy / Not found');
}
