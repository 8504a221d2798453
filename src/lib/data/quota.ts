// Telling a full disk from other write failures (issue 15.4), and when a phone is nearly full.

/** Above this share of the quota the app warns: photos and records may soon not fit. */
export const NEAR_FULL = 0.8;

/**
 * Whether a failed write was the storage quota: IndexedDB's QuotaExceededError as PouchDB
 * reports it (`indexed_db_went_bad` with the DOM error's name as reason), or the DOMException
 * itself, possibly wrapped as a cause.
 */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { name?: unknown; reason?: unknown; message?: unknown; cause?: unknown };
  const said = [e.name, e.reason, e.message].filter((v) => typeof v === 'string').join(' ');
  if (/QuotaExceeded|quota/i.test(said)) return true;
  return isQuotaError(e.cause, depth + 1);
}
