// The sync status a person sees, as a pure fold over replication events, so it can be tested
// without a network and the UI only ever renders a SyncStatus.

export type SyncErrorCode = 'unauthorized' | 'forbidden' | 'network' | 'server' | 'unknown';

export type SyncPhase =
  | 'offline' // the device has no connection
  | 'connecting' // online, replication starting or retrying
  | 'syncing' // documents are moving
  | 'upToDate' // caught up both ways
  | 'error' // the last attempt failed; retrying with back-off
  | 'signedOut'; // the server refused the session: sign in again (nothing local is lost)

export interface SyncStatus {
  phase: SyncPhase;
  online: boolean;
  /** Local changes the server does not have yet (records and photos). */
  pendingLocal: number;
  /** How many of them are photos (they sync after the records). */
  pendingPhotos: number;
  /** 0..1 while syncing when the size of the batch is known, else null. */
  progress: number | null;
  lastSyncedAt: string | null;
  error: SyncErrorCode | null;
  /** Documents the server refused (validate_doc_update), by id, with the server's reason. */
  rejected: Record<string, string>;
}

export type SyncEvent =
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'started' }
  | { type: 'active' }
  | { type: 'progress'; written: number; pending: number | null }
  | { type: 'paused'; at: string }
  /**
   * A new phone's first pull has brought everything the server had, and nothing of the
   * phone's waits to be sent: what waits for the records (their photos) may start. "Up to
   * date" ('paused') follows once the push checkpoint is set.
   */
  | { type: 'pulledAll' }
  | { type: 'error'; error: SyncErrorCode }
  | { type: 'pendingCounted'; count: number; photos?: number }
  | { type: 'denied'; id: string; reason: string }
  | { type: 'accepted'; id: string }
  /** Own records the server has just taken (receipts). */
  | { type: 'pushed'; ids: string[]; at: string }
  | { type: 'stopped' };

export const initialSyncStatus = (
  online: boolean,
  lastSyncedAt: string | null = null,
  rejected: Record<string, string> = {},
): SyncStatus => ({
  phase: online ? 'connecting' : 'offline',
  online,
  pendingLocal: 0,
  pendingPhotos: 0,
  progress: null,
  lastSyncedAt,
  error: null,
  rejected,
});

export function reduceSync(s: SyncStatus, e: SyncEvent): SyncStatus {
  switch (e.type) {
    case 'online':
      return { ...s, online: true, phase: s.phase === 'offline' ? 'connecting' : s.phase };
    case 'offline':
      return { ...s, online: false, phase: 'offline', progress: null };
    case 'started':
      return { ...s, phase: s.online ? 'connecting' : 'offline', error: null };
    case 'active':
      return s.online ? { ...s, phase: 'syncing', error: null } : s;
    case 'progress': {
      const progress =
        e.pending === null ? s.progress : e.pending === 0 ? 1 : e.written / (e.written + e.pending);
      return { ...s, phase: s.online ? 'syncing' : s.phase, progress };
    }
    case 'paused':
      // Both directions caught up without error (the engine guarantees it): healthy again.
      if (!s.online) return s;
      return { ...s, phase: 'upToDate', progress: null, lastSyncedAt: e.at, error: null };
    case 'error':
      return {
        ...s,
        phase: e.error === 'unauthorized' ? 'signedOut' : s.online ? 'error' : 'offline',
        error: e.error,
        progress: null,
      };
    case 'pendingCounted':
      return { ...s, pendingLocal: e.count, pendingPhotos: e.photos ?? 0 };
    case 'denied':
      return { ...s, rejected: { ...s.rejected, [e.id]: e.reason } };
    case 'accepted': {
      if (!(e.id in s.rejected)) return s;
      const rejected = { ...s.rejected };
      delete rejected[e.id];
      return { ...s, rejected };
    }
    case 'pushed':
    case 'pulledAll':
      return s;
    case 'stopped':
      return { ...s, phase: s.online ? 'connecting' : 'offline', progress: null };
  }
}

/** Map whatever PouchDB or fetch threw to something a person can be told. */
export function classifySyncError(err: unknown): SyncErrorCode {
  const e = (err ?? {}) as { status?: number; name?: string; message?: string };
  if (e.status === 401 || e.name === 'unauthorized') return 'unauthorized';
  if (e.status === 403 || e.name === 'forbidden') return 'forbidden';
  if (typeof e.status === 'number' && e.status >= 500) return 'server';
  if (
    e.status === 0 ||
    e.name === 'TypeError' ||
    /network|fetch|ECONNREFUSED|Failed to fetch/i.test(e.message ?? '')
  )
    return 'network';
  return 'unknown';
}

// Most urgent first: what a person must act on outranks what is merely in progress.
const PHASE_ORDER: SyncPhase[] = [
  'signedOut',
  'error',
  'offline',
  'syncing',
  'connecting',
  'upToDate',
];

/** One status for several databases syncing side by side (the log and the police database). */
export function combineStatuses(list: SyncStatus[]): SyncStatus {
  if (list.length === 1) return list[0];
  const phase = PHASE_ORDER.find((p) => list.some((s) => s.phase === p)) ?? 'connecting';
  const synced = list.map((s) => s.lastSyncedAt);
  const progresses = list.map((s) => s.progress).filter((p): p is number => p !== null);
  return {
    phase,
    online: list.every((s) => s.online),
    pendingLocal: list.reduce((n, s) => n + s.pendingLocal, 0),
    pendingPhotos: list.reduce((n, s) => n + s.pendingPhotos, 0),
    progress: progresses.length ? Math.min(...progresses) : null,
    // The oldest: the log as a whole is only as fresh as its stalest database.
    lastSyncedAt: synced.includes(null) ? null : (synced as string[]).sort()[0],
    error: list.find((s) => s.error)?.error ?? null,
    rejected: Object.assign({}, ...list.map((s) => s.rejected)),
  };
}

/** What the status bar shows: a phase, or "waiting" for changes made since the last push. */
export type ShownPhase = SyncPhase | 'waiting';

/**
 * Never "up to date" with changes still to send (a record saved a moment ago, before the live
 * push has taken it): that reads "waiting to send" until the count is back to zero.
 */
export function shownPhase(s: SyncStatus): ShownPhase {
  return s.phase === 'upToDate' && s.pendingLocal > 0 ? 'waiting' : s.phase;
}
