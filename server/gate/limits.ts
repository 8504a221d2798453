// Every bound the /db gate and the HTTP server enforce, in one place (docs/security.md lists
// them with their reasons). Server admins' requests are bounded only by body size.
export const LIMITS = {
  /** Any request body (documents with their photos as attachments). */
  maxBodyBytes: 16 * 1024 * 1024,
  /** A single document or a `_local` replication checkpoint written by a member. */
  maxDocBytes: 4 * 1024 * 1024,
  /** `_revs_diff`, `_bulk_get`, `_all_docs` keys, `_changes` doc_ids. */
  maxSmallJsonBytes: 1024 * 1024,
  /** `POST /_session`: a name and a password. */
  maxSessionBytes: 8 * 1024,
  /** Nesting of arrays and objects in a JSON body (Fieldbook's documents need about 6). */
  maxJsonDepth: 32,
  /**
   * Documents in one `_bulk_docs`, `_bulk_get` or `_revs_diff` (ids), keys in `_all_docs`,
   * ids in `_changes?filter=_doc_ids`. Replication sends batches of 250 (sync-engine.ts); the
   * embedded database validates about 400 documents a second in the app's own event loop,
   * so this bound keeps one request under ~1.5 s.
   */
  maxBatch: 500,
  /** Revisions named in one `_revs_diff` (conflicted documents name several). */
  maxRevsDiffRevs: 5000,
  /** `limit` of `_all_docs` and `_changes`. */
  maxLimit: 10_000,
  /** `timeout` and `heartbeat` of a `_changes` feed, ms. */
  maxFeedWaitMs: 60_000,
  minHeartbeatMs: 1_000,
  /** Longest query string. */
  maxQueryChars: 16 * 1024,
  /** Open long-poll or continuous `_changes` feeds per signed-in person. */
  maxFeedsPerUser: 10,
  /** How long an identity (from `GET /_session`) and a database's `_security` are reused. */
  identityTtlMs: 10_000,
  securityTtlMs: 5_000,
  /** Cached identities and `_security` objects kept at most. */
  cacheEntries: 1000,
  /** Time for the database to start answering a request that is not a `_changes` feed. */
  upstreamTimeoutMs: 120_000,
  /** Node server: whole request received / headers received / idle socket. */
  requestTimeoutMs: 300_000,
  headersTimeoutMs: 20_000,
  socketIdleMs: 120_000,
  /** The app's own pages take no request body (no form actions, no +server routes). */
  maxAppBodyBytes: 64 * 1024,
} as const;
