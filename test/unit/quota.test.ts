// A full disk must be told apart from other write failures: the form then says the phone is
// full (and keeps the typing) instead of a general "could not save".
import { describe, expect, it } from 'vitest';
import { isQuotaError } from '../../src/lib/data/quota.ts';

describe('isQuotaError', () => {
  it('knows IndexedDB quota errors however they arrive', () => {
    // PouchDB's idb adapter: the aborted transaction's DOM error name as the reason.
    expect(
      isQuotaError({ status: 500, name: 'indexed_db_went_bad', reason: 'QuotaExceededError' }),
    ).toBe(true);
    expect(
      isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    ).toBe(true);
    expect(isQuotaError(new Error('save failed', { cause: { name: 'QuotaExceededError' } }))).toBe(
      true,
    );
  });

  it('leaves every other failure alone', () => {
    expect(
      isQuotaError({ status: 409, name: 'conflict', reason: 'Document update conflict' }),
    ).toBe(false);
    expect(isQuotaError({ status: 500, name: 'indexed_db_went_bad', reason: 'AbortError' })).toBe(
      false,
    );
    expect(isQuotaError(new Error('network'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});
