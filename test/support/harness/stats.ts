// Small numeric helpers for reports.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
export const seconds = (v: number) => `${(v / 1000).toFixed(1)} s`;
export const bytes = (v: number) =>
  v >= 1024 * 1024
    ? `${(v / 1024 / 1024).toFixed(2)} MiB`
    : v >= 1024
      ? `${(v / 1024).toFixed(1)} KiB`
      : `${Math.round(v)} B`;
export const ratio = (v: number) => `${v.toFixed(2)} ×`;

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}
