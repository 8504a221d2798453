// What every app benchmark and profile starts from: the app built, a work folder for the
// phones' profiles, and the benchmark page bundled into it (served on the app's own origin so
// that it shares the app's IndexedDB, see browser.ts); the folder is removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from '../app-size.ts';
import { bundleBrowserBench } from '../browser/bundle.ts';

export interface BenchSite {
  /** A temporary folder for the phones' browser profiles. */
  work: string;
  /** The bundled benchmark page (`page-entry.ts`). */
  benchJs: string;
}

export async function withBenchSite<T>(
  root: string,
  prefix: string,
  run: (site: BenchSite) => Promise<T>,
): Promise<T> {
  ensureBuild(root);
  const work = mkdtempSync(path.join(os.tmpdir(), prefix));
  const benchJs = path.join(work, 'site', 'bench.js');
  await bundleBrowserBench(path.dirname(benchJs), path.join(import.meta.dirname, 'page-entry.ts'));
  try {
    return await run({ work, benchJs });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
