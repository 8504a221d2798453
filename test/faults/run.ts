// `npm run test:faults`: devices and the server through a fault-injecting proxy, the link
// flapping 100 times, the server SIGKILLed 10 times; afterwards every copy must hold exactly
// the same records. Exits non-zero when anything is lost, duplicated, stale or in conflict.
import { CheckList } from './check-list.ts';
import { judge, waitForConvergence, type Snapshot } from './convergence.ts';
import { flapTheLink } from './flaps.ts';
import { killTheServer } from './kills.ts';
import { startRig, type Rig } from './rig.ts';
import { harnessBackend } from '../support/harness/backend.ts';
import { tolerateUnhandledRejections } from '../support/harness/unhandled-rejections.ts';

const FLAPS = 100;
const KILLS = 10;
const CONVERGE_TIMEOUT_MS = 150_000;
const HARD_LIMIT_MS = 9 * 60_000;

const checks = new CheckList();
const rejections = tolerateUnhandledRejections();
const hardLimit = setTimeout(() => {
  console.log(`FAIL  the fault run exceeded ${HARD_LIMIT_MS / 60_000} minutes`);
  console.log(checks.summary().replace(/(\d+) failed/, (_, n) => `${Number(n) + 1} failed`));
  process.exit(1);
}, HARD_LIMIT_MS);

function printCounts(snaps: Snapshot[]) {
  for (const s of snaps) {
    console.log(
      `      ${s.label.padEnd(8)} ${s.revs.size} records, ${s.conflicts.length} in conflict`,
    );
  }
}

async function converge(rig: Rig, phase: string) {
  const dbs = [
    ...rig.devices.map((d) => ({ label: d.label, db: d.local })),
    { label: 'server', db: rig.serverDb },
  ];
  const expected = rig.writers.reduce((n, w) => n + w.written.size, 0);
  const { snaps, converged, ms } = await waitForConvergence(dbs, expected, CONVERGE_TIMEOUT_MS);
  checks.check(
    `${phase}: all copies converged`,
    converged,
    `${(ms / 1000).toFixed(1)} s after the faults stopped`,
  );
  const v = judge(snaps, rig.writers);
  printCounts(snaps);
  const first = (list: string[]) => (list.length ? `: ${list.slice(0, 3).join('; ')}` : '');
  checks.check(
    `${phase}: none lost`,
    v.lost.length === 0,
    `${v.expected} written, ${v.lost.length} missing${first(v.lost)}`,
  );
  checks.check(
    `${phase}: none duplicated`,
    v.duplicated.length === 0 && v.unexpected.length === 0,
    `${v.duplicated.length} duplicates, ${v.unexpected.length} unknown ids${first([...v.duplicated, ...v.unexpected])}`,
  );
  checks.check(
    `${phase}: latest revision everywhere`,
    v.staleRevisions.length === 0,
    `${v.staleRevisions.length} stale${first(v.staleRevisions)}`,
  );
  // Each device edits only its own records, so there should be none; any found is reported.
  checks.check(
    `${phase}: no conflicts`,
    v.conflicts === 0,
    `${v.conflicts} documents with _conflicts across all copies`,
  );
}

const t0 = Date.now();
console.log(`fault run against the ${harnessBackend()} database (TEST_BACKEND)`);
const rig = await startRig();
try {
  const flaps = await flapTheLink(rig, FLAPS, 100_000);
  const p = rig.proxy.stats;
  checks.check(
    `link flapped ${flaps.flaps} times while 3 devices wrote`,
    flaps.flaps === FLAPS,
    `${flaps.announced} announced, ${(flaps.ms / 1000).toFixed(0)} s; proxy: ${p.connections} connections, ${p.dropped} dropped, ${p.delayed} delayed, ${p.cut} cut mid-response, ${p.refusedWhileDown} refused while down`,
  );
  await converge(rig, 'after flaps');

  const kills = await killTheServer(rig, KILLS);
  checks.check(
    `server SIGKILLed ${kills.kills} times and restarted`,
    kills.kills === KILLS,
    `${kills.midTransfer} while bytes were moving${kills.databaseKills ? `, CouchDB itself killed ${kills.databaseKills} times` : ''}; restarts took ${Math.min(...kills.restartMs)}–${Math.max(...kills.restartMs)} ms`,
  );
  await converge(rig, 'after kills');

  checks.check(
    'server never died on its own',
    rig.server.crashes === 0,
    `${rig.server.crashes} unexpected exits`,
  );
  const contained = (rig.server.log.match(/\[db\] (unhandled rejection|uncaught exception)/g) ?? [])
    .length;
  const errors = rig.devices.map((d) => `${d.label} ${d.errors.length}`).join(', ');
  const denied = rig.devices.reduce((n, d) => n + d.denied.length, 0);
  checks.check('no write refused by the server', denied === 0, `${denied} refused`);
  console.log(
    `      sync errors seen and retried: ${errors}; contained server errors logged: ${contained}`,
  );
  console.log(
    `      unhandled rejections on the devices (a browser logs them): ${rejections.summary()}`,
  );
} catch (err) {
  checks.check('fault run completed', false, String((err as Error).stack ?? err));
} finally {
  await rig.close();
}
console.log(`      took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(checks.summary());
clearTimeout(hardLimit);
process.exit(checks.failed ? 1 : 0);
