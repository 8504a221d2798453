// The load run in a few lines, for the console and docs/benchmarks.md.
import type { LoadResult } from './load.ts';

const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
const secs = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never');
const perSecond = (n: number, ms: number) =>
  Number.isFinite(ms) ? `${Math.round(n / (ms / 1000))} /s` : '—';

export function loadRows(r: LoadResult): [string, string][] {
  // Every record reaches the server once and every other device of its commune once.
  const transfers = r.records * r.devicesPerCommune;
  return [
    [
      'devices × records',
      `${r.devices} × ${r.recordsPerDevice} (${r.communes} communes of ${r.devicesPerCommune}, ${r.workers} worker processes)`,
    ],
    ['records bulk-loaded on the devices before the start', secs(r.loadMs)],
    [
      'server holds every record after',
      `${secs(r.serverMs)} (${perSecond(r.records, r.serverMs)} records written)`,
    ],
    [
      'all devices converged after',
      `${secs(r.convergeMs)} (${perSecond(transfers, r.convergeMs)} record transfers, ${r.convergedDevices} of ${r.devices} devices)`,
    ],
    ['sync errors / refusals', `${r.errors} / ${r.denied}`],
    ['peak memory: largest worker / server', `${mib(r.maxWorkerRss)} / ${mib(r.maxServerRss)}`],
    ['converged', r.converged ? 'yes' : `no: ${r.problems.slice(0, 5).join('; ')}`],
  ];
}

export function formatLoad(r: LoadResult): string {
  return loadRows(r)
    .map(([k, v]) => `${k.padEnd(52)} ${v}`)
    .join('\n');
}
