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
    // The page's own code and styles as they arrived (from the service worker's cache or not).
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      if (/\.(js|css)$/.test(r.name) && r.startTime < 3000)
        out.push({ name: `load:${r.name.split('/').pop()}`, start: r.startTime, ms: r.duration });
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

/**
 * Starts sampling `page`'s CPU (every `intervalUs` microseconds, or CDP's default); `stop`
 * ends it and gives the profile, for printCpu.
 */
export async function startCpuProfile(
  page: Page,
  intervalUs?: number,
): Promise<{ stop(): Promise<CpuProfile> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  if (intervalUs) await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      return profile;
    },
  };
}

/** A CPU profile as CDP's `Profiler.stop` gives it (the fields read here). */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Prints a CPU profile: self time by function (the build's minified names, with file and line),
 * then, for the busiest functions, the chains of callers their time came through.
 */
export function printCpu(profile: CpuProfile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  };
  const self = new Map<string, number>();
  samples.forEach((id, k) => self.set(name(id), (self.get(name(id)) ?? 0) + (dt[k] ?? 0) / 1000));
  const ranked = [...self].sort((a, b) => b[1] - a[1]);
  // Which code the time went to: PouchDB, Svelte, the app's own chunks, the browser.
  const byScript = new Map<string, number>();
  samples.forEach((id, k) => {
    const script = byId.get(id)!.callFrame.url.split('/').pop() || '(browser)';
    byScript.set(script, (byScript.get(script) ?? 0) + (dt[k] ?? 0) / 1000);
  });
  console.log('CPU self time by script (ms):');
  for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  console.log('CPU self time (ms):');
  for (const [k, v] of ranked.slice(0, top)) console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
  const busiest = new Set(
    ranked
      .map(([k]) => k)
      .filter((k) => !/^\((idle|program|garbage collector)\)/.test(k))
      .slice(0, 6),
  );
  const chains = new Map<string, number>();
  samples.forEach((id, k) => {
    if (!busiest.has(name(id))) return;
    const up = [name(id)];
    for (let p = parent.get(id), d = 0; p !== undefined && d < 6; p = parent.get(p), d++)
      up.push(name(p));
    const key = up.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
  });
  console.log('callers of the busiest functions (ms):');
  for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${v.toFixed(1).padStart(8)}  ${k}`);
}
