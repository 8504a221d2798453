// The PIN that unlocks Fieldbook on a phone offline. Never stored: only a PBKDF2 (SHA-256,
// WebCrypto) hash with a random salt, checked in constant time. Failures are rate-limited
// (`afterFailure`); after LOCK_AFTER of them only an online sign-in with the password opens
// the person's data again.
export interface PinVerifier {
  salt: string;
  iterations: number;
  hash: string;
}

export interface PinAttempts {
  failures: number;
  /** No try before this time (ISO), after repeated failures. */
  nextTryAt: string | null;
  /** Too many failures: the password, online, is needed. */
  needsPassword: boolean;
}

export const PIN_MIN_DIGITS = 6;
const ITERATIONS = 310_000; // OWASP's figure for PBKDF2-HMAC-SHA256
export const FREE_TRIES = 3;
export const LOCK_AFTER = 6;
const BASE_WAIT_MS = 30_000;

export const NO_FAILURES: PinAttempts = { failures: 0, nextTryAt: null, needsPassword: false };

export const isValidPin = (pin: string) => new RegExp(`^\\d{${PIN_MIN_DIGITS},12}$`).test(pin);

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function makeVerifier(pin: string, iterations = ITERATIONS): Promise<PinVerifier> {
  if (!isValidPin(pin)) throw new Error('invalid PIN');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: b64(salt), iterations, hash: b64(await derive(pin, salt, iterations)) };
}

export async function checkPin(pin: string, v: PinVerifier): Promise<boolean> {
  const got = await derive(pin, unb64(v.salt), v.iterations);
  const want = unb64(v.hash);
  let diff = got.length ^ want.length;
  for (let i = 0; i < Math.min(got.length, want.length); i++) diff |= got[i] ^ want[i];
  return diff === 0;
}

/** How long to wait before the next try (0: now), or null when only the password will do. */
export function waitBeforeTry(a: PinAttempts, now: number): number | null {
  if (a.needsPassword) return null;
  return a.nextTryAt ? Math.max(0, Date.parse(a.nextTryAt) - now) : 0;
}

/** The attempts after one more wrong PIN: free tries, then doubling waits, then the password. */
export function afterFailure(a: PinAttempts, now: number): PinAttempts {
  const failures = a.failures + 1;
  if (failures >= LOCK_AFTER) return { failures, nextTryAt: null, needsPassword: true };
  const waitMs = failures < FREE_TRIES ? 0 : BASE_WAIT_MS * 2 ** (failures - FREE_TRIES);
  return {
    failures,
    nextTryAt: waitMs ? new Date(now + waitMs).toISOString() : null,
    needsPassword: false,
  };
}
