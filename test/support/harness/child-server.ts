// The real server as a child process (`npx tsx server/main.ts`), on its own port and data
// directory: it runs on its own core, and it can be killed with SIGKILL and started again.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export interface ChildServerOptions {
  dataDir: string;
  port: number;
  /** Extra environment, e.g. FIELDBOOK_COMMUNE. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export class ChildServer {
  private child: ChildProcess | null = null;
  private expectedExit = false;
  /** Times the process ended without being asked to (a crash). */
  crashes = 0;
  /** Its stderr, for the report when something goes wrong. */
  log = '';

  constructor(private readonly opts: ChildServerOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.opts.port}`;
  }

  async start(): Promise<void> {
    this.expectedExit = false;
    // Its own process group: npx → tsx → node, and a SIGKILL must reach the node at the end.
    const child = spawn('npx', ['tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: this.opts.dataDir,
        PORT: String(this.opts.port),
        HOST: '127.0.0.1',
        ...this.opts.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    child.stderr!.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20_000)));
    child.on('exit', () => {
      if (!this.expectedExit) this.crashes += 1;
      if (this.child === child) this.child = null;
    });
    this.child = child;
    // If this process dies first, the server must not outlive it (it is in its own group).
    const reap = () => child.pid && killGroup(child.pid, 'SIGKILL');
    process.once('exit', reap);
    child.once('exit', () => process.removeListener('exit', reap));
    await this.waitUntilServing(this.opts.startTimeoutMs ?? 60_000);
  }

  /** The process id of `npx`, which leads the server's process group. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** SIGKILL to the whole process group: no shutdown hooks, no flushing. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    this.expectedExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child.pid, signal);
    await exited;
    await this.waitUntilPortFree();
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }

  private async waitUntilServing(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`server exited during start:\n${this.log}`);
      try {
        const res = await fetch(`${this.url}/db/`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`server did not start within ${timeoutMs} ms:\n${this.log}`);
  }

  private async waitUntilPortFree() {
    // The grandchild holding the port can outlive its parent by a moment.
    for (let i = 0; i < 100; i++) {
      const free = await new Promise<boolean>((resolve) => {
        const s = net.createServer();
        s.once('error', () => resolve(false));
        s.listen(this.opts.port, '127.0.0.1', () => s.close(() => resolve(true)));
      });
      if (free) return;
      await sleep(50);
    }
  }
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
