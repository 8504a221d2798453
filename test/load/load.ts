// Load: many simulated devices, each with its own records, syncing at once through SyncEngine
// against one embedded server (a child process). Devices are grouped into communes, each with
// its own database, as on a district server: every device ends up holding its whole commune's
// log (a phone in one commune of 50 devices would hold 50,000 records; 50 of them in one
// Node process would not fit in memory).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { benchChecks, officer } from '../bench/harness/checks.ts';
import { Device } from '../bench/harness/device.ts';
import { serverDocCount, withFreshServer } from '../bench/harness/fresh-server.ts';
import type { CommunePlan } from './provision-communes.ts';

export interface LoadOptions {
  communes: number;
  devicesPerCommune: number;
  recordsPerDevice: number;
  timeoutMs: number;
}

export interface LoadResult extends LoadOptions {
  devices: number;
  records: number;
  /** From start until every device and the server hold every record of their commune. */
  convergeMs: number;
  /** Until the server held every record. */
  serverMs: number;
  errors: number;
  denied: number;
  converged: boolean;
  problems: string[];
}

const PASSWORD = 'thiet-bi-123';

export function plan(o: LoadOptions): CommunePlan[] {
  return Array.from({ length: o.communes }, (_, c) => ({
    commune: `tai-${String(c + 1).padStart(2, '0')}`,
    users: Array.from({ length: o.devicesPerCommune }, (_, d) => ({
      name: `tb-${c + 1}-${d + 1}`,
      password: PASSWORD,
    })),
  }));
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const communes = plan(o);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-load-'));
  execFileSync(
    'npx',
    ['tsx', 'test/load/provision-communes.ts', dataDir, JSON.stringify(communes)],
    { stdio: 'inherit', timeout: 120_000 },
  );
  return withFreshServer(
    async (s) => {
      const devices = communes.flatMap(({ commune, users }) =>
        users.map((u) => ({
          commune,
          device: new Device(`load-${u.name}`, s.server.url, dbNames(commune).log, u),
          docs: benchChecks(officer(u.name, commune), `load ${u.name}`, o.recordsPerDevice),
        })),
      );
      for (const d of devices) await d.device.local.bulkDocs(d.docs);
      const perCommune = o.devicesPerCommune * o.recordsPerDevice;
      const t0 = performance.now();
      for (const d of devices) d.device.start();

      const problems: string[] = [];
      const serverDone = (async () => {
        const deadline = Date.now() + o.timeoutMs;
        const account = communes[0].users[0];
        while (Date.now() < deadline) {
          const counts = await Promise.all(
            communes.map((c) =>
              serverDocCount(s.server.url, dbNames(c.commune).log, c.users[0] ?? account),
            ),
          );
          // Each database also holds its design document.
          if (counts.every((n) => n >= perCommune + 1)) return performance.now() - t0;
          await new Promise((r) => setTimeout(r, 250));
        }
        return NaN;
      })().catch((err: Error) => {
        problems.push(`server count: ${err.message}`);
        return NaN;
      });
      const settled = await Promise.allSettled(
        devices.map((d) =>
          d.device.settled(
            async () => (await d.device.countChecks()) === perCommune,
            o.timeoutMs,
            200,
          ),
        ),
      );
      const convergeMs = performance.now() - t0;
      const serverMs = await serverDone;
      settled.forEach((r) => r.status === 'rejected' && problems.push(String(r.reason)));
      for (const c of communes) {
        const n = await serverDocCount(s.server.url, dbNames(c.commune).log, c.users[0]);
        if (n !== perCommune + 1)
          problems.push(`${c.commune}: server holds ${n - 1} of ${perCommune}`);
      }
      const errors = devices.reduce((n, d) => n + d.device.errors.length, 0);
      const denied = devices.reduce((n, d) => n + d.device.denied.length, 0);
      if (s.server.crashes) problems.push(`server crashed ${s.server.crashes} times`);
      for (const d of devices) await d.device.destroy();
      return {
        ...o,
        devices: devices.length,
        records: devices.length * o.recordsPerDevice,
        convergeMs,
        serverMs,
        errors,
        denied,
        converged: problems.length === 0,
        problems,
      };
    },
    undefined,
    dataDir,
  );
}
