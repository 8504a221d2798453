// Who has used this phone: one small record per person, kept outside every person's
// DeviceStore so that the sign-in screen can show it before anyone is signed in — their full
// name and how many of their records are not yet on the server (those stay on the phone, in
// that person's own databases, until they sign in again and sync) — and their PIN's hash and
// failed attempts, so the lock works before anyone's data is opened — and their session's
// name, roles and commune (no secret), so their PIN can open their data again offline after
// someone else used the phone. Nothing else of theirs.
import type { PinAttempts, PinVerifier } from '$lib/lock/pin';
import type { DeviceSession } from './session';

const KEY = 'fieldbook:device:people';

export interface PhonePerson {
  name: string;
  fullName: string | null;
  /** Their records and photos not yet on the server, as last counted. */
  unsent: number;
  /** How many of those are photos. */
  unsentPhotos?: number;
  lastSeenAt: string;
  /** Their offline PIN, as a salted hash only (lock/pin.ts). */
  pin?: PinVerifier;
  attempts?: PinAttempts;
  /** Who they are on the server (what their workspace opens with); never a password or cookie. */
  session?: DeviceSession;
  /** The server said an admin locked the account: the PIN no longer opens anything. */
  accountLocked?: boolean;
}

function readAll(): Record<string, PhonePerson> {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, PhonePerson>) ?? {};
  } catch {
    return {};
  }
}

export function phonePeople(): PhonePerson[] {
  return Object.values(readAll()).sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
}

export function phonePerson(name: string): PhonePerson | null {
  return readAll()[name] ?? null;
}

export function notePerson(name: string, patch: Partial<Omit<PhonePerson, 'name'>>): void {
  const all = readAll();
  const before = all[name] ?? { name, fullName: null, unsent: 0, lastSeenAt: '' };
  const next = { ...before, ...patch, name };
  if (JSON.stringify(next) === JSON.stringify(before)) return;
  all[name] = next;
  localStorage.setItem(KEY, JSON.stringify(all));
}
