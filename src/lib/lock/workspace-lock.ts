// The lock in front of a person's workspace: their PIN opens it (rate-limited, lock/pin.ts),
// the server's word on a lost phone's account closes it for good, and anyone else on the
// phone who has a PIN here can be chosen from the sign-in screen and unlocked the same way.
import { phonePerson, notePerson } from '$lib/data/device-people';
import { cookieOwner, rememberSession, serverSessionState } from '$lib/data/session';
import { closeWorkspace, openWorkspace, workspace } from '$lib/data/workspace.svelte';
import {
  afterFailure,
  checkPin,
  FREE_TRIES,
  makeVerifier,
  NO_FAILURES,
  waitBeforeTry,
} from './pin';

export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrong'; left: number }
  | { ok: false; reason: 'wait'; waitMs: number }
  | { ok: false; reason: 'password' }
  | { ok: false; reason: 'accountLocked' };

/** How long an unlock waits for the server's word on the account before opening anyway. */
const SERVER_WORD_MS = 5_000;

/** Whether an admin has locked this account, as far as the server can be asked now. */
async function lockedOnServer(name: string): Promise<boolean> {
  // Only this person's own cookie can ask about them; offline, the last word stands.
  if (!navigator.onLine || cookieOwner() !== name) return false;
  const timeout = new Promise<'unknown'>((r) => setTimeout(() => r('unknown'), SERVER_WORD_MS));
  return (await Promise.race([serverSessionState(name), timeout])) === 'locked';
}

/** Unlocks the locked person's workspace with their PIN, counting failures. */
export async function unlockWorkspace(pin: string): Promise<UnlockResult> {
  const session = workspace.lockedFor;
  const person = session && phonePerson(session.name);
  if (!session || !person?.pin) return { ok: false, reason: 'password' };
  if (person.accountLocked) return { ok: false, reason: 'accountLocked' };
  const attempts = person.attempts ?? NO_FAILURES;
  const wait = waitBeforeTry(attempts, Date.now());
  if (wait === null) return { ok: false, reason: 'password' };
  if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
  if (!(await checkPin(pin, person.pin))) {
    const next = afterFailure(attempts, Date.now());
    notePerson(session.name, { attempts: next });
    if (next.needsPassword) return { ok: false, reason: 'password' };
    const waitMs = waitBeforeTry(next, Date.now()) ?? 0;
    return waitMs > 0
      ? { ok: false, reason: 'wait', waitMs }
      : { ok: false, reason: 'wrong', left: FREE_TRIES - next.failures };
  }
  notePerson(session.name, { attempts: NO_FAILURES });
  if (await lockedOnServer(session.name)) {
    notePerson(session.name, { accountLocked: true });
    return { ok: false, reason: 'accountLocked' };
  }
  // Open first: with neither a session nor a lock, the layout would send the page to sign-in.
  await openWorkspace(session);
  rememberSession(session);
  workspace.lockedFor = null;
  return { ok: true };
}

/** Switching person: close whoever is open and show the lock screen of `name` (PIN set here). */
export async function lockAs(name: string): Promise<void> {
  const session = phonePerson(name)?.session;
  if (!session) return;
  await closeWorkspace();
  workspace.session = null;
  workspace.lockedFor = session;
}

/** Sets this person's offline PIN (kept only as a salted hash). */
export async function setPin(pin: string): Promise<void> {
  const session = workspace.session;
  if (!session) throw new Error('not signed in');
  notePerson(session.name, { pin: await makeVerifier(pin), attempts: NO_FAILURES });
  workspace.hasPin = true;
}
