// Replication between one local database and its server database: a live push and a live
// pull, retried with back-off, restarted at once when the network returns. It reports what
// happens as SyncEvents and knows nothing of the UI; sync.svelte.ts folds them into a status.
// Plain TypeScript, so benchmarks and fault tests run the very same code in Node.
import { nextDelay } from './backoff';
import { timed } from './perf';
import { FIRST_PULL_BATCH_SIZE, onlyPulledCheaply, onlyPulledUpTo } from './first-pull';
import type { PullHold } from './db-watch';
import { seqAfter, type Db } from './pouch-types';
import type { SyncEnvironment } from './sync-environment';
import { classifySyncError, type SyncEvent } from './sync-status';

export type { SyncEnvironment } from './sync-environment';

type Replication = PouchDB.Replication.Replication<object>;

export interface SyncMemory {
  pushedSeq: number | string;
  lastSyncedAt: string | null;
  /** Records the server refused, kept until one of their later revisions is accepted. */
  rejected: Record<string, string>;
}

/** The longest a restart waits for cancelled replications to stop before going on. */
const RESTART_WAIT_MS = 15_000;

const EMPTY_MEMORY: SyncMemory = { pushedSeq: 0, lastSyncedAt: null, rejected: {} };

/** Records a round trip. See startReplication. */
export const SYNC_BATCH_SIZE = 250;
export { FIRST_PULL_BATCH_SIZE } from './first-pull';
const PENDING_BATCH = 1000;

export interface SyncOptions {
  batchSize?: number;
  /** Delay before recounting pending changes after activity. */
  countDelayMs?: number;
  /**
   * Which changes are this person's own, for the pending count: documents pulled from the
   * server also appear in the local changes feed until the push checkpoint passes them.
   */
  isOwnChange?: (id: string) => boolean;
  /** Which of those are photos: the status says how many records and how many photos wait. */
  isPhoto?: (id: string) => boolean;
  /**
   * Holds the local database's live feed during a first pull, which tells it what it wrote
   * instead (db-watch.ts, holdForPull): the screens then need not read every record again.
   */
  holdFeed?: () => PullHold;
  /**
   * Documents a round trip of a new phone's first pull: FIRST_PULL_BATCH_SIZE unless set
   * (photos keep their small batches: a batch of photos is bytes, not round trips).
   */
  firstPullBatchSize?: number;
  /**
   * Starts reading a new phone's first pull one batch ahead (read-ahead.ts, local-db.ts
   * pullAhead): every revision is missing there. Returns its stop.
   */
  readAhead?: () => () => void;
  /**
   * What must be done before anything is sent: the device migration of the person's unsent
   * records (migrate-local.ts). A new phone's first pull does not wait for it.
   */
  beforePush?: Promise<unknown>;
}

export class SyncEngine {
  private push: Replication | null = null;
  private pull: Replication | null = null;
  private idle = { push: false, pull: false };
  /** Bumped at every restart: events of cancelled replications are ignored. */
  private generation = 0;
  private restarting = false;
  private counting = false;
  /** A count was asked for (refreshPending): it runs even during a first pull. */
  private asked = false;
  private countAgain = false;
  private restartAgain = false;
  /** The current (or last) restart: stop() resolves with it. */
  private cycle: Promise<void> = Promise.resolve();
  private stopped = true;
  private memory: SyncMemory;
  /** Own documents changed after the push checkpoint: their latest local sequence and rev. */
  private readonly pending = new Map<string, { seq: number | string; rev: string }>();
  /**
   * Revisions the pull wrote since the last count: the server has them, so they are not
   * pending (a new phone pulling its owner's records would otherwise count them all as
   * unsent until the push had compared them with the server).
   */
  private readonly pulled = new Map<string, string>();
  /** How far countPending has read the local changes feed. */
  private scannedSeq: number | string;
  private countTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * A new phone's first pull (see firstSync): undefined until the database was looked at, then
   * the revisions the pull wrote, or null once done or when the phone was not new.
   */
  private firstPull: Map<string, string> | null | undefined = undefined;
  private firstPullTimer: ReturnType<typeof setTimeout> | null = null;
  private firstPullDelay = 0;
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<(e: SyncEvent) => void>();

  constructor(
    private readonly local: Db,
    private readonly remote: Db,
    private readonly memoryKey: string,
    private readonly env: SyncEnvironment,
    private readonly options: SyncOptions = {},
  ) {
    this.memory = this.recall();
    this.scannedSeq = this.memory.pushedSeq;
  }

  get lastSyncedAt(): string | null {
    return this.memory.lastSyncedAt;
  }

  get rejected(): Record<string, string> {
    return this.memory.rejected;
  }

