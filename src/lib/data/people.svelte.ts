// Who is who: full names and role titles for the usernames records carry, from the server's
// /api/people (any member of the commune may ask). Kept in the person's DeviceStore so records
// read the same offline; refreshed when someone signs in. A page shows `personLabel(name, role)`,
// never a username or a role code.
import { t } from '$lib/i18n';
import type { DeviceStore } from './device-store';

export interface Person {
  name: string;
  fullName: string;
  role: string | null;
  position: string | null;
}

const KEY = 'people';

class People {
  byName = $state<Record<string, Person>>({});

  /** The names this person's device kept (their DeviceStore), shown until the server answers. */
  open(store: DeviceStore): void {
    this.byName = store.get<Record<string, Person>>(KEY) ?? {};
  }

  /** Asks the server; offline or refused, the names kept on the device stay. */
  async refresh(store: DeviceStore): Promise<void> {
    try {
      const res = await fetch('/api/people');
      if (!res.ok) return;
      const list = (await res.json()) as Person[];
      this.byName = Object.fromEntries(list.map((p) => [p.name, p]));
      store.set(KEY, this.byName);
    } catch {
      // offline: keep what the device has
    }
  }

  /** Signing out: the next person on the phone starts without them (the store keeps them). */
  forget(): void {
    this.byName = {};
  }
}

export const people = new People();

const roleTitles = t.admin.roles as Record<string, string>;

/** A role's title in the interface language ("Công chức"), or '' for an unknown code. */
export function roleTitle(role: string | null | undefined): string {
  return (role && roleTitles[role]) || '';
}

/** The person's full name; the role title when the device does not know them yet. */
export function personName(name: string, role?: string | null): string {
  return people.byName[name]?.fullName ?? (roleTitle(role) || name);
}

/** "Nguyễn Văn Cán Bộ (Công chức)": full name and the role they wrote as. */
export function personLabel(name: string, role?: string | null): string {
  const person = people.byName[name];
  const title = roleTitle(role ?? person?.role);
  if (!person) return title || name;
  return title ? `${person.fullName} (${title})` : person.fullName;
}
