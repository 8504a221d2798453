// Issue 12.8: the status bar never says "up to date" next to changes still waiting to be sent.
import { describe, expect, it } from 'vitest';
import {
  initialSyncStatus,
  reduceSync,
  shownPhase,
  type SyncEvent,
} from '../../src/lib/data/sync-status';
import { vi } from '../../src/lib/i18n/vi';

describe('the phase the status bar shows', () => {
  it('says a change saved after the last push is being sent, not "Đã đồng bộ"', () => {
    const events: SyncEvent[] = [
      { type: 'active' },
      { type: 'paused', at: '2026-11-27T03:00:00.000Z' },
      { type: 'pendingCounted', count: 1 },
    ];
    const s = events.reduce(reduceSync, initialSyncStatus(true));
    expect(s.phase).toBe('upToDate');
    expect(shownPhase(s)).toBe('waiting');
    const text = `${vi.sync[shownPhase(s)]} · ${vi.sync.pending(s.pendingLocal)}`;
    expect(text).toBe(`Đang gửi thay đổi mới · ${vi.sync.pending(1)}`);
    expect(text).not.toContain('Đã đồng bộ');
    const sent = reduceSync(s, { type: 'pendingCounted', count: 0 });
    expect(shownPhase(sent)).toBe('upToDate');
  });

  it('keeps every other phase as it is', () => {
    const offline = reduceSync(
      { ...initialSyncStatus(true), pendingLocal: 3 },
      { type: 'offline' },
    );
    expect(shownPhase(offline)).toBe('offline');
  });
});