  subscribe(listener: (e: SyncEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts replicating, once any replications of an earlier run have stopped (a sign-in right
   * after a sign-out must not overlap the old ones).
   */
  start(): void {
    this.stopped = false;
    this.unsubscribe?.();
    this.unsubscribe = this.env.onConnectivity((online) => {
      if (!online) return this.emit({ type: 'offline' });
      this.emit({ type: 'online' });
      // Don't sit out a long back-off when the network is back: start again now.
      void this.restart();
    });
    // Connectivity may have changed since the status was made (a reopened phone).
    this.emit({ type: this.env.isOnline() ? 'online' : 'offline' });
    void this.restart();
    this.schedulePendingCount();
  }

  /**
   * Stops replicating. Nothing is reported after the 'stopped' event; the promise resolves
   * when the replications have really stopped (sign-out waits for it before closing).
   */
  stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.countTimer) clearTimeout(this.countTimer);
    this.countTimer = null;
    this.stopped = true;
    this.generation += 1;
    this.emit({ type: 'stopped' });
    return this.restart();
  }

  /** Try again now instead of waiting out a back-off (a person asked to send). */
  retryNow(): void {
    if (!this.stopped) void this.restart();
  }

  /** Whether `id` has a change the server does not have yet, as of the last count. */
  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  /** How many of the pending changes, as of the last count, are photos. */
  pendingPhotos(): number {
    const isPhoto = this.options.isPhoto;
    if (!isPhoto) return 0;
    let n = 0;
    for (const id of this.pending.keys()) if (isPhoto(id)) n += 1;
    return n;
  }

  /** Count pending changes again now (after a local write of the person's, for instance). */
  refreshPending(): void {
    this.asked = true;
    this.schedulePendingCount(0);
  }

  /**
   * Local changes the server does not have yet: own documents whose latest local change comes
   * after the push checkpoint. Kept incrementally: each count reads only the changes since the
   * previous one (a fresh phone pulling 10,000 records used to rescan them all after every
   * checkpoint), then drops what the checkpoint has passed.
   */
  async countPending(): Promise<number> {
    const own = this.options.isOwnChange ?? (() => true);
    for (;;) {
      const res = await this.local.changes({
        since: this.scannedSeq,
        limit: PENDING_BATCH,
        return_docs: true,
      });
      for (const r of res.results) {
        if (r.id.startsWith('_design/') || !own(r.id)) continue;
        this.pending.set(r.id, { seq: r.seq, rev: r.changes[0]?.rev ?? '' });
      }
      this.scannedSeq = res.last_seq;
      if (res.results.length < PENDING_BATCH) break;
    }
    const pushed = this.memory.pushedSeq;
    for (const [id, p] of this.pending) {
      // Passed by the push checkpoint, or this very revision came from the server.
      if (!seqAfter(p.seq, pushed) || this.pulled.get(id) === p.rev) this.pending.delete(id);
    }
    for (const id of this.pulled.keys()) if (!this.pending.has(id)) this.pulled.delete(id);
    return this.pending.size;
  }

  private startReplication() {
    this.emit({ type: 'started' });
    this.idle = { push: false, pull: false };
    this.generation += 1;
    if (this.memory.pushedSeq === 0) void this.firstSync();
    else this.startLive();
  }

