// Who is who: full names and role titles for the usernames records carry, from the server's
// /api/people (any member of the commune may ask). Kept on the device so records read the same
// offline; refreshed when someone signs in. A page shows `personLabel(name, role)`, never a
// username or a role code.
import { t } from '$lib/i18n';

export interface Person {
  name: string;
  fullName: string;
  role: string | null;
  position: string | null;
}

const KEY = 'fieldbook:people';

function remembered(): Record<string, Person> {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Record<string, Person>) : {};
  } catch {
    return {};
  }
}

class People {
  byName = $state<Record<string, Person>>(remembered());

  /** Asks the server; offline or refused, the names kept on the device stay. */
  async refresh(): Promise<void> {
    try {
      const res = await fetch('/api/people');
      if (!res.ok) return;
      const list = (await res.json()) as Person[];
      this.byName = Object.fromEntries(list.map((p) => [p.name, p]));
      localStorage.setItem(KEY, JSON.stringify(this.byName));
    } catch {
      // offline: keep what the device has
    }
  }

  forget(): void {
    this.byName = {};
    localStorage.removeItem(KEY);
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
