// Provisioning steps for databases and their `_security`. Fieldbook's `_security` is what the
// app needs, added to whatever a CouchDB administrator has put there by hand: a restart must
// never silently take away a name or role someone else granted.
import { photosDbName, dbNames, type DbRole } from '../../src/lib/domain/constants.ts';
import { readersOf } from '../../src/lib/domain/policy/index.ts';
import { scopedRole } from '../../src/lib/domain/roles.ts';
import { isStatus, type Couch } from './couch.ts';
import type { Outcome, StepOutcome } from './steps.ts';

export async function ensureDatabase(couch: Couch, name: string): Promise<Outcome> {
  try {
    await couch.db.get(name);
    return 'unchanged';
  } catch (err) {
    if (!isStatus(err, 404)) throw err;
  }
  try {
    await couch.db.create(name);
    return 'created';
  } catch (err) {
    // Another node of a cluster (or a parallel run) created it first.
    if (isStatus(err, 412)) return 'unchanged';
    throw err;
  }
}

interface NamesRoles {
  names: string[];
  roles: string[];
}
export interface SecurityObject {
  admins: NamesRoles;
  members: NamesRoles;
}

/** The _security member roles of a database: who reads it, from the policy table. */
function readerRoles(db: DbRole, commune: string): string[] {
  const readers = readersOf(db);
  return readers === 'members'
    ? [scopedRole('member', commune)]
    : readers.map((r) => scopedRole(r, commune));
}

/** Each record database's `_security`, and the same for its photo database (issue 16.2). */
export function securityFor(commune: string): Record<string, SecurityObject> {
  const admins = { names: [], roles: ['_admin'] };
  return Object.fromEntries(
    Object.entries(dbNames(commune)).flatMap(([db, name]) => {
      const spec = { admins, members: { names: [], roles: readerRoles(db as DbRole, commune) } };
      return [
        [name, spec],
        [photosDbName(name), spec],
      ];
    }),
  );
}

const SECTIONS = ['admins', 'members'] as const;
const FIELDS = ['names', 'roles'] as const;

function normalize(s: {
  admins?: Partial<NamesRoles>;
  members?: Partial<NamesRoles>;
}): SecurityObject {
  const part = (p?: Partial<NamesRoles>) => ({
    names: [...new Set(p?.names ?? [])].sort(),
    roles: [...new Set(p?.roles ?? [])].sort(),
  });
  return { admins: part(s.admins), members: part(s.members) };
}

/**
 * Brings a database's `_security` to hold at least `spec`, keeping every other name and role
 * (with `exact`, to be exactly `spec`: for databases nobody else has business in). The detail
 * says what was added, what was kept, and with `exact` what was removed.
 */
export async function ensureSecurity(
  couch: Couch,
  db: string,
  spec: SecurityObject,
  opts: { exact?: boolean } = {},
): Promise<StepOutcome> {
  const raw = (await couch.request({ db, path: '_security' })) as Record<string, unknown>;
  const current = normalize(raw as Partial<SecurityObject>);
  // CouchDB gives a new database members `_admin` ("server admins only, for now"); once
  // Fieldbook's roles are members it means nothing (server admins always pass), so it is not
  // something an administrator added.
  if (!opts.exact && !spec.members.roles.includes('_admin')) {
    current.members.roles = current.members.roles.filter((r) => r !== '_admin');
  }
  const wanted = normalize(spec);
  const next = normalize(spec);
  const added: string[] = [];
  const kept: string[] = [];
  const removed: string[] = [];
  for (const section of SECTIONS) {
    for (const field of FIELDS) {
      const have = current[section][field];
      for (const v of wanted[section][field]) {
        if (!have.includes(v)) added.push(`${section}.${field} ${v}`);
      }
      for (const v of have) {
        if (wanted[section][field].includes(v)) continue;
        if (opts.exact) removed.push(`${section}.${field} ${v}`);
        else {
          next[section][field] = [...next[section][field], v].sort();
          kept.push(`${section}.${field} ${v}`);
        }
      }
    }
  }
  if (!added.length && !removed.length) return 'unchanged';
  // Other top-level keys (CouchDB tools sometimes add some) stay as they are.
  await couch.request({ db, path: '_security', method: 'PUT', body: { ...raw, ...next } });
  const detail = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
    kept.length ? `kept ${kept.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const fresh = !raw.members && !raw.admins;
  return { outcome: fresh ? 'created' : 'updated', detail };
}
