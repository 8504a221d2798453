// Where provisioning keeps what it must be able to trust on the next start: a database only the
// server admin may read or write. Records kept in a commune's own database (a `_local` document
// there, say) can be rewritten by any member through /db, and a record that decides what a
// restart overwrites must not be.
import { isStatus, type Couch } from './couch.ts';
import { ensureDatabase, ensureSecurity, type SecurityObject } from './security.ts';
import type { Outcome, StepOutcome } from './steps.ts';

/** An underscore cannot appear in a commune's name, so no commune database can take this one. */
export const PROVISIONING_DB = 'fieldbook_provisioning';

/** Nobody but server admins: `_admin` is the role only server admins carry. */
export const PROVISIONING_SECURITY: SecurityObject = {
  admins: { names: [], roles: ['_admin'] },
  members: { names: [], roles: ['_admin'] },
};

export async function ensureProvisioningDb(couch: Couch): Promise<[Outcome, StepOutcome]> {
  return [
    await ensureDatabase(couch, PROVISIONING_DB),
    await ensureSecurity(couch, PROVISIONING_DB, PROVISIONING_SECURITY, { exact: true }),
  ];
}

export interface ProvisioningRecord {
  _id: string;
  _rev?: string;
  [key: string]: unknown;
}

export async function readRecord(couch: Couch, id: string): Promise<ProvisioningRecord | null> {
  try {
    return (await couch.use<ProvisioningRecord>(PROVISIONING_DB).get(id)) as ProvisioningRecord;
  } catch (err) {
    if (isStatus(err, 404)) return null;
    throw err;
  }
}

export async function writeRecord(couch: Couch, record: ProvisioningRecord): Promise<void> {
  await couch.use<ProvisioningRecord>(PROVISIONING_DB).insert(record);
}
