// What /db lets through: everything not listed here is refused. Each entry names the route
// (server/gate/route.ts patterns; `/**` means "and everything below"), the methods, the query
// parameters and the body it accepts, who may use it and why Fieldbook needs it.
//   anyone       — also without signing in
//   member       — a member (or admin) of the database per its `_security`, or a server admin
//   server-admin — the CouchDB server admin (provisioning, `npm run user`, PouchDB's suites)
// Entries are tried in order; the first whose `who` fits the caller decides.
import { shapes, type BodyRule } from './body.ts';
import { LIMITS } from './limits.ts';
import { is, jsonKey, stringArray, type Params, type QueryRule } from './query.ts';
import type { Route } from './route.ts';

export type Who = 'anyone' | 'member' | 'server-admin';

export interface Entry {
  methods: readonly string[];
  path: string;
  who: Who;
  /** Accepted query parameters with a check of each value; 'any' for server admins. */
  query: QueryRule | 'any';
  /** A body read and checked before forwarding, 'stream' (forwarded as it comes, size-bounded), or none. */
  body?: BodyRule | 'stream';
  /** Whether the entry applies to this route at all (e.g. only checkpoint ids). */
  match?: (route: Route) => boolean;
  /** A further condition on the parameters: why not (400), or null. */
  when?: (route: Route, params: Params) => string | null;
  /** Whether this request holds a `_changes` feed open (counted per person). */
  feed?: (params: Params) => boolean;
  reason: string;
}

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'COPY'] as const;

// ---- query rules ------------------------------------------------------------------------

const revList = is.json(stringArray(1000));

const DOC_READ: QueryRule = {
  rev: is.rev,
  revs: is.bool,
  revs_info: is.bool,
  open_revs: (v) => v === 'all' || revList(v),
  latest: is.bool,
  conflicts: is.bool,
  deleted_conflicts: is.bool,
  attachments: is.bool,
  att_encoding_info: is.bool,
  atts_since: revList,
  local_seq: is.bool,
  meta: is.bool,
};

/** What PouchDB's replicator sends on `_changes` (pouchdb-adapter-http), and no more. */
const CHANGES: QueryRule = {
  since: is.seq,
  limit: is.intUpTo(LIMITS.maxLimit),
  style: is.oneOf('main_only', 'all_docs'),
  feed: is.oneOf('normal', 'longpoll'),
  heartbeat: is.intUpTo(LIMITS.maxFeedWaitMs, LIMITS.minHeartbeatMs),
  timeout: is.intUpTo(LIMITS.maxFeedWaitMs),
  include_docs: is.bool,
  conflicts: is.bool,
  descending: is.bool,
  seq_interval: is.intUpTo(LIMITS.maxLimit, 1),
  // Only the built-in _doc_ids filter: no selector, no view, no JavaScript filter.
  filter: is.oneOf('_doc_ids'),
  doc_ids: is.json(stringArray(LIMITS.maxBatch)),
};

const ALL_DOCS: QueryRule = {
  include_docs: is.bool,
  conflicts: is.bool,
  update_seq: is.bool,
  descending: is.bool,
  inclusive_end: is.bool,
  limit: is.intUpTo(LIMITS.maxLimit),
  skip: is.intUpTo(LIMITS.maxLimit),
  key: is.json(jsonKey),
  startkey: is.json(jsonKey),
  endkey: is.json(jsonKey),
  start_key: is.json(jsonKey),
  end_key: is.json(jsonKey),
  keys: is.json(stringArray(LIMITS.maxBatch)),
};

const docIdsNeedFilter = (_r: Route, p: Params) => {
  if (p.get('filter') === '_doc_ids' && !p.has('doc_ids')) return 'filter=_doc_ids needs doc_ids';
  if (p.has('doc_ids') && p.get('filter') !== '_doc_ids') return 'doc_ids needs filter=_doc_ids';
  return null;
};
const isFeed = (p: Params) => p.get('feed') === 'longpoll';

/**
 * Replication checkpoint ids: PouchDB's (`_local/` + base64 MD5 with `/`→`.` and `+`→`_`) and
 * CouchDB's replicator's (`_local/` + hex MD5, with `+continuous`/`+create_target`). No other
 * `_local` document is a member's: `_local/_security` is the embedded server's `_security`,
 * `_local/fieldbook-…` are provisioning's records.
 */
export const CHECKPOINT_ID = /^_local\/(?:[A-Za-z0-9._]{22}==|[0-9a-f]{32}(?:\+[a-z_]+){0,2})$/;
const checkpointOnly = (r: Route) => CHECKPOINT_ID.test(r.docId ?? '');

const json = (maxBytes: number, shape: BodyRule['shape']): BodyRule => ({ maxBytes, shape });

// ---- the list ---------------------------------------------------------------------------

