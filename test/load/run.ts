// `npm run bench:load`: 50 devices × 1,000 records by default (LOAD_DEVICES, LOAD_RECORDS), in
// communes of 5, spread over LOAD_WORKERS worker processes (default: one per commune).
// Exits non-zero when a device reports an error or anything fails to converge.
import { writeFileSync } from 'node:fs';
import { runLoad } from './load.ts';
import { formatLoad } from './report.ts';

const devices = Number(process.env.LOAD_DEVICES ?? 50);
const communes = Math.max(1, Math.round(devices / 5));
const result = await runLoad({
  communes,
  devicesPerCommune: Math.min(5, devices),
  recordsPerDevice: Number(process.env.LOAD_RECORDS ?? 1000),
  workers: Number(process.env.LOAD_WORKERS ?? communes),
  timeoutMs: Number(process.env.LOAD_TIMEOUT_MS ?? 15 * 60_000),
});
console.log(formatLoad(result));
// `npm run bench` runs this in its own process and reads the result from here.
if (process.env.LOAD_RESULT_FILE)
  writeFileSync(process.env.LOAD_RESULT_FILE, JSON.stringify(result));
const ok = result.converged && result.errors === 0 && result.denied === 0;
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
