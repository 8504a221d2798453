// A real Fieldbook server (embedded CouchDB-compatible database over HTTP) for integration
// tests, on a free port with its own temporary data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestServer(dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'fieldbook-test-'));
  const cfg = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
  const server = await startServer(cfg, { withApp: false });
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
