// A second, private Fieldbook server for tests that deploy a new version under a running app.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A copy of build/ whose service worker differs by one byte, as a new deployment's would. */
export function makeNextBuild(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync('build', dir, { recursive: true });
  const sw = path.join(dir, 'client', 'sw.js');
  const text = readFileSync(sw, 'utf8');
  const at = text.indexOf('revision:"') + 'revision:"'.length;
  if (at < 'revision:"'.length) throw new Error('no precache revision in sw.js');
  const flipped = text[at] === 'a' ? 'b' : 'a';
  writeFileSync(sw, text.slice(0, at) + flipped + text.slice(at + 1));
  // Precompressed copies would still hold the old worker.
  rmSync(`${sw}.br`, { force: true });
  rmSync(`${sw}.gz`, { force: true });
  return dir;
}

export interface Deployment {
  url: string;
  stop(): Promise<void>;
}

export async function deploy(
  port: number,
  dataDir: string,
  buildDir = 'build',
): Promise<Deployment> {
  // Node itself, not npx: a signal must reach the server, not a wrapper that outlives it.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FIELDBOOK_BUILD_DIR: buildDir,
    },
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/db/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
