// The app's photo sync for one record database: a SyncController over the paired photo
// database that runs only once its records are up to date and parks when caught up
// (./photo-sync.ts). The workspace starts and stops it like any other; it arms and disarms
// the gate instead.
import { PHOTO_SLOTS, photoId } from '$lib/domain/photos';
import { PhotosAfterRecords } from './photo-sync';
import type { Delivery } from './receipts';
import { SyncController } from './sync.svelte';
import { reduceSync, type SyncEvent, type SyncStatus } from './sync-status';

type ControllerArgs = ConstructorParameters<typeof SyncController>;

export class PhotoSyncController extends SyncController {
  private readonly gate: PhotosAfterRecords;

  constructor(
    private readonly records: SyncController,
    ...args: ControllerArgs
  ) {
    super(...args);
    const engine = { start: () => super.start(), stop: () => super.stop() };
    this.gate = new PhotosAfterRecords(
      records,
      { ...engine, subscribe: (l) => super.subscribe(l) },
      // Parked after catching up: up to date, not "connecting" (what a stop would say), and
      // counted again (a stopped engine drops the count it had scheduled after its checkpoint).
      () => {
        if (this.status.online) this.status = { ...this.status, phase: 'upToDate' };
        this.countUnsent().catch(() => undefined);
      },
    );
    // Held or parked, the photo engine hears nothing: it follows the records' connectivity,
    // so the combined status never says "offline" for it while the records sync again.
    records.subscribe((e) => {
      if (!this.gate.photosRunning && (e.type === 'online' || e.type === 'offline'))
        this.status = reduceSync(this.status, e);
    });
  }

  /**
   * A parked photo sync that looks again starts as "connecting": up to date it stays, so the
   * status bar does not flicker every few seconds; moving photos still say "syncing".
   */
  protected override fold(status: SyncStatus, e: SyncEvent): SyncStatus {
    if (e.type === 'started' && status.phase === 'upToDate' && status.online) return status;
    return super.fold(status, e);
  }

  override start(): void {
    this.gate.arm(this.records.status.phase === 'upToDate');
    // Held behind the records (offline, say), the photos waiting here are still counted.
    if (!this.gate.photosRunning) this.countUnsent().catch(() => undefined);
  }

  /** A held or parked engine counts but tells nobody (it is stopped): count here instead. */
  override refreshPending(): void {
    if (this.gate.photosRunning) super.refreshPending();
    else this.countUnsent().catch(() => undefined);
  }

  override stop(): Promise<void> {
    return this.gate.disarm();
  }

  /** A photo written on this phone: sent now if the records are up to date. */
  nudge(): void {
    this.gate.nudge();
  }

  /** A record waits while one of its photos does; a photo the server refused is told too. */
  override delivery(recordId: string): Delivery {
    const states = PHOTO_SLOTS.map((slot) => super.delivery(photoId(recordId, slot)));
    return (
      states.find((d) => d.state === 'refused') ??
      states.find((d) => d.state === 'waiting') ?? { state: 'onServer', at: null, reason: null }
    );
  }
}
