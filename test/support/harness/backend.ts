// The database behind the harness's child servers (bench, fault run, load): the embedded one by
// default, or a real CouchDB with TEST_BACKEND=couchdb, the same switch as the integration
// tests. The CouchDB is TEST_COUCHDB_URL (+ _USER / _PASSWORD) or, when unset, the one in
// ../shared/couchdb, started here on a free port in a temporary directory and stopped on exit.
// Every fresh server gets an emptied CouchDB, so it provisions from nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSharedCouch, sharedCouchCandidates } from '../../../scripts/shared-couchdb.mjs';
import { couchTarget, emptyCouch, type CouchTarget } from '../couchdb-backend.ts';
import { freePort, sleep } from './child-server.ts';

export type HarnessBackend = 'embedded' | 'couchdb';

export function harnessBackend(): HarnessBackend {
  return process.env.TEST_BACKEND === 'couchdb' ? 'couchdb' : 'embedded';
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** ../shared/couchdb beside the clone, or beside the main checkout of a git worktree. */
function sharedCouchDir(): string {
  const dir = findSharedCouch(repo);
  if (!dir) {
    throw new Error(
      `TEST_BACKEND=couchdb: no TEST_COUCHDB_URL and no ${sharedCouchCandidates(repo)[0]}`,
    );
  }
  return dir;
}

/** A CouchDB this process started, which it may also kill and start again (fault run). */
export interface OwnCouch extends CouchTarget {
  kill(): Promise<void>;
  start(): Promise<void>;
}

let started: OwnCouch | null = null;
let target: CouchTarget | null = null;

async function startOwnCouch(): Promise<OwnCouch> {
  const shared = sharedCouchDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-couchdb-'));
  const port = await freePort();
  const password = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  const env = {
    ...process.env,
    COUCHDB_PORT: String(port),
    COUCHDB_USER: 'admin',
    COUCHDB_PASSWORD: password,
  };
  const run = () => execFileSync(path.join(shared, 'start.sh'), [dir], { env, stdio: 'pipe' });
  run();
  process.once('exit', () => {
    spawnSync(path.join(shared, 'stop.sh'), [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    admin: { name: 'admin', password },
    async kill() {
      const pid = Number(readFileSync(path.join(dir, 'couchdb.pid'), 'utf8'));
      // Its own session (setsid): the whole group, Erlang VM and helpers, with no shutdown.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        process.kill(pid, 'SIGKILL');
      }
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
          await sleep(50);
        } catch {
          break;
        }
      }
      rmSync(path.join(dir, 'couchdb.pid'), { force: true });
    },
    async start() {
      run();
    },
  };
}

/** The CouchDB in use (started on first call when TEST_COUCHDB_URL is unset). */
export async function harnessCouch(): Promise<CouchTarget> {
  if (target) return target;
  if (process.env.TEST_COUCHDB_URL) target = couchTarget();
  else target = started = await startOwnCouch();
  return target;
}

/** The CouchDB this process started, if it did (only such a one can be killed). */
export const ownCouch = (): OwnCouch | null => started;

/**
 * Environment for a child server on the chosen backend: on CouchDB emptied first, unless
 * `empty` is false (its data was prepared beforehand, as the load run's communes are).
 */
export async function freshServerEnv(
  opts: { empty?: boolean } = {},
): Promise<Record<string, string>> {
  if (harnessBackend() === 'embedded') return {};
  const couch = await harnessCouch();
  if (opts.empty !== false) await emptyCouch(couch);
  return {
    COUCHDB_URL: couch.url,
    COUCHDB_USER: couch.admin.name,
    COUCHDB_PASSWORD: couch.admin.password,
    FIELDBOOK_DEMO_USERS: '1',
  };
}

/** For a child process that provisions ahead of the server (tests' startTestServer): the
 *  emptied CouchDB in the variables test/support/server.ts reads. */
export async function preparingEnv(): Promise<Record<string, string>> {
  if (harnessBackend() === 'embedded') return {};
  const couch = await harnessCouch();
  await emptyCouch(couch);
  return {
    TEST_BACKEND: 'couchdb',
    TEST_COUCHDB_URL: couch.url,
    TEST_COUCHDB_USER: couch.admin.name,
    TEST_COUCHDB_PASSWORD: couch.admin.password,
  };
}
