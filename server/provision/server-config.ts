// Server settings provisioning owns. Today one: how long a sign-in lasts. CouchDB's default
// (600 s) ends an officer's session ten minutes into a field trip; the phone keeps working
// offline, but nothing syncs until they sign in again, which they cannot do without signal.
import type { Couch } from './couch.ts';
import type { StepOutcome } from './steps.ts';

/**
 * Two weeks, in seconds. A working week in the field plus a weekend and a few days' slack
 * before the phone is back where there is signal; the cookie is renewed on every request while
 * the app is in use, so an officer who syncs now and then never has to sign in again. Longer
 * would keep a lost phone's cookie alive longer: locking the account (which removes its roles)
 * shuts it out at once whatever the cookie says.
 */
export const SESSION_TIMEOUT_S = 14 * 24 * 60 * 60;

interface Setting {
  section: string;
  key: string;
  value: string;
}

/** The settings, under the section names of the server at hand. */
function settings(embedded: boolean): Setting[] {
  // CouchDB 3.2+ reads `[chttpd_auth]`; express-pouchdb still calls it `couch_httpd_auth`.
  const section = embedded ? 'couch_httpd_auth' : 'chttpd_auth';
  return [{ section, key: 'timeout', value: String(SESSION_TIMEOUT_S) }];
}

async function isEmbedded(couch: Couch): Promise<boolean> {
  const welcome = (await couch.request({ path: '' })) as Record<string, unknown>;
  return !('couchdb' in welcome);
}

/** Every node's `_config` path: a cluster reads settings per node. */
async function configRoots(couch: Couch, embedded: boolean): Promise<string[]> {
  if (embedded) return ['_config'];
  const m = (await couch.request({ path: '_membership' })) as { all_nodes: string[] };
  return m.all_nodes.map((node) => `_node/${encodeURIComponent(node)}/_config`);
}

async function readSetting(couch: Couch, root: string, s: Setting): Promise<string | null> {
  try {
    const v = await couch.request({ path: `${root}/${s.section}/${s.key}` });
    return typeof v === 'string' ? v : String(v);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return null;
    throw err;
  }
}

export async function ensureSessionTimeout(couch: Couch): Promise<StepOutcome> {
  const embedded = await isEmbedded(couch);
  const changed: string[] = [];
  for (const root of await configRoots(couch, embedded)) {
    for (const s of settings(embedded)) {
      const current = await readSetting(couch, root, s);
      if (current === s.value) continue;
      await couch.request({ path: `${root}/${s.section}/${s.key}`, method: 'PUT', body: s.value });
      changed.push(`${root}/${s.section}/${s.key} ${current ?? '(default)'} → ${s.value}`);
    }
  }
  return changed.length ? { outcome: 'updated', detail: changed.join(', ') } : 'unchanged';
}

export { settings as sessionSettings };
