import { describe, expect, it } from 'vitest';
import { nextDelay, BACKOFF } from '../../src/lib/data/backoff.ts';
import {
  classifySyncError,
  initialSyncStatus,
  reduceSync,
  type SyncEvent,
} from '../../src/lib/data/sync-status.ts';

const fold = (events: SyncEvent[], online = true) =>
  events.reduce(reduceSync, initialSyncStatus(online));

describe('sync status', () => {
  it('starts offline or connecting', () => {
    expect(initialSyncStatus(false).phase).toBe('offline');
    expect(initialSyncStatus(true).phase).toBe('connecting');
  });

  it('goes syncing → up to date, with progress and the time of the last sync', () => {
    const s1 = fold([{ type: 'active' }, { type: 'progress', written: 30, pending: 70 }]);
    expect(s1.phase).toBe('syncing');
    expect(s1.progress).toBeCloseTo(0.3);
    const s2 = reduceSync(s1, { type: 'paused', at: '2026-11-26T01:00:00.000Z' });
    expect(s2).toMatchObject({
      phase: 'upToDate',
      progress: null,
      lastSyncedAt: '2026-11-26T01:00:00.000Z',
    });
  });

  it('shows offline whatever replication says, and reconnects when the network returns', () => {
    const s = fold([{ type: 'offline' }, { type: 'active' }, { type: 'paused', at: 'x' }]);
    expect(s.phase).toBe('offline');
    expect(s.lastSyncedAt).toBeNull();
    expect(reduceSync(s, { type: 'online' }).phase).toBe('connecting');
  });

  it('keeps an error visible until replication recovers', () => {
    const failing = fold([{ type: 'error', error: 'network' }]);
    expect(failing).toMatchObject({ phase: 'error', error: 'network' });
    // The engine reports 'paused' only when both directions caught up without error.
    const caughtUp = reduceSync(failing, { type: 'paused', at: 'x' });
    expect(caughtUp).toMatchObject({ phase: 'upToDate', error: null, lastSyncedAt: 'x' });
    const recovered = fold([
      { type: 'error', error: 'server' },
      { type: 'active' },
      { type: 'paused', at: 'y' },
    ]);
    expect(recovered).toMatchObject({ phase: 'upToDate', error: null });
  });

  it('asks to sign in again when the server refuses the session', () => {
    expect(fold([{ type: 'error', error: 'unauthorized' }]).phase).toBe('signedOut');
  });

  it('tracks pending local changes and refused documents', () => {
    const s = fold([
      { type: 'pendingCounted', count: 4 },
      { type: 'denied', id: 'check:a', reason: 'author must be you' },
      { type: 'denied', id: 'check:b', reason: 'bad' },
      { type: 'accepted', id: 'check:b' },
    ]);
    expect(s.pendingLocal).toBe(4);
    expect(s.rejected).toEqual({ 'check:a': 'author must be you' });
  });

  it('classifies errors into words a person can be told', () => {
    expect(classifySyncError({ status: 401 })).toBe('unauthorized');
    expect(classifySyncError({ name: 'forbidden' })).toBe('forbidden');
    expect(classifySyncError({ status: 503 })).toBe('server');
    expect(classifySyncError(new TypeError('Failed to fetch'))).toBe('network');
    expect(classifySyncError(undefined)).toBe('unknown');
  });
});

describe('back-off', () => {
  it('grows exponentially from one second, with jitter, up to a cap', () => {
    const mid = () => 0.5; // no jitter
    expect(nextDelay(0, mid)).toBe(BACKOFF.initialMs);
    expect(nextDelay(1000, mid)).toBe(2000);
    expect(nextDelay(40_000, mid)).toBe(BACKOFF.maxMs);
    expect(nextDelay(BACKOFF.maxMs, () => 1)).toBeLessThanOrEqual(BACKOFF.maxMs);
    expect(nextDelay(1000, () => 0)).toBe(1600);
  });
});
