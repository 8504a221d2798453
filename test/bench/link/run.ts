// The link benchmark alone (`npx tsx test/bench/link/run.ts`): prints its rows as a markdown
// table, for a quick look without the whole `npm run bench`.
import { markdownTable } from '../report.ts';
import { measureLinks } from './link-bench.ts';
import { linkRows } from './report.ts';

const records = Number(process.env.BENCH_LINK_RECORDS ?? 2000);
console.log(markdownTable(linkRows(await measureLinks(records))));
process.exit(0);
