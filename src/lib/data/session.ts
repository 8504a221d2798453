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

export type SignInError = 'wrong' | 'offline' | 'noCommune' | 'failed';

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
  if (!commune) throw new SignInFailed('noCommune');
  const session = {
    name: body.name,
    roles: body.roles,
    commune,
    signedInAt: new Date().toISOString(),
  };
  localStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** Whether the server still knows this device's cookie: 'unknown' when it can't be asked. */
export async function serverSessionState(name: string): Promise<'valid' | 'expired' | 'unknown'> {
  try {
    const res = await fetch(`${DB_PATH}/_session`);
    if (!res.ok) return 'unknown';
    const body = (await res.json()) as { userCtx?: { name: string | null } };
    return body.userCtx?.name === name ? 'valid' : 'expired';
  } catch {
    return 'unknown';
  }
}

export async function signOut(): Promise<void> {
  localStorage.removeItem(KEY);
  try {
    await fetch(`${DB_PATH}/_session`, { method: 'DELETE' });
  } catch {
    // offline: the cookie expires on its own
  }
}