  /**
   * A phone that has never pushed may be new: if its database was empty, pull everything first
   * in one go, then let the push begin after what the pull wrote. A live push beside the pull
   * would compare every pulled record with the server (`_revs_diff`, a round trip a batch) only
   * to learn the server has it. Anything written on the phone meanwhile keeps the push at the
   * start, so nothing of the person's is skipped. A cut link retries the pull after a back-off.
   */
  private async firstSync(): Promise<void> {
    const generation = this.generation;
    if (this.firstPull === undefined) {
      const info = await this.local.info().catch(() => null);
      if (generation !== this.generation || this.stopped) return;
      if (!info) return this.startLive();
      this.firstPull = info.update_seq === 0 ? new Map() : null;
    }
    const written = this.firstPull;
    if (!written) return this.startLive();
    const stopAhead = this.options.readAhead?.();
    const pull = this.local.replicate.from(this.remote, {
      batch_size: this.options.firstPullBatchSize ?? FIRST_PULL_BATCH_SIZE,
    });
    this.pull = pull;
    this.wire(pull, 'pull');
    const hold = this.options.holdFeed?.();
    void pull.on('change', (info) => {
      for (const doc of info.docs) if (doc._rev) written.set(doc._id, doc._rev);
      hold?.tell(info.docs as unknown as Record<string, unknown>[]);
    });
    // Where every change is a revision the pull wrote: what the hold's rows are confirmed by.
    let upTo: number | string | null = null;
    let bothWays = false;
    try {
      const result = await timed('sync:firstPull', async () => await pull).finally(stopAhead);
      if (this.pull !== pull) return; // cancelled by a restart or a stop
      const pushFrom = result.ok ? await onlyPulledUpTo(this.local, written) : null;
      upTo = pushFrom;
      if (this.pull !== pull) return;
      // A one-shot push from there sets the push checkpoint after the pulled records.
      if (pushFrom !== null) {
        hold?.release(upTo);
        this.emit({ type: 'pulledAll' });
        await this.pushReady();
        if (this.pull !== pull) return;
        await timed(
          'sync:firstPush',
          async () =>
            await this.local.replicate.to(this.remote, { since: pushFrom, batch_size: 1 }),
        );
        // Everything up to there came from the server: nothing of it is pending, after a
        // reopen too (the pending count starts from the push checkpoint), and the count need
        // not read it.
        this.remember({ pushedSeq: pushFrom });
        if (seqAfter(pushFrom, this.scannedSeq)) this.scannedSeq = pushFrom;
        this.schedulePendingCount(0);
        bothWays = true;
      }
    } catch {
      if (this.pull !== pull) return;
      this.pull = null;
      // Offline or cut (the error is reported by wire): the pull resumes from its checkpoint.
      // Meanwhile the count reads what was written (see recount).
      this.schedulePendingCount(0);
      this.firstPullDelay = nextDelay(this.firstPullDelay);
      this.firstPullTimer = setTimeout(() => void this.restart(), this.firstPullDelay);
      return;
    } finally {
      if (hold) void this.releaseHold(hold, upTo, written);
    }
    if (this.pull !== pull) return;
    this.pull = null;
    this.firstPull = null;
    // Everything on the server is here and nothing here waits to be sent: caught up both ways
    // now, not after the live replications' start (round trips that move nothing). What waits
    // for the records (their photos) starts at once; the live ones then say nothing new.
    if (bothWays) this.caughtUp();
    this.startLive();
  }

  private caughtUp() {
    const at = this.env.now();
    this.idle = { push: true, pull: true };
    this.remember({ lastSyncedAt: at });
    this.emit({ type: 'paused', at });
  }

  /**
   * Ends a first pull's hold of the feed, with the proof that nothing but the pulled revisions
   * was written when it is known, or else the cheap one (./first-pull.ts); none rewinds.
   */
  private async releaseHold(
    hold: PullHold,
    upTo: number | string | null,
    written: ReadonlyMap<string, string>,
  ): Promise<void> {
    upTo ??= await onlyPulledCheaply(this.local, written).catch(() => null);
    hold.release(upTo);
  }

  /** Settles when a push may start (see SyncOptions.beforePush); never rejects. */
  private pushReady(): Promise<unknown> {
    return (this.options.beforePush ?? Promise.resolve()).catch(() => undefined);
  }

  /** Live push and pull, once a push may start; a restart meanwhile starts its own. */
  private startLive() {
    if (this.stopped) return;
    const generation = this.generation;
    void this.pushReady().then(() => {
      if (generation === this.generation && !this.stopped) this.startLiveNow();
    });
  }

  private startLiveNow() {
    const opts = {
      live: true,
      retry: true,
      back_off_function: nextDelay,
      // 250 records (~250 KB) a round trip: on a weak mobile link round trips cost more than
      // bytes, and a batch lost to a cut connection is still small. PouchDB's default is 100;
      // `npm run bench` measured 1.34× plain replication at 100 and 0.98× at 250 (push).
      batch_size: this.options.batchSize ?? SYNC_BATCH_SIZE,
    };
    this.push = this.local.replicate.to(this.remote, opts);
    this.pull = this.local.replicate.from(this.remote, opts);
    this.wire(this.push, 'push');
    this.wire(this.pull, 'pull');
  }

  private cancelReplication(): Promise<unknown> {
    if (this.firstPullTimer) clearTimeout(this.firstPullTimer);
    this.firstPullTimer = null;
    const running = [this.push, this.pull].filter((r): r is Replication => r !== null);
    running.forEach((r) => void r.cancel());
    this.push = this.pull = null;
    // A cancelled replication may still be finishing a batch; it resolves when it has stopped.
    return Promise.allSettled(running);
  }

  /**
   * Cancel, wait until the old replications have really stopped, then start afresh unless
   * stopped. Two replications of the same pair must never overlap: they share checkpoints, and
   * an overlap was seen to move the pull checkpoint past documents never written (the fault
   * run). Every start and stop goes through here, one at a time.
   */
  private restart(): Promise<void> {
    if (this.restarting) {
      this.restartAgain = true;
      return this.cycle;
    }
    this.restarting = true;
    this.cycle = (async () => {
      try {
        do {
          this.restartAgain = false;
          const stopped = this.cancelReplication();
          await Promise.race([stopped, new Promise((r) => setTimeout(r, RESTART_WAIT_MS))]);
          if (!this.stopped && !this.restartAgain) this.startReplication();
        } while (this.restartAgain);
      } finally {
        this.restarting = false;
      }
    })();
    return this.cycle;
  }

