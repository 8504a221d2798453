// Records before photos (issue 16.2): each record database's photos replicate in a second
// pair of replications, over the paired photo database, started only once the records are up
// to date both ways (a new phone's, once all its records are here) and held again whenever
// the records' sync restarts (back online, a retry) or fails. A record is never queued behind
// photo bytes; photos go in small batches, each checkpointed, so a cut link resends only the
// batch it cut (an attachment is whole or absent).
// Once the photos have caught up they are parked (stopped) until the records move again or a
// photo is written here: a live photo pull would hold a long-poll open for nothing, and a
// browser has six connections per server (three record databases and three photo databases
// of long-polls took all six and stalled every other request). A parked photo sync looks
// again after a while (5 s, doubling to 5 min): another phone sends its photos after its
// records, so a record here can be followed by its photos with nothing else moving.
import type { SyncEvent } from './sync-status';

/** Photo documents a round trip: about 0.6 MB, ~20 s on a 256 kbit/s link. */
export const PHOTO_BATCH_SIZE = 2;

/** A photo sync's batches (SyncOptions): a new phone's first pull keeps them small too. */
export const photoBatches = (size = PHOTO_BATCH_SIZE) => ({
  batchSize: size,
  firstPullBatchSize: size,
});

/** A parked photo sync looks again after this long, doubling up to the maximum. */
export const PHOTO_RECHECK = { firstMs: 5_000, maxMs: 5 * 60_000 };

export interface EventSource {
  subscribe(listener: (e: SyncEvent) => void): () => void;
}
export interface Startable extends EventSource {
  start(): void;
  stop(): Promise<void>;
}

/** The records' events that mean "not up to date any more": photos wait for the next pause. */
const HOLD: ReadonlySet<SyncEvent['type']> = new Set(['started', 'offline', 'error', 'stopped']);

/**
 * Runs `photos` only while `records` is caught up: armed, it starts photos at the records'
 * next pause (at once if `upToDate` says they are caught up already), parks them when they
 * have caught up, and starts them again at the records' next pause or a `nudge` (a photo
 * written on this phone); disarmed, it stops them. Works on SyncEngines (Node tests,
 * benchmarks) and SyncControllers (the app) alike.
 */
export class PhotosAfterRecords {
  private running = false;
  private recordsUpToDate = false;
  private stops: (() => void)[] = [];
  private recheck: ReturnType<typeof setTimeout> | null = null;
  private recheckMs: number;

  constructor(
    private readonly records: EventSource,
    private readonly photos: Startable,
    /** Called when the photos have caught up and were parked. */
    private readonly onParked: () => void = () => undefined,
    private readonly timing = PHOTO_RECHECK,
  ) {
    this.recheckMs = timing.firstMs;
  }

  arm(upToDate = false): void {
    this.stops.forEach((s) => s());
    this.recordsUpToDate = upToDate;
    this.stops = [
      this.records.subscribe((e) => {
        // A new phone's records are all here before their push checkpoint is set: the photos
        // need not wait for that round trip.
        if (e.type === 'paused' || e.type === 'pulledAll') {
          this.recordsUpToDate = true;
          this.recheckMs = this.timing.firstMs;
          this.run();
        } else if (e.type === 'active' || HOLD.has(e.type)) {
          this.recordsUpToDate = false;
          if (HOLD.has(e.type)) void this.hold();
        }
      }),
      this.photos.subscribe((e) => {
        if (e.type === 'paused' && this.running) void this.hold().then(() => this.parked());
      }),
    ];
    if (upToDate) this.run();
  }

  disarm(): Promise<void> {
    this.stops.forEach((s) => s());
    this.stops = [];
    this.running = false;
    this.cancelRecheck();
    return this.photos.stop();
  }

  /** A photo was written here: send it now if the records are up to date. */
  nudge(): void {
    this.recheckMs = this.timing.firstMs;
    if (this.recordsUpToDate && this.stops.length) this.run();
  }

  get photosRunning(): boolean {
    return this.running;
  }

  private run() {
    this.cancelRecheck();
    if (this.running) return;
    this.running = true;
    this.photos.start();
  }

  /** Caught up and stopped: look again later, while the records stay up to date. */
  private parked() {
    this.onParked();
    if (!this.stops.length || !this.recordsUpToDate || this.running) return;
    this.cancelRecheck();
    const wait = this.recheckMs;
    this.recheckMs = Math.min(wait * 2, this.timing.maxMs);
    this.recheck = setTimeout(() => {
      this.recheck = null;
      if (this.recordsUpToDate && this.stops.length) this.run();
    }, wait);
  }

  private cancelRecheck() {
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = null;
  }

  private hold(): Promise<void> {
    this.cancelRecheck();
    if (!this.running) return Promise.resolve();
    this.running = false;
    return this.photos.stop();
  }
}
