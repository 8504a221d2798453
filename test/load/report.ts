// The load run in a few lines, for the console and docs/benchmarks.md.
import type { LoadResult } from './load.ts';

export function loadRows(r: LoadResult): [string, string][] {
  const perSecond = (n: number, ms: number) => `${Math.round(n / (ms / 1000))} /s`;
  // Every record reaches the server once and every other device of its commune once.
  const transfers = r.records * r.devicesPerCommune;
  return [
    [
      'devices × records',
      `${r.devices} × ${r.recordsPerDevice} (${r.communes} communes of ${r.devicesPerCommune})`,
    ],
    [
      'server holds every record after',
      `${(r.serverMs / 1000).toFixed(1)} s (${perSecond(r.records, r.serverMs)} records written)`,
    ],
    [
      'all devices converged after',
      `${(r.convergeMs / 1000).toFixed(1)} s (${perSecond(transfers, r.convergeMs)} record transfers)`,
    ],
    ['sync errors / refusals', `${r.errors} / ${r.denied}`],
    ['converged', r.converged ? 'yes' : `no: ${r.problems.slice(0, 5).join('; ')}`],
  ];
}

export function formatLoad(r: LoadResult): string {
  return loadRows(r)
    .map(([k, v]) => `${k.padEnd(34)} ${v}`)
    .join('\n');
}
