// Live queries: what a screen shows, kept up to date as the local databases change. A query is a
// `Source` — how to read its value and what to watch — so a screen never wires a repository's
// `watch` by hand. A source may read records, or read an index that is kept up to date
// incrementally (then `subscribe` listens to the index, and `read` is cheap): screens do not
// change when a query moves onto an index.
//
// The runner coalesces: a burst of changes (a replication batch, a bulk save) becomes one read
// after the burst goes quiet (or after `maxWaitMs` at the latest, so a long sync still shows
// progress), and reads never overlap: a change during a read schedules exactly one more read.

import { span } from './perf';

export interface Source<T> {
  /** A name for performance marks (`fb:read:<label>`, see perf.ts). */
  label?: string;
  /** The current value. */
  read(): Promise<T>;
  /** Calls `onChange` whenever `read` may return something new; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

/** Anything that calls back on changes: every repository has `watch`. */
export interface Watchable {
  watch(onChange: () => void): () => void;
}

/** A source that reads with `read` and watches `watched` (repositories or other sources). */
export function source<T>(read: () => Promise<T>, ...watched: Watchable[]): Source<T> {
  return {
    read,
    subscribe(onChange) {
      const stops = watched.map((w) => w.watch(onChange));
      return () => stops.forEach((stop) => stop());
    },
  };
}

/** The same source with a name for performance marks. */
export function named<T>(label: string, src: Source<T>): Source<T> {
  return { ...src, label };
}

/** A source derived from another: `map` runs on every new value of `from`. */
export function mapSource<A, B>(from: Source<A>, map: (a: A) => B | Promise<B>): Source<B> {
  return {
    label: from.label,
    read: async () => map(await from.read()),
    subscribe: (cb) => from.subscribe(cb),
  };
}

export interface QueryState<T> {
  /** True until the first read has finished (successfully or not). */
  loading: boolean;
  /** The latest value read; kept while a newer one is being read, and after an error. */
  value: T | undefined;
  /** The error of the latest read, null once a read succeeds again. */
  error: unknown;
}

export interface RunnerOptions {
  /** A change waits this long for more changes before the read. */
  quietMs?: number;
  /** …but never longer than this after the first change of a burst. */
  maxWaitMs?: number;
}

export const DEFAULT_QUIET_MS = 100;
export const DEFAULT_MAX_WAIT_MS = 1000;

/** Runs one source for one screen: first read at `start`, coalesced reads on change. */
export class QueryRunner<T> {
  private state: QueryState<T> = { loading: true, value: undefined, error: null };
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private burstStart = 0;
  private reading = false;
  private again = false;
  private stopped = false;
  /** Number of reads started: what the coalescing saves is visible in tests and benchmarks. */
  reads = 0;

  constructor(
    private readonly src: Source<T>,
    private readonly onState: (s: QueryState<T>) => void,
    private readonly opts: RunnerOptions = {},
  ) {}

  start(): void {
    this.unsubscribe = this.src.subscribe(() => this.changed());
    void this.read();
  }

  /** Read again now (after the screen's own write, for instance). */
  refresh(): void {
    this.clearTimer();
    void this.read();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private changed(): void {
    if (this.stopped) return;
    const now = Date.now();
    if (!this.timer) this.burstStart = now;
    const quiet = this.opts.quietMs ?? DEFAULT_QUIET_MS;
    const maxWait = this.opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    const wait = Math.max(0, Math.min(quiet, this.burstStart + maxWait - now));
    this.clearTimer(false);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.read();
    }, wait);
  }

  private clearTimer(resetBurst = true): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (resetBurst) this.burstStart = 0;
  }

  private async read(): Promise<void> {
    if (this.stopped) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    this.reads++;
    try {
      const end = span(`read:${this.src.label ?? 'query'}`);
      const value = await this.src.read().finally(end);
      if (!this.stopped) this.emit({ loading: false, value, error: null });
    } catch (error) {
      if (!this.stopped) this.emit({ ...this.state, loading: false, error });
    } finally {
      this.reading = false;
    }
    if (this.again && !this.stopped) {
      this.again = false;
      await this.read();
    }
  }

  private emit(s: QueryState<T>): void {
    this.state = s;
    this.onState(s);
  }
}
