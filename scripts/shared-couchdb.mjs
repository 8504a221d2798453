// Where ../shared/couchdb is: beside this clone or, from a git worktree, beside the main
// checkout. Used by the CouchDB leg (scripts/test-couchdb.mjs) and the harness
// (test/support/harness/backend.ts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The places ../shared/couchdb may be, nearest first.
 * @param {string} repo the repository's root
 * @returns {string[]}
 */
export function sharedCouchCandidates(repo) {
  const beside = (/** @type {string} */ dir) => path.resolve(dir, '..', 'shared', 'couchdb');
  const candidates = [beside(repo)];
  try {
    const common = execFileSync(
      'git',
      ['rev-parse', '--path-format=absolute', '--git-common-dir'],
      {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ).trim();
    candidates.push(beside(path.dirname(common)));
  } catch {
    // not a git checkout: only ../shared
  }
  return candidates;
}

/**
 * The first candidate holding a start.sh, or undefined.
 * @param {string} repo
 * @returns {string | undefined}
 */
export function findSharedCouch(repo) {
  return sharedCouchCandidates(repo).find((c) => existsSync(path.join(c, 'start.sh')));
}
