// The server is killed with SIGKILL while devices are replicating, then started again on the
// same data directory and port, again and again. Devices are not told: to them the server
// just stops answering, and their retry with back-off must find it again. On CouchDB
// (TEST_BACKEND=couchdb) that this run started, every other blow also SIGKILLs CouchDB itself.
import { ownCouch } from '../support/harness/backend.ts';
import type { Rig } from './rig.ts';

export interface KillReport {
  kills: number;
  /** Kills that landed while bytes were crossing the link. */
  midTransfer: number;
  /** Of those, kills of CouchDB itself too. */
  databaseKills: number;
  restartMs: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function killTheServer(rig: Rig, kills: number): Promise<KillReport> {
  const report: KillReport = { kills: 0, midTransfer: 0, databaseKills: 0, restartMs: [] };
  const couch = ownCouch();
  for (let i = 0; i < kills; i++) {
    // A burst of new records, so that replication is busy when the blow lands.
    await Promise.all(rig.writers.map((w) => w.writeMany(15)));
    const before = rig.proxy.bytesUp + rig.proxy.bytesDown;
    await sleep(100 + Math.random() * 500);
    const moving = rig.proxy.bytesUp + rig.proxy.bytesDown > before;
    await rig.server.kill('SIGKILL');
    const database = couch !== null && i % 2 === 1;
    if (database) await couch.kill();
    report.kills += 1;
    if (database) report.databaseKills += 1;
    if (moving) report.midTransfer += 1;
    // Devices keep writing while the server is down.
    await Promise.all(rig.writers.map((w) => w.writeMany(3)));
    const t0 = Date.now();
    if (database) await couch.start();
    await rig.server.start();
    report.restartMs.push(Date.now() - t0);
    await sleep(1_500 + Math.random() * 1_500);
  }
  return report;
}
