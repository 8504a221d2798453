// Names shared by the client, the server and provisioning. Change them here only.

export const DOC_TYPES = {
  fieldCheck: 'fieldCheck',
  progressUpdate: 'progressUpdate',
  review: 'review',
  plan: 'plan',
  planItem: 'planItem',
  hamlet: 'hamlet',
  photo: 'photo',
  task: 'task',
  taskEvent: 'taskEvent',
  deviceSync: 'deviceSync',
  conflictResolution: 'conflictResolution',
  conflictOutcome: 'conflictOutcome',
} as const;
export type DocType = (typeof DOC_TYPES)[keyof typeof DOC_TYPES];

/** The commune the embedded default provisions. Units are data: another commune is a setting. */
export const DEFAULT_COMMUNE = 'hong-phong';

/**
 * CouchDB database names: one log per commune, a separate one for police records and one for
 * records that name citizens (reception, feedback; docs/privacy.md), each read by fewer people.
 */
export const dbNames = (commune: string) => ({
  log: `fieldbook-${commune}`,
  police: `fieldbook-${commune}-police`,
  citizens: `fieldbook-${commune}-citizens`,
});

/** Which of a commune's databases: the commune log, the police or the citizens database. */
export type DbRole = keyof ReturnType<typeof dbNames>;

/**
 * Each record database has a paired photo database (issue 16.2), read by the same people and
 * provisioned by the same steps: photos replicate after records, so a record never waits
 * behind photo bytes. `log-photos` is the log's photo database, and so on.
 */
export type StoreRole = DbRole | `${DbRole}-photos`;
export const photosRole = (db: DbRole): StoreRole => `${db}-photos`;
export const photosDbName = (recordDb: string) => `${recordDb}-photos`;

/** Every database of a commune by its role: the record databases and their photo databases. */
export function storeNames(commune: string): Record<StoreRole, string> {
  const out = {} as Record<StoreRole, string>;
  for (const [db, name] of Object.entries(dbNames(commune)) as [DbRole, string][]) {
    out[db] = name;
    out[photosRole(db)] = photosDbName(name);
  }
  return out;
}

/** The record database whose readers read `store` (itself, or the one a photo database pairs). */
export const recordRoleOf = (store: StoreRole): DbRole => store.replace(/-photos$/, '') as DbRole;

/** Path under which the app's own origin exposes the CouchDB API. */
export const DB_PATH = '/db';

export const LIMITS = {
  shortText: 200,
  longText: 5000,
  listItems: 50,
} as const;
