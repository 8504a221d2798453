// Load: many simulated devices, each with its own records, syncing at once through SyncEngine
// against one embedded server (a child process). Devices are grouped into communes, each with
// its own database, as on a district server: every device ends up holding its whole commune's
// log. The devices live in worker processes (`worker.ts`, whole communes per worker), so no
// single heap holds them all: 50 in-memory devices in one Node process grew past 8 GB.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { preparingEnv } from '../support/harness/backend.ts';
import { serverDocCount, withFreshServer } from '../support/harness/fresh-server.ts';
import type { CommunePlan } from './provision-communes.ts';
import type { DeviceResult, ParentMessage, WorkerJob, WorkerMessage } from './worker.ts';

export interface LoadOptions {
  communes: number;
  devicesPerCommune: number;
  recordsPerDevice: number;
  /** Worker processes the devices are spread over (whole communes each). */
  workers: number;
  timeoutMs: number;
}

export interface LoadResult extends LoadOptions {
  devices: number;
  records: number;
  /** Bulk-loading every device's own records before the start (all workers, in parallel). */
  loadMs: number;
  /** From start until every device holds every record of its commune. */
  convergeMs: number;
  /** Until the server held every record. */
  serverMs: number;
  /** Devices that converged. */
  convergedDevices: number;
  errors: number;
  denied: number;
  converged: boolean;
  problems: string[];
  /** Peak resident memory of the largest worker process, bytes. */
  maxWorkerRss: number;
  /** Peak resident memory of the server process group, sampled, bytes. */
  maxServerRss: number;
}

const PASSWORD = 'thiet-bi-123';
const here = path.dirname(fileURLToPath(import.meta.url));

export function plan(o: Pick<LoadOptions, 'communes' | 'devicesPerCommune'>): CommunePlan[] {
  return Array.from({ length: o.communes }, (_, c) => ({
    commune: `tai-${String(c + 1).padStart(2, '0')}`,
    users: Array.from({ length: o.devicesPerCommune }, (_, d) => ({
      name: `tb-${c + 1}-${d + 1}`,
      password: PASSWORD,
    })),
  }));
}

class Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<number>;
  readonly result: Promise<Extract<WorkerMessage, { type: 'result' }>>;

  constructor(job: WorkerJob) {
    this.child = spawn(
      process.execPath,
      [
        '--max-old-space-size=4096',
        '--import',
        'tsx',
        path.join(here, 'worker.ts'),
        JSON.stringify(job),
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const exited = new Promise<never>((_, reject) =>
      this.child.once('exit', (code, signal) =>
        reject(new Error(`worker ${this.child.pid} exited (${signal ?? code}) before reporting`)),
      ),
    );
    exited.catch(() => undefined);
    const message = <T extends WorkerMessage['type']>(type: T) =>
      Promise.race([
        new Promise<Extract<WorkerMessage, { type: T }>>((resolve) =>
          this.child.on('message', (m: WorkerMessage) => {
            if (m.type === type) resolve(m as Extract<WorkerMessage, { type: T }>);
          }),
        ),
        exited,
      ]);
    this.ready = message('ready').then((m) => m.loadMs);
    this.result = message('result');
    this.ready.catch(() => undefined);
    this.result.catch(() => undefined);
  }

  go() {
    this.child.send({ type: 'go' } satisfies ParentMessage);
  }

  kill() {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Resident memory of a process group (the server: npx → tsx → node), bytes; 0 if unknown. */
function groupRss(pgid: number): number {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pgid=,rss='], { encoding: 'utf8' });
    return out.split('\n').reduce((n, line) => {
      const [group, rss] = line.trim().split(/\s+/).map(Number);
      return group === pgid ? n + rss * 1024 : n;
    }, 0);
  } catch {
    return 0;
  }
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const communes = plan(o);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-load-'));
  execFileSync(
    'npx',
    ['tsx', 'test/load/provision-communes.ts', dataDir, JSON.stringify(communes)],
    { stdio: 'inherit', timeout: 120_000, env: { ...process.env, ...(await preparingEnv()) } },
  );
  const perCommune = o.devicesPerCommune * o.recordsPerDevice;
  const workerCount = Math.max(1, Math.min(o.workers, communes.length));
  return withFreshServer(
    async (s) => {
      const workers = Array.from(
        { length: workerCount },
        (_, w) =>
          new Worker({
            serverUrl: s.server.url,
            communes: communes.filter((_, c) => c % workerCount === w),
            recordsPerDevice: o.recordsPerDevice,
            timeoutMs: o.timeoutMs,
          }),
      );
      const problems: string[] = [];
      let maxServerRss = 0;
      const serverPid = s.server.pid;
      const sampler = setInterval(() => {
        if (serverPid) maxServerRss = Math.max(maxServerRss, groupRss(serverPid));
      }, 2_000);
      try {
        const loadStart = performance.now();
        await Promise.all(workers.map((w) => w.ready));
        const loadMs = performance.now() - loadStart;
        const t0 = performance.now();
        const startedAt = Date.now();
        for (const w of workers) w.go();

        const serverDone = (async () => {
          const deadline = Date.now() + o.timeoutMs;
          while (Date.now() < deadline) {
            const counts = await Promise.all(
              communes.map((c) => serverDocCount(s.server.url, dbNames(c.commune).log, c.users[0])),
            );
            // Each database also holds its design document.
            if (counts.every((n) => n >= perCommune + 1)) return performance.now() - t0;
            await new Promise((r) => setTimeout(r, 500));
          }
          return NaN;
        })().catch((err: Error) => {
          problems.push(`server count: ${err.message}`);
          return NaN;
        });

        const reports = await Promise.allSettled(workers.map((w) => w.result));
        const serverMs = await serverDone;
        const devices: DeviceResult[] = [];
        let maxWorkerRss = 0;
        for (const r of reports) {
          if (r.status === 'rejected') {
            problems.push(String((r.reason as Error).message ?? r.reason));
            continue;
          }
          devices.push(...r.value.devices);
          maxWorkerRss = Math.max(maxWorkerRss, r.value.maxRss);
          if (r.value.unhandledRejections !== 'none')
            problems.push(`unhandled rejections: ${r.value.unhandledRejections}`);
        }
        for (const d of devices) if (d.problem) problems.push(d.problem);
        const done = devices.filter((d) => d.convergedAt !== null);
        const convergeMs =
          done.length === communes.length * o.devicesPerCommune
            ? Math.max(...done.map((d) => d.convergedAt! - startedAt))
            : NaN;
        for (const c of communes) {
          const n = await serverDocCount(s.server.url, dbNames(c.commune).log, c.users[0]);
          if (n !== perCommune + 1)
            problems.push(`${c.commune}: server holds ${n - 1} of ${perCommune}`);
        }
        if (s.server.crashes) problems.push(`server crashed ${s.server.crashes} times`);
        return {
          ...o,
          workers: workerCount,
          devices: communes.length * o.devicesPerCommune,
          records: communes.length * perCommune,
          loadMs,
          convergeMs,
          serverMs,
          convergedDevices: done.length,
          errors: devices.reduce((n, d) => n + d.errors, 0),
          denied: devices.reduce((n, d) => n + d.denied, 0),
          converged: problems.length === 0,
          problems,
          maxWorkerRss,
          maxServerRss,
        };
      } finally {
        clearInterval(sampler);
        for (const w of workers) w.kill();
      }
    },
    undefined,
    dataDir,
  );
}
