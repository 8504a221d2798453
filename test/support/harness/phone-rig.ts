// One phone for SyncEngine's own tests: an in-memory PouchDB synced through a TcpProxy (the
// test takes the link down and up) with a Node environment (the test says online or offline),
// the engine's events folded into the same SyncStatus the UI renders, and a count of the
// replications running at once (two of the same pair must never overlap).
import { SyncEngine, type SyncOptions } from '../../../src/lib/data/sync-engine.ts';
import type { Db } from '../../../src/lib/data/pouch-types.ts';
import {
  initialSyncStatus,
  reduceSync,
  type SyncEvent,
  type SyncStatus,
} from '../../../src/lib/data/sync-status.ts';
import { parseId } from '../../../src/lib/domain/ids.ts';
import { httpDb } from '../pouch.ts';
import type { NodeEnvironment } from './node-environment.ts';
import type { TcpProxy } from './tcp-proxy.ts';

export interface Overlap {
  live: { push: number; pull: number };
  max: { push: number; pull: number };
  /** How many live (continuous) replications have been started, either way. */
  continuousStarted: number;
}

/**
 * Counts the replications of `local` that have started and not yet stopped, per direction, and
 * the live ones started.
 */
export function trackReplications(local: Db): Overlap {
  const o: Overlap = {
    live: { push: 0, pull: 0 },
    max: { push: 0, pull: 0 },
    continuousStarted: 0,
  };
  const methods = local.replicate as unknown as Record<'to' | 'from', (...a: unknown[]) => never>;
  for (const [method, dir] of [
    ['to', 'push'],
    ['from', 'pull'],
  ] as const) {
    const original = methods[method];
    methods[method] = (...args: unknown[]) => {
      const rep = original(...args) as PromiseLike<unknown>;
      if ((args[1] as { live?: boolean } | undefined)?.live) o.continuousStarted += 1;
      o.live[dir] += 1;
      o.max[dir] = Math.max(o.max[dir], o.live[dir]);
      const done = () => void (o.live[dir] -= 1);
      rep.then(done, done);
      return rep as never;
    };
  }
  return o;
}

export class PhoneRig {
  engine!: SyncEngine;
  status!: SyncStatus;
  events: SyncEvent[] = [];
  readonly remote: Db;
  readonly overlap: Overlap;

  constructor(
    readonly local: Db,
    readonly env: NodeEnvironment,
    readonly proxy: TcpProxy,
    proxyUrl: string,
    dbName: string,
    readonly account: { name: string; password: string },
    private readonly options: SyncOptions = {},
  ) {
    this.remote = httpDb(proxyUrl, dbName, account);
    this.overlap = trackReplications(local);
    this.reopen();
  }

  /** A new engine on the same database and memory, as when the app opens again. */
  reopen(): void {
    const own = (id: string) => parseId(id)?.user === this.account.name;
    this.engine = new SyncEngine(this.local, this.remote, `sync:${this.account.name}`, this.env, {
      isOwnChange: own,
      countDelayMs: 20,
      ...this.options,
    });
    this.status = initialSyncStatus(
      this.env.isOnline(),
      this.engine.lastSyncedAt,
      this.engine.rejected,
    );
    this.events = [];
    this.engine.subscribe((e) => {
      this.events.push(e);
      this.status = reduceSync(this.status, e);
    });
  }

  /** The phone loses its network: the link is cut and the browser says offline. */
  offline(): void {
    this.proxy.setLink(false);
    this.env.setOnline(false);
  }

  online(): void {
    this.proxy.setLink(true);
    this.env.setOnline(true);
  }
}

/** Polls `check` until it holds (a condition on real outcomes, never a measured time). */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  state: () => unknown = () => '',
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not reached within ${timeoutMs} ms: ${what} ${JSON.stringify(state())}`);
}
