// Sign-in with CouchDB cookie sessions through the same origin. The signed-in person is also
// remembered on the device, so after one online sign-in the app works offline; when the
// server's session expires the app asks to sign in again and keeps everything local.
import { DB_PATH } from '$lib/domain/constants';

export interface DeviceSession {
  name: string;
  roles: string[];
  commune: string;
  signedInAt: string;
}

const KEY = 'fieldbook:session';
/**
 * Whose server cookie this browser holds ('' for none). A phone shared by several people has
 * one cookie jar: a person unlocked with their PIN while the cookie is someone else's must not
 * sync with it (their records would go up under another name, or be refused as not theirs).
 */
const COOKIE_KEY = 'fieldbook:cookie-owner';

export type SignInError = 'wrong' | 'offline' | 'noCommune' | 'locked' | 'failed';

/** A locked account keeps only `locked@<commune>` (see server/api/user-admin.ts). */
const isLocked = (roles: string[]) => roles.some((r) => r.startsWith('locked@'));

export class SignInFailed extends Error {
  constructor(public readonly reason: SignInError) {
    super(reason);
  }
}

export function communeOf(roles: string[]): string | null {
  const member = roles.find((r) => r.startsWith('member@'));
  return member ? member.slice('member@'.length) : null;
}

export function rememberedSession(): DeviceSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as DeviceSession) : null;
  } catch {
    return null;
  }
}

/** Whose cookie the browser holds; before this was kept, the remembered person's. */
export function cookieOwner(): string | null {
  const owner = localStorage.getItem(COOKIE_KEY);
  if (owner === null) return rememberedSession()?.name ?? null;
  return owner || null;
}

const noteCookieOwner = (name: string | null) => localStorage.setItem(COOKIE_KEY, name ?? '');

/** The person the app opens when it is reopened (after their PIN, if they have one). */
export function rememberSession(session: DeviceSession): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export async function signIn(name: string, password: string): Promise<DeviceSession> {
  let res: Response;
  try {
    res = await fetch(`${DB_PATH}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: name.trim(), password }),
    });
  } catch {
    throw new SignInFailed('offline');
  }
  if (res.status === 401) throw new SignInFailed('wrong');
  if (!res.ok) throw new SignInFailed(res.status >= 500 ? 'offline' : 'failed');
  const body = (await res.json()) as { name: string; roles: string[] };
  const commune = communeOf(body.roles);
  if (!commune) {
    // Leave no cookie behind for an account that may not use the app.
    await fetch(`${DB_PATH}/_session`, { method: 'DELETE' }).catch(() => undefined);
    noteCookieOwner(null);
    throw new SignInFailed(isLocked(body.roles) ? 'locked' : 'noCommune');
  }
  const session = {
    name: body.name,
    roles: body.roles,
    commune,
    signedInAt: new Date().toISOString(),
  };
  rememberSession(session);
  noteCookieOwner(session.name);
  return session;
}

export type ServerSessionState = 'valid' | 'expired' | 'locked' | 'unknown';

/**
 * Whether the server still knows this device's cookie: 'unknown' when it can't be asked. Asking
 * also renews the cookie (CouchDB re-issues it once a tenth of its lifetime has passed).
 */
export async function serverSessionState(name: string): Promise<ServerSessionState> {
  try {
    const res = await fetch(`${DB_PATH}/_session`);
    if (!res.ok) return 'unknown';
    const body = (await res.json()) as { userCtx?: { name: string | null; roles?: string[] } };
    if (body.userCtx?.name !== name) return 'expired';
    return isLocked(body.userCtx.roles ?? []) ? 'locked' : 'valid';
  } catch {
    return 'unknown';
  }
}

/** How often an open app asks, which keeps a two-week cookie alive as long as it is used. */
export const SESSION_CHECK_MS = 15 * 60 * 1000;

/**
 * Asks the server about this device's session while the app is open: now (unless it has just
 * answered a sign-in), every SESSION_CHECK_MS, when the connection comes back and when the app
 * is brought to the front. Returns a function that stops it.
 */
export function watchServerSession(
  name: string,
  onState: (state: ServerSessionState) => void,
  /** False right after a sign-in: the server has just answered for this session. */
  askNow = true,
): () => void {
  const check = () => {
    if (navigator.onLine === false || document.visibilityState === 'hidden') return;
    void serverSessionState(name).then(onState);
  };
  const onVisible = () => document.visibilityState === 'visible' && check();
  const timer = setInterval(check, SESSION_CHECK_MS);
  window.addEventListener('online', check);
  document.addEventListener('visibilitychange', onVisible);
  if (askNow) check();
  return () => {
    clearInterval(timer);
    window.removeEventListener('online', check);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

export async function signOut(): Promise<void> {
  localStorage.removeItem(KEY);
  try {
    await fetch(`${DB_PATH}/_session`, { method: 'DELETE' });
    noteCookieOwner(null);
  } catch {
    // offline: the cookie stays (and stays its owner's) until it expires on its own
  }
}
