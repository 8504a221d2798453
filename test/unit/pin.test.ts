// The offline PIN: stored only as a salted PBKDF2 hash, checked exactly, and wrong guesses
// slow down and then end in "sign in with the password".
import { describe, expect, it } from 'vitest';
import {
  LOCK_AFTER,
  NO_FAILURES,
  afterFailure,
  checkPin,
  isValidPin,
  makeVerifier,
  waitBeforeTry,
} from '../../src/lib/lock/pin.ts';

describe('PIN', () => {
  it('keeps no PIN in clear, and accepts only the right one', async () => {
    const v = await makeVerifier('246810', 1000);
    expect(JSON.stringify(v)).not.toContain('246810');
    expect(await checkPin('246810', v)).toBe(true);
    expect(await checkPin('246811', v)).toBe(false);
    expect(await checkPin('2468100', v)).toBe(false);
    // A second verifier of the same PIN has its own salt.
    expect((await makeVerifier('246810', 1000)).hash).not.toBe(v.hash);
  });

  it('needs at least six digits', async () => {
    expect(isValidPin('12345')).toBe(false);
    expect(isValidPin('12345a')).toBe(false);
    expect(isValidPin('123456')).toBe(true);
    await expect(makeVerifier('123')).rejects.toThrow();
  });

  it('slows wrong guesses down, then asks for the password', () => {
    const now = Date.parse('2026-11-27T10:00:00Z');
    let a = NO_FAILURES;
    a = afterFailure(a, now);
    a = afterFailure(a, now);
    expect(waitBeforeTry(a, now)).toBe(0);
    a = afterFailure(a, now);
    expect(waitBeforeTry(a, now)).toBe(30_000);
    a = afterFailure(a, now);
    expect(waitBeforeTry(a, now)).toBe(60_000);
    expect(waitBeforeTry(a, now + 60_000)).toBe(0);
    while (a.failures < LOCK_AFTER) a = afterFailure(a, now);
    expect(a.needsPassword).toBe(true);
    expect(waitBeforeTry(a, now + 10 ** 9)).toBeNull();
  });
});
