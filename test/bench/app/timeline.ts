// A page's own timeline (navigation timing, the app's `fb:` spans, the benchmark's marks), for
// the profiles and for BENCH_APP_TRACE=1 in the app benchmark: what a slow screen waited on.
import type { Page } from 'playwright-core';

export interface Entry {
  name: string;
  start: number;
  ms: number;
}

export async function timeline(page: Page): Promise<Entry[]> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const out = [
      { name: 'nav:responseEnd', start: nav.responseEnd, ms: 0 },
      { name: 'nav:domContentLoaded', start: nav.domContentLoadedEventEnd, ms: 0 },
    ];
    for (const m of performance.getEntriesByType('measure'))
      if (m.name.startsWith('fb:')) out.push({ name: m.name, start: m.startTime, ms: m.duration });
    const marks = (window as unknown as { __marks: Record<string, unknown> }).__marks;
    for (const [k, v] of Object.entries(marks))
      if (typeof v === 'number') out.push({ name: `mark:${k}`, start: v, ms: 0 });
    return out.sort((a, b) => a.start - b.start);
  });
}

export function print(entries: Entry[]) {
  for (const e of entries)
    console.log(
      `  ${e.start.toFixed(0).padStart(7)} ms  ${e.ms ? `${e.ms.toFixed(1).padStart(8)} ms` : '           '}  ${e.name}`,
    );
}