export const ALLOW_LIST: readonly Entry[] = [
  // Sessions and the welcome.
  {
    methods: ['GET', 'HEAD'],
    path: '/',
    who: 'anyone',
    query: {},
    reason: 'health checks read the welcome (no data)',
  },
  {
    methods: ['GET'],
    path: '/_session',
    who: 'anyone',
    query: {},
    reason: 'the app asks who is signed in',
  },
  {
    methods: ['POST'],
    path: '/_session',
    who: 'anyone',
    query: {},
    body: { maxBytes: LIMITS.maxSessionBytes, shape: shapes.session, form: true },
    reason: 'sign-in',
  },
  { methods: ['DELETE'], path: '/_session', who: 'anyone', query: {}, reason: 'sign-out' },

  // The replication protocol, for members of the database.
  {
    methods: ['GET', 'HEAD'],
    path: '/{db}',
    who: 'member',
    query: {},
    reason: 'replication reads the database info',
  },
  {
    methods: ['GET'],
    path: '/{db}/_changes',
    who: 'member',
    query: CHANGES,
    when: docIdsNeedFilter,
    feed: isFeed,
    reason: 'pull replication (long-poll while live)',
  },
  {
    methods: ['POST'],
    path: '/{db}/_changes',
    who: 'member',
    query: CHANGES,
    body: json(LIMITS.maxSmallJsonBytes, shapes.changesDocIds),
    when: (_r, p) =>
      p.get('filter') === '_doc_ids' && !p.has('doc_ids')
        ? null
        : 'POST _changes takes filter=_doc_ids with {"doc_ids": [...]}',
    feed: isFeed,
    reason: 'replication of chosen documents (PouchDB posts doc_ids)',
  },
  {
    methods: ['POST'],
    path: '/{db}/_revs_diff',
    who: 'member',
    query: {},
    body: json(LIMITS.maxSmallJsonBytes, shapes.revsDiff),
    reason: 'push replication asks which revisions the server lacks',
  },
  {
    methods: ['POST'],
    path: '/{db}/_bulk_get',
    who: 'member',
    query: { revs: is.bool, latest: is.bool, attachments: is.bool },
    body: json(LIMITS.maxSmallJsonBytes, shapes.bulkGet),
    reason: 'pull replication fetches documents in batches',
  },
  {
    methods: ['POST'],
    path: '/{db}/_bulk_docs',
    who: 'member',
    query: {},
    body: json(LIMITS.maxBodyBytes, shapes.bulkDocs),
    reason: 'push replication writes documents in batches (validate_doc_update decides each)',
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/{db}/_all_docs',
    who: 'member',
    query: ALL_DOCS,
    reason: 'reading records by id range',
  },
  {
    methods: ['POST'],
    path: '/{db}/_all_docs',
    who: 'member',
    query: ALL_DOCS,
    body: json(LIMITS.maxSmallJsonBytes, shapes.allDocsKeys),
    reason: 'reading records by a list of ids (PouchDB posts long key lists)',
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/{db}/{doc}',
    who: 'member',
    query: DOC_READ,
    reason: 'replication reads a document and its revisions',
  },
  {
    methods: ['PUT'],
    path: '/{db}/{doc}',
    who: 'member',
    query: { rev: is.rev },
    body: json(LIMITS.maxDocBytes, shapes.doc),
    reason: 'one document written (validate_doc_update decides)',
  },
  {
    methods: ['POST'],
    path: '/{db}',
    who: 'member',
    query: {},
    body: json(LIMITS.maxDocBytes, shapes.doc),
    reason: 'one new document (validate_doc_update decides)',
  },
  {
    methods: ['DELETE'],
    path: '/{db}/{doc}',
    who: 'member',
    query: { rev: is.rev },
    reason: 'a deletion (validate_doc_update decides)',
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/{db}/{doc}/{att}',
    who: 'member',
    query: { rev: is.rev },
    reason: "a record's photo",
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/{db}/{ddoc}',
    who: 'member',
    query: DOC_READ,
    reason: 'the design document replicates to phones',
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/{db}/{local}',
    who: 'member',
    query: {},
    match: checkpointOnly,
    reason: 'replication reads its checkpoint',
  },
  {
    methods: ['PUT'],
    path: '/{db}/{local}',
    who: 'member',
    query: {},
    match: checkpointOnly,
    body: json(64 * 1024, shapes.checkpoint),
    reason: 'replication writes its checkpoint',
  },

  // Provisioning and administration (and PouchDB's own suites): the whole database API, for
  // the server admin only. Server configuration, replication jobs and nodes are not offered
  // here at all (use CouchDB's own port).
  {
    methods: ALL_METHODS,
    path: '/{db}',
    who: 'server-admin',
    query: 'any',
    body: 'stream',
    reason: 'create, read, delete databases',
  },
  {
    methods: ALL_METHODS,
    path: '/{db}/**',
    who: 'server-admin',
    query: 'any',
    body: 'stream',
    reason: 'design documents, views, _security, _find, maintenance',
  },
  {
    methods: ALL_METHODS,
    path: '/{sysdb}',
    who: 'server-admin',
    query: 'any',
    body: 'stream',
    reason: "_users and _replicator are the server admin's",
  },
  {
    methods: ALL_METHODS,
    path: '/{sysdb}/**',
    who: 'server-admin',
    query: 'any',
    body: 'stream',
    reason: 'accounts are managed through /api/users and provisioning',
  },
  {
    methods: ['GET', 'HEAD'],
    path: '/_all_dbs',
    who: 'server-admin',
    query: 'any',
    reason: 'administration',
  },
  {
    methods: ['GET', 'POST'],
    path: '/_dbs_info',
    who: 'server-admin',
    query: 'any',
    body: 'stream',
    reason: 'administration',
  },
  {
    methods: ['GET'],
    path: '/_uuids',
    who: 'server-admin',
    query: 'any',
    reason: 'administration',
  },
  { methods: ['GET'], path: '/_up', who: 'server-admin', query: 'any', reason: 'administration' },
];

/** The entries for a route pattern, whatever the method. */
export function entriesFor(pattern: string): Entry[] {
  return ALLOW_LIST.filter(
    (e) =>
      e.path === pattern || (e.path.endsWith('/**') && pattern.startsWith(e.path.slice(0, -2))),
  );
}
