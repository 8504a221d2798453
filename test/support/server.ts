// A real Fieldbook server for integration tests, on a free port with its own temporary data
// directory. The database behind it is the embedded CouchDB-compatible server (default) or a
// real Apache CouchDB when TEST_BACKEND=couchdb (`npm run test:couchdb`), which is emptied
// first so each server provisions from nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { couchTarget, emptyCouch } from './couchdb-backend.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

export type TestBackend = 'embedded' | 'couchdb';

export function testBackend(): TestBackend {
  const b = process.env.TEST_BACKEND ?? 'embedded';
  if (b !== 'embedded' && b !== 'couchdb') throw new Error(`Unknown TEST_BACKEND: ${b}`);
  return b;
}

/**
 * Starts a server. Without `dataDir` it is a fresh one (on CouchDB: an emptied CouchDB);
 * with the `dataDir` of a server that was closed, it is that server restarted on its data.
 */
export async function startTestServer(dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'fieldbook-test-'));
  const env: NodeJS.ProcessEnv = { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' };
  if (testBackend() === 'couchdb') {
    const target = couchTarget();
    if (!dataDir) await emptyCouch(target);
    Object.assign(env, {
      COUCHDB_URL: target.url,
      COUCHDB_USER: target.admin.name,
      COUCHDB_PASSWORD: target.admin.password,
      // The tests sign in as the demo accounts; a CouchDB deployment has none by default.
      FIELDBOOK_DEMO_USERS: '1',
    });
  }
  const server = await startServer(loadConfig(env), { withApp: false });
  return {
    ...server,
    dataDir: dir,
    async stop() {
      await server.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One fresh server for the whole test file: started before its tests, stopped after. The
 * returned object stands for that server once it runs (`server.url` inside a test).
 */
export function useTestServer(): TestServer {
  let started: TestServer | null = null;
  beforeAll(async () => {
    started = await startTestServer();
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!started) throw new Error('the test server is not running (use it inside a test)');
      return started[key as keyof TestServer];
    },
  });
}
