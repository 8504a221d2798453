// `npx tsx test/bench/sync-backends.ts`: the Node sync benchmark (sync-speed.ts) on both
// servers, the embedded one and a real Apache CouchDB (TEST_BACKEND=couchdb, see
// ../support/harness/backend.ts), runs interleaved across servers and ways, medians reported.
// Writes the "Sync on both servers" section of docs/benchmarks.md, in the hand-kept part that
// `npm run bench` leaves alone. BENCH_RECORDS (10000), BENCH_SYNC_RUNS (3).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchChecks, jsonBytes, officer } from '../support/harness/checks.ts';
import { bytes, ratio, seconds } from '../support/harness/stats.ts';
import {
  medianRun,
  syncPlain,
  syncPlainLive,
  syncThroughEngine,
  type SyncRun,
} from './sync-speed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const records = Number(process.env.BENCH_RECORDS ?? 10_000);
const runs = Number(process.env.BENCH_SYNC_RUNS ?? 3);
const backends = ['embedded', 'couchdb'] as const;
const ways = { engine: syncThroughEngine, plain: syncPlain, live: syncPlainLive };
type Way = keyof typeof ways;

const docs = benchChecks(officer('canbo'), 'bench', records);
const json = docs.reduce((n, d) => n + jsonBytes(d), 0) / docs.length;
const results: Record<string, Record<Way, SyncRun[]>> = {};
for (const b of backends) results[b] = { engine: [], plain: [], live: [] };

for (let i = 0; i < runs; i++) {
  for (const b of backends) {
    process.env.TEST_BACKEND = b;
    for (const way of Object.keys(ways) as Way[]) {
      const run = await ways[way](docs);
      results[b][way].push(run);
      console.log(
        `run ${i + 1}/${runs} ${b.padEnd(8)} ${way.padEnd(6)} push ${seconds(run.pushMs)}, pull ${seconds(run.pullMs)}`,
      );
    }
  }
}

const m = Object.fromEntries(
  backends.map((b) => [
    b,
    Object.fromEntries((Object.keys(ways) as Way[]).map((w) => [w, medianRun(results[b][w])])),
  ]),
) as Record<(typeof backends)[number], Record<Way, SyncRun>>;

const row = (measure: string, f: (r: Record<Way, SyncRun>) => string) =>
  `| ${measure} | ${f(m.embedded)} | ${f(m.couchdb)} |`;
const perRecord = (r: SyncRun, dir: 'push' | 'pull') =>
  `${bytes(r[dir].up / records)} / ${bytes(r[dir].down / records)}`;
const section = `<!-- sync-backends:start -->
## Sync on both servers

\`npx tsx test/bench/sync-backends.ts\` on ${new Date().toISOString().slice(0, 10)}: the Node
sync benchmark (\`test/bench/sync-speed.ts\`: ${records} checks of ${Math.round(json)} bytes of JSON
each, in-memory PouchDB on the device side, through the TCP proxy, a fresh server per run) once
against the embedded server and once against Apache CouchDB 3.4.3 (QuickJS, single node, from
\`../shared/couchdb\`) behind the same Fieldbook server and \`/db\` gate. Medians of ${runs} runs,
interleaved across servers and ways; the machine's 2 cores were shared with other work.

| measure | embedded server | CouchDB 3.4 |
| --- | --- | --- |
${[
  row('push, SyncEngine', (r) => seconds(r.engine.pushMs)),
  row('push, plain PouchDB.replicate', (r) => seconds(r.plain.pushMs)),
  row('push, plain replicate, live mode', (r) => seconds(r.live.pushMs)),
  row('push, SyncEngine ÷ plain', (r) => ratio(r.engine.pushMs / r.plain.pushMs)),
  row('pull to a fresh device, SyncEngine', (r) => seconds(r.engine.pullMs)),
  row('pull, plain PouchDB.replicate', (r) => seconds(r.plain.pullMs)),
  row('pull, plain replicate, live mode', (r) => seconds(r.live.pullMs)),
  row('pull, SyncEngine ÷ plain', (r) => ratio(r.engine.pullMs / r.plain.pullMs)),
  row('SyncEngine push: up / down per record', (r) => perRecord(r.engine, 'push')),
  row('SyncEngine pull: up / down per record', (r) => perRecord(r.engine, 'pull')),
].join('\n')}
<!-- sync-backends:end -->`;
console.log('\n' + section);

// Below the marker `npm run bench` keeps; this section replaces its previous version.
const KEEP = '<!-- Written by hand below this line: npm run bench keeps it. -->';
const docPath = path.join(root, 'docs/benchmarks.md');
let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
if (!doc.includes(KEEP)) doc = `${doc.trimEnd()}\n\n${KEEP}\n`;
const old = /<!-- sync-backends:start -->[\s\S]*<!-- sync-backends:end -->/;
doc = old.test(doc) ? doc.replace(old, section) : `${doc.trimEnd()}\n\n${section}\n`;
writeFileSync(docPath, doc);
console.log('\nwritten: docs/benchmarks.md');
process.exit(0);
