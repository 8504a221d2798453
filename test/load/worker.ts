// One worker process of the load run: the devices of a few communes, each an in-memory PouchDB
// synced by Fieldbook's own SyncEngine. Spread over several processes, no single heap holds
// every device (one process with all 50 grew past 8 GB). Talks to load.ts over IPC:
// it loads its devices' records and says `ready`; on `go` it starts every engine, waits until
// each device holds its whole commune's records, then sends its `result` and exits.
// Usage: node --import tsx worker.ts '<WorkerJob json>'
import { dbNames } from '../../src/lib/domain/constants.ts';
import { benchChecks, officer } from '../support/harness/checks.ts';
import { countChecks, Device } from '../support/harness/device.ts';
import { tolerateUnhandledRejections } from '../support/harness/unhandled-rejections.ts';
import type { CommunePlan } from './provision-communes.ts';

export interface WorkerJob {
  serverUrl: string;
  communes: CommunePlan[];
  recordsPerDevice: number;
  timeoutMs: number;
}

export interface DeviceResult {
  label: string;
  /** Epoch ms at which the device held every record of its commune; null if it never did. */
  convergedAt: number | null;
  errors: number;
  denied: number;
  problem?: string;
}

export type WorkerMessage =
  | { type: 'ready'; loadMs: number }
  | {
      type: 'result';
      devices: DeviceResult[];
      /** Peak resident memory of this process, bytes. */
      maxRss: number;
      unhandledRejections: string;
    };

export type ParentMessage = { type: 'go' };

const send = (m: WorkerMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(m, undefined, undefined, (err) => (err ? reject(err) : resolve())),
  );

// If load.ts goes away, so does this worker.
process.on('disconnect', () => process.exit(1));

const job = JSON.parse(process.argv[2]) as WorkerJob;
const rejections = tolerateUnhandledRejections();
const perCommune = job.recordsPerDevice * (job.communes[0]?.users.length ?? 0);

const loadStart = performance.now();
const devices: { device: Device; commune: string }[] = [];
for (const { commune, users } of job.communes) {
  for (const u of users) {
    const device = new Device(`load-${u.name}`, job.serverUrl, dbNames(commune).log, u);
    // Written through the domain factory and schema; the array is dropped once stored.
    await device.local.bulkDocs(
      benchChecks(officer(u.name, commune), `load ${u.name}`, job.recordsPerDevice),
    );
    devices.push({ device, commune });
  }
}
await send({ type: 'ready', loadMs: performance.now() - loadStart });

await new Promise<void>((resolve) =>
  process.on('message', (m: ParentMessage) => m.type === 'go' && resolve()),
);

/**
 * Until the device holds its commune's records. Checked only when the engine reports "caught
 * up" (and every few seconds in case it did before), first by the cheap local document count,
 * then by counting the checks themselves.
 */
function converged(device: Device, deadline: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let checking = false;
    let again = false;
    const check = async () => {
      if (checking) return void (again = true);
      checking = true;
      try {
        do {
          again = false;
          const { doc_count } = await device.local.info();
          if (doc_count >= perCommune && (await countChecks(device.local)) === perCommune) {
            finish();
            return resolve(Date.now());
          }
        } while (again);
      } catch (err) {
        finish();
        reject(err as Error);
      } finally {
        checking = false;
      }
    };
    const unsubscribe = device.engine.subscribe((e) => e.type === 'paused' && void check());
    const timer = setInterval(() => {
      if (Date.now() > deadline) {
        finish();
        reject(new Error(`${device.label}: not converged within ${job.timeoutMs} ms`));
      } else void check();
    }, 5_000);
    const finish = () => {
      unsubscribe();
      clearInterval(timer);
    };
  });
}

const deadline = Date.now() + job.timeoutMs;
for (const { device } of devices) device.start();
const results = await Promise.all(
  devices.map(async ({ device }): Promise<DeviceResult> => {
    let convergedAt: number | null = null;
    let problem: string | undefined;
    try {
      convergedAt = await converged(device, deadline);
    } catch (err) {
      problem = (err as Error).message;
    }
    return {
      label: device.label,
      convergedAt,
      errors: device.errors.length,
      denied: device.denied.length,
      problem,
    };
  }),
);
// Every device keeps syncing until all of this worker's have converged: a device that stopped
// early would no longer push to the others' server. Now they may stop.
await Promise.all(devices.map(({ device }) => device.stop()));
await send({
  type: 'result',
  devices: results,
  maxRss: process.resourceUsage().maxRSS * 1024,
  unhandledRejections: rejections.summary(),
});
process.exit(0);
