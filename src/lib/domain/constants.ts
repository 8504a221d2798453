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

/** Path under which the app's own origin exposes the CouchDB API. */
export const DB_PATH = '/db';

export const LIMITS = {
  shortText: 200,
  longText: 5000,
  listItems: 50,
} as const;
