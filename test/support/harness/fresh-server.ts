// A fresh server (child process, empty data directory) behind a TCP proxy, torn down after use.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshServerEnv } from './backend.ts';
import { ChildServer, freePort } from './child-server.ts';
import { TcpProxy } from './tcp-proxy.ts';

export interface FreshServer {
  server: ChildServer;
  proxy: TcpProxy;
  /** The server as the devices reach it: through the proxy. */
  proxyUrl: string;
  dataDir: string;
}

export async function withFreshServer<T>(
  fn: (s: FreshServer) => Promise<T>,
  env?: Record<string, string>,
  /** Data prepared beforehand (on CouchDB: the CouchDB is then not emptied). */
  prepared?: string,
): Promise<T> {
  const dataDir = prepared ?? mkdtempSync(path.join(os.tmpdir(), 'fieldbook-bench-'));
  const backendEnv = await freshServerEnv({ empty: prepared === undefined });
  const server = new ChildServer({
    dataDir,
    port: await freePort(),
    env: { ...backendEnv, ...env },
  });
  await server.start();
  const proxy = new TcpProxy(Number(new URL(server.url).port));
  const proxyUrl = await proxy.start();
  try {
    return await fn({ server, proxy, proxyUrl, dataDir });
  } finally {
    await proxy.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Documents in a server database, read directly (not through the proxy: nothing counted).
 *  A busy server may close a kept-alive connection just as it is reused: ask again. */
export async function serverDocCount(
  serverUrl: string,
  db: string,
  account: { name: string; password: string },
  attempts = 5,
): Promise<number> {
  const auth = Buffer.from(`${account.name}:${account.password}`).toString('base64');
  for (let i = 1; ; i++) {
    try {
      const res = await fetch(`${serverUrl}/db/${db}`, {
        headers: { authorization: `Basic ${auth}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`GET /db/${db}: ${res.status}`);
      return ((await res.json()) as { doc_count: number }).doc_count;
    } catch (err) {
      if (i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}
