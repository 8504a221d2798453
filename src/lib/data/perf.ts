// Performance marks for the benchmark (test/bench/app reads every `fb:` measure): what a screen
// waited on, visible in Chromium's DevTools too. Cheap enough to leave on in production.

const perf: Performance | undefined = typeof performance === 'undefined' ? undefined : performance;

/** Starts a span named `fb:<name>`; the returned function ends it. */
export function span(name: string): () => void {
  if (!perf?.measure) return () => undefined;
  const start = perf.now();
  return () => {
    try {
      perf.measure(`fb:${name}`, { start, end: perf.now() });
    } catch {
      // an old engine without measure options: nothing to record
    }
  };
}

/** Times a promise as a span. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const end = span(name);
  try {
    return await work();
  } finally {
    end();
  }
}
