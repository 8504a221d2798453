// The real-CouchDB backend of the integration tests: the server given by TEST_COUCHDB_URL
// (+ TEST_COUCHDB_USER / TEST_COUCHDB_PASSWORD), emptied before each test server starts so
// that every file provisions from an empty CouchDB, as a new deployment does.
import { adminCouch, isStatus } from '../../server/provision/couch.ts';

export interface CouchTarget {
  url: string;
  admin: { name: string; password: string };
}

export function couchTarget(env: NodeJS.ProcessEnv = process.env): CouchTarget {
  const url = env.TEST_COUCHDB_URL;
  const name = env.TEST_COUCHDB_USER ?? env.COUCHDB_USER;
  const password = env.TEST_COUCHDB_PASSWORD ?? env.COUCHDB_PASSWORD;
  if (!url || !name || !password) {
    throw new Error(
      'TEST_BACKEND=couchdb needs TEST_COUCHDB_URL, TEST_COUCHDB_USER and TEST_COUCHDB_PASSWORD ' +
        '(npm run test:couchdb starts one).',
    );
  }
  return { url: url.replace(/\/+$/, ''), admin: { name, password } };
}

/**
 * Deletes every database, the system ones included (provisioning creates `_users` and
 * `_replicator` on a fresh single node, and that path must run under test too), and puts back
 * the server settings provisioning changes, so each test server meets a CouchDB as installed.
 */
export async function emptyCouch(target: CouchTarget): Promise<void> {
  const couch = adminCouch(target.url, target.admin);
  for (const db of await couch.db.list()) {
    try {
      await couch.db.destroy(db);
    } catch (err) {
      if (!isStatus(err, 404)) throw err;
    }
  }
  for (const [section, key] of RESET_CONFIG) {
    try {
      await couch.request({ path: `_node/_local/_config/${section}/${key}`, method: 'DELETE' });
    } catch (err) {
      if (!isStatus(err, 404)) throw err;
    }
  }
}

/** Server settings provisioning may write (see server/provision), reset between test files. */
const RESET_CONFIG: [string, string][] = [['chttpd_auth', 'timeout']];
