// Records before photos (issue 16.2): each record database's photos replicate in a second
// pair of replications, over the paired photo database, started only once the records are up
// to date both ways and held again whenever the records' sync restarts (back online, a retry)
// or fails. A record is never queued behind photo bytes; photos go in small batches, each
// checkpointed, so a cut link resends only the batch it cut (an attachment is whole or absent).
// Once the photos have caught up they are parked (stopped) until the records move again or a
// photo is written here: a live photo pull would hold a long-poll open for nothing, and a
// browser has six connections per server (three record databases and three photo databases
// of long-polls took all six and stalled every other request).
import type { SyncEvent } from './sync-status';

/** Photo documents a round trip: about 0.6 MB, ~20 s on a 256 kbit/s link. */
export const PHOTO_BATCH_SIZE = 2;

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

  constructor(
    private readonly records: EventSource,
    private readonly photos: Startable,
    /** Called when the photos have caught up and were parked. */
    private readonly onParked: () => void = () => undefined,
  ) {}

  arm(upToDate = false): void {
    this.stops.forEach((s) => s());
    this.recordsUpToDate = upToDate;
    this.stops = [
      this.records.subscribe((e) => {
        if (e.type === 'paused') {
          this.recordsUpToDate = true;
          this.run();
        } else if (e.type === 'active' || HOLD.has(e.type)) {
          this.recordsUpToDate = false;
          if (HOLD.has(e.type)) void this.hold();
        }
      }),
      this.photos.subscribe((e) => {
        if (e.type === 'paused' && this.running) void this.hold().then(() => this.onParked());
      }),
    ];
    if (upToDate) this.run();
  }

  disarm(): Promise<void> {
    this.stops.forEach((s) => s());
    this.stops = [];
    this.running = false;
    return this.photos.stop();
  }

  /** A photo was written here: send it now if the records are up to date. */
  nudge(): void {
    if (this.recordsUpToDate && this.stops.length) this.run();
  }

  get photosRunning(): boolean {
    return this.running;
  }

  private run() {
    if (this.running) return;
    this.running = true;
    this.photos.start();
  }

  private hold(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.running = false;
    return this.photos.stop();
  }
}