  private wire(rep: Replication, direction: 'push' | 'pull') {
    // Failures arrive as 'error' events; the replication's own promise must not go unhandled.
    rep.catch(() => undefined);
    const generation = this.generation;
    const current = () => generation === this.generation;
    // `on` returns the replication, which is thenable: `void` marks these as event wiring.
    void rep.on('active', () => {
      if (!current()) return;
      this.idle[direction] = false;
      this.emit({ type: 'active' });
    });
    void rep.on('change', (info) => {
      if (!current()) return;
      const pending = (info as { pending?: number }).pending;
      this.emit({ type: 'progress', written: info.docs_written, pending: pending ?? null });
      if (direction === 'push') {
        for (const doc of info.docs) this.accept(doc._id);
        const own = this.options.isOwnChange ?? (() => true);
        const ids = info.docs
          .map((d) => d._id)
          .filter((id) => own(id) && !(id in this.memory.rejected));
        if (ids.length) this.emit({ type: 'pushed', ids, at: this.env.now() });
      } else {
        for (const doc of info.docs) if (doc._rev) this.pulled.set(doc._id, doc._rev);
      }
    });
    void rep.on('paused', (err) => {
      if (!current()) return;
      if (err) {
        this.idle[direction] = false; // not caught up until it pauses cleanly
        return this.emit({ type: 'error', error: classifySyncError(err) });
      }
      const wasCaughtUp = this.idle.push && this.idle.pull;
      this.idle[direction] = true;
      if (this.idle.push && this.idle.pull && !wasCaughtUp) this.caughtUp();
      this.schedulePendingCount();
    });
    void rep.on('denied', (err) => {
      if (!current()) return;
      const e = err as { id?: string; reason?: string; message?: string };
      if (e.id) this.deny(e.id, e.reason ?? e.message ?? '');
    });
    void rep.on('error', (err) => {
      if (current()) this.emit({ type: 'error', error: classifySyncError(err) });
    });
    if (direction === 'push') {
      // The push checkpoint tells how far the server has everything we wrote.
      (rep as unknown as NodeJS.EventEmitter).on('checkpoint', (c: { checkpoint?: number }) => {
        if (c.checkpoint !== undefined && current()) {
          this.remember({ pushedSeq: c.checkpoint });
          this.schedulePendingCount();
        }
      });
    }
  }

  private schedulePendingCount(delayMs = this.options.countDelayMs ?? 300) {
    if (this.countTimer) clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      this.countTimer = null;
      void this.recount();
    }, delayMs);
  }

  /**
   * One count at a time: on a busy phone, overlapping scans of the changes feed pile up. While
   * a new phone's first pull runs, a count nobody asked for waits: it would read every pulled
   * record only to find them not the person's; it counts when the pull ends or breaks off, from
   * where the pulled records end. A count asked for (the person wrote something) runs.
   */
  private async recount(): Promise<void> {
    if (this.firstPull && this.pull && !this.asked) return;
    this.asked = false;
    if (this.counting) {
      this.countAgain = true;
      return;
    }
    this.counting = true;
    try {
      do {
        this.countAgain = false;
        const count = await this.countPending();
        if (this.stopped) return;
        this.emit({ type: 'pendingCounted', count, photos: this.pendingPhotos() });
      } while (this.countAgain);
    } catch {
      // a closed database while signing out: nothing to show
    } finally {
      this.counting = false;
    }
  }

  private deny(id: string, reason: string) {
    this.remember({ rejected: { ...this.memory.rejected, [id]: reason } });
    this.emit({ type: 'denied', id, reason });
  }

  /** A receipt only for a record the server had refused: the rest need no event each. */
  private accept(id: string) {
    if (!(id in this.memory.rejected)) return;
    const rejected = { ...this.memory.rejected };
    delete rejected[id];
    this.remember({ rejected });
    this.emit({ type: 'accepted', id });
  }

  private emit(e: SyncEvent) {
    for (const l of this.listeners) l(e);
  }

  private recall(): SyncMemory {
    try {
      const raw = this.env.storage.getItem(this.memoryKey);
      if (raw) return { ...EMPTY_MEMORY, ...JSON.parse(raw) };
    } catch {
      // unreadable memory only costs a recount
    }
    return EMPTY_MEMORY;
  }

  private remember(patch: Partial<SyncMemory>) {
    this.memory = { ...this.memory, ...patch };
    this.env.storage.setItem(this.memoryKey, JSON.stringify(this.memory));
  }
}
