// The CouchDB leg of the tests: the integration suite against a real Apache CouchDB.
// Uses TEST_COUCHDB_URL (+ TEST_COUCHDB_USER / TEST_COUCHDB_PASSWORD) when set; otherwise
// starts ../shared/couchdb (beside the repository) on a free port in a temporary directory and
// stops it afterwards. When neither is available it says plainly that the leg was skipped.
// Extra arguments go to vitest (e.g. a single test file).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSharedCouch, sharedCouchCandidates } from './shared-couchdb.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = findSharedCouch(repo) ?? sharedCouchCandidates(repo)[0];
const args = process.argv.slice(2);

function skip(why) {
  console.log(`\nCouchDB leg SKIPPED: ${why}\n`);
  process.exit(0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let env = { ...process.env };
let stop = null;
if (!env.TEST_COUCHDB_URL) {
  const start = path.join(shared, 'start.sh');
  if (!existsSync(start)) skip(`no TEST_COUCHDB_URL is set and there is no ${start}.`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    skip(
      `the CouchDB in ${shared} is built for Debian 12 amd64, not ${process.platform}/${process.arch}.`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-couchdb-'));
  const port = await freePort();
  let out;
  try {
    out = execFileSync(start, [dir], {
      env: { ...process.env, COUCHDB_PORT: String(port) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    skip(`CouchDB did not start on this machine:\n${String(err.stderr || err.message).trim()}`);
  }
  const vars = Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
  env = {
    ...env,
    TEST_COUCHDB_URL: vars.COUCHDB_URL,
    TEST_COUCHDB_USER: vars.COUCHDB_USER,
    TEST_COUCHDB_PASSWORD: vars.COUCHDB_PASSWORD,
  };
  stop = () => {
    spawnSync(path.join(shared, 'stop.sh'), [dir], { stdio: 'inherit' });
    rmSync(dir, { recursive: true, force: true });
  };
  console.log(`CouchDB 3.4 for the tests on ${vars.COUCHDB_URL} (${dir})`);
}

// Ctrl-C reaches vitest too; stay alive to stop the CouchDB we started.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', ...(args.length ? args : ['test/integration'])], {
  cwd: repo,
  env: { ...env, TEST_BACKEND: 'couchdb' },
  stdio: 'inherit',
});
stop?.();
console.log(`CouchDB leg: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(run.status ?? 1);
