// Server settings, all from the environment, with defaults that need nothing installed.
import path from 'node:path';
import { DEFAULT_COMMUNE } from '../src/lib/domain/constants.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The adapter-node build to serve (a deployment can keep several side by side). */
  buildDir: string;
  commune: string;
  /** A real CouchDB (or cluster) to use instead of the embedded server. */
  couchUrl: string | null;
  couchAdmin: { name: string; password: string } | null;
  demoUsers: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const couchUrl = env.COUCHDB_URL ? env.COUCHDB_URL.replace(/\/+$/, '') : null;
  const admin =
    env.COUCHDB_USER && env.COUCHDB_PASSWORD
      ? { name: env.COUCHDB_USER, password: env.COUCHDB_PASSWORD }
      : null;
  if (couchUrl && !admin) {
    throw new Error('COUCHDB_URL needs COUCHDB_USER and COUCHDB_PASSWORD (a server admin).');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad PORT: ${env.PORT}`);
  const commune = env.FIELDBOOK_COMMUNE ?? DEFAULT_COMMUNE;
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(commune)) {
    throw new Error('FIELDBOOK_COMMUNE must be lower-case letters, digits and dashes.');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    buildDir: path.resolve(env.FIELDBOOK_BUILD_DIR ?? 'build'),
    commune,
    couchUrl,
    couchAdmin: admin,
    // Demo accounts are on by default only for the embedded server.
    demoUsers: env.FIELDBOOK_DEMO_USERS ? env.FIELDBOOK_DEMO_USERS === '1' : !couchUrl,
  };
}
