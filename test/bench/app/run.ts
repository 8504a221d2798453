// The app benchmark alone: `npx tsx test/bench/app/run.ts` (sizes as for `npm run bench`).
// Prints the rows and writes the raw results to BENCH_APP_OUT when set.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { measureApp } from './app-bench.ts';
import { appRows } from './report.ts';

const result = await measureApp(path.resolve(import.meta.dirname, '../../..'));
for (const [area, measure, value, target] of appRows(result))
  console.log(`${area} | ${measure} | ${value} | ${target ?? ''}`);
if (process.env.BENCH_APP_OUT) writeFileSync(process.env.BENCH_APP_OUT, JSON.stringify(result));
process.exit(0);
