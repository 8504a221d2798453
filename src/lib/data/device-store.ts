// What the phone keeps for one person besides their databases — typed form text, sync memory,
// preferences — under one localStorage namespace per person, so the next person on a shared
// phone never sees it. The workspace opens the signed-in person's store and drops it at
// sign-out; the text stays stored for its owner's next sign-in.
const ROOT = 'fieldbook:u:';

export class DeviceStore {
  readonly prefix: string;

  constructor(readonly user: string) {
    this.prefix = `${ROOT}${encodeURIComponent(user)}:`;
  }

  /** The full localStorage key of `key` in this person's namespace. */
  keyFor(key: string): string {
    return this.prefix + key;
  }

  get<T>(key: string): T | null {
    try {
      const raw = localStorage.getItem(this.keyFor(key));
      return raw === null ? null : (JSON.parse(raw) as T);
    } catch {
      return null;
    }
  }

  set(key: string, value: unknown): void {
    localStorage.setItem(this.keyFor(key), JSON.stringify(value));
  }

  remove(key: string): void {
    localStorage.removeItem(this.keyFor(key));
  }

  /** Every key this person has (without the prefix). */
  keys(): string[] {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(this.prefix)) out.push(k.slice(this.prefix.length));
    }
    return out;
  }

  /** Moves a value an earlier version kept outside any namespace into this one. */
  adopt(legacyKey: string, key: string): void {
    const raw = localStorage.getItem(legacyKey);
    if (raw === null) return;
    if (localStorage.getItem(this.keyFor(key)) === null)
      localStorage.setItem(this.keyFor(key), raw);
    localStorage.removeItem(legacyKey);
  }
}
