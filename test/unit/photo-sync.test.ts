// When photos sync (./photo-sync.ts): only while the records are up to date, parked once caught
// up, and looked at again after a while with nothing else moving (another phone sends its
// photos after its records), sooner when the records move or a photo is written here.
import { describe, expect, it } from 'vitest';
import { PhotosAfterRecords } from '../../src/lib/data/photo-sync';
import type { SyncEvent } from '../../src/lib/data/sync-status';

class Events {
  private listeners = new Set<(e: SyncEvent) => void>();
  subscribe(l: (e: SyncEvent) => void) {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
  emit(e: SyncEvent) {
    for (const l of this.listeners) l(e);
  }
}

/** A photo sync that catches up at once: started, it pauses (it has nothing more to send). */
class Photos extends Events {
  starts: number[] = [];
  constructor(private readonly t0: number) {
    super();
  }
  start() {
    this.starts.push(Date.now() - this.t0);
    queueMicrotask(() => this.emit({ type: 'paused', at: new Date().toISOString() }));
  }
  stop() {
    return Promise.resolve();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const paused: SyncEvent = { type: 'paused', at: '2026-01-01T00:00:00.000Z' };

describe('photos after records', () => {
  it('waits for the records, parks when caught up, then looks again with a growing wait', async () => {
    const records = new Events();
    const photos = new Photos(Date.now());
    const gate = new PhotosAfterRecords(records, photos, undefined, { firstMs: 40, maxMs: 160 });
    gate.arm(false);
    await sleep(100);
    expect(photos.starts).toEqual([]); // records not up to date yet
    records.emit(paused);
    // At once, then after 40, 80 and 160 ms of nothing (timers may only be late, never early).
    await expect.poll(() => photos.starts.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(4);
    const gaps = photos.starts.slice(1).map((t, i) => t - photos.starts[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(35);
    expect(gaps[1]).toBeGreaterThanOrEqual(75);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);

    // The records move again: photos at once, and the wait starts short again.
    await sleep(100);
    const before = photos.starts.length;
    records.emit({ type: 'active' });
    records.emit(paused);
    await expect.poll(() => photos.starts.length, { timeout: 5_000 }).toBeGreaterThan(before + 1);
    expect(photos.starts[before + 1] - photos.starts[before]).toBeGreaterThanOrEqual(35);

    // Offline: nothing until the records are up to date again.
    records.emit({ type: 'offline' });
    const held = photos.starts.length;
    await sleep(200);
    expect(photos.starts.length).toBe(held);
    await gate.disarm();
  });

  it("on a new phone, starts once every record is here, before the records' checkpoint", async () => {
    const records = new Events();
    const photos = new Photos(Date.now());
    const gate = new PhotosAfterRecords(records, photos, undefined, { firstMs: 500, maxMs: 500 });
    gate.arm(false);
    records.emit({ type: 'active' });
    await sleep(50);
    expect(photos.starts).toEqual([]);
    records.emit({ type: 'pulledAll' });
    await expect.poll(() => photos.starts.length).toBe(1);
    // Cut before the records' checkpoint was set: the photos are held again.
    records.emit({ type: 'offline' });
    await sleep(600);
    expect(photos.starts.length).toBe(1);
    await gate.disarm();
  });

  it('a photo written here is sent at once; disarmed, nothing runs again', async () => {
    const records = new Events();
    const photos = new Photos(Date.now());
    const gate = new PhotosAfterRecords(records, photos, undefined, { firstMs: 50, maxMs: 50 });
    gate.arm(true);
    await expect.poll(() => photos.starts.length).toBe(1);
    gate.nudge();
    await expect.poll(() => photos.starts.length).toBe(2);
    await gate.disarm();
    await sleep(120);
    expect(photos.starts.length).toBe(2);
  });
});
