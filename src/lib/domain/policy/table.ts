// THE policy: who may create, change, submit, review, delete and read each document type, in
// which state. Plain data (JSON): `decide` in ./decide.ts reads it for the app and the
// repositories, and server/design/build.ts embeds the same object in validate_doc_update,
// whose ES5 interpreter reads it on the server. test/unit/policy-matrix.test.ts runs both over
// every role × type × action × state and asserts they agree.
//
// Roles are the commune roles of ../roles.ts; a session holds them as `<role>@<commune>`.
// Positions (`position:<key>`) are the plan's "bộ phận": who leads or works on a plan item.
import { KINDS } from '../../kinds';
import { CHECK_STATUSES } from '../field-check';
import type { DbRole } from '../constants';
import { ROLES, type Role } from '../roles';

/** Roles that review records: approve, or return with a comment. Never their own record. */
export const REVIEWERS: readonly Role[] = ['chair', 'viceChair', 'reviewer'];

/**
 * How a record moves: every allowed change of `status` is a named action made by the author
 * (who must still hold a role that may create it) or by a reviewer. A status with no way out
 * is frozen; only the listed statuses can be deleted, by the author.
 */
export const REVIEW_LIFECYCLE = {
  statuses: CHECK_STATUSES,
  /** A new record starts as a draft, or is sent at once. */
  initial: ['draft', 'submitted'],
  transitions: [
    { action: 'save', from: 'draft', to: 'draft', by: 'author' },
    { action: 'save', from: 'returned', to: 'returned', by: 'author' },
    { action: 'submit', from: 'draft', to: 'submitted', by: 'author' },
    { action: 'submit', from: 'returned', to: 'submitted', by: 'author' },
    // Withdraw a record not yet reviewed to correct it (also: one the server refused).
    { action: 'withdraw', from: 'submitted', to: 'draft', by: 'author' },
    // An approval is a review document (../review.ts) and this stamp, which freezes the record.
    // A return is only a review document: the record is untouched, so a return never collides
    // with the author's own edits (the status `returned` is kept for records stamped by earlier
    // versions).
    { action: 'approve', from: 'submitted', to: 'approved', by: 'reviewer' },
    // The server (never a person) writes a conflict's merge onto a record waiting for review
    // (CONFLICT_RULE); a draft or returned record takes it as its author's save would.
    { action: 'resolve', from: 'submitted', to: 'submitted', by: 'server' },
  ],
  deletable: ['draft'],
  /** What a reviewer's verdict may change; everything else must stay as the author wrote it. */
  reviewFields: ['status', 'updatedAt'],
  /** What nobody changes after creation (the id cannot change anyway). */
  fixedFields: ['type', 'kind', 'commune', 'author', 'authorRole', 'createdAt'],
} as const;

/**
 * Reporting progress on a plan item (issue 12.6): the positions that lead or work on the item
 * (lead, partners, criteria leads) and the chair. An update carries the author's position and
 * the item's positions (validate_doc_update cannot read the plan item), the author must hold
 * that position, and the fold counts an update only if the position is the item's (so a forged
 * list of positions changes nothing a person sees). "Complete" means 100 %: status done if and
 * only if percent is 100; not started means no percent or 0.
 */
export const PROGRESS_RULE = {
  anyItem: ['chair'] as readonly Role[],
  doneStatus: 'done',
  donePercent: 100,
  notStartedStatus: 'notStarted',
} as const;

/**
 * Reviews (../review.ts): added by a reviewer, never changed; never on the reviewer's own record
 * (the record's author is read from the record id inside the review's id), and a return must
 * say what to correct. A review lives in its record's database, so for a police record only
 * the reviewers who read police records may write one.
 */
export const REVIEW_RULE = {
  commentRequiredFor: 'return',
} as const;

/**
 * Tasks (../task.ts, issue 14.6): the commune's leaders and reviewers assign work to a person
 * or a role; whoever records turns their own record's follow-up into a task (one per record:
 * its id is the record's, `task:<the record id's time, author, random>`). A task and its
 * events are only ever added. Closing is an event by the assignee, or by someone holding the
 * assigned role or position: done names the record that shows it, not done says why.
 */
export const TASK_RULE = {
  assigners: REVIEWERS,
  followUpPrefix: 'check:',
  recordRequiredFor: 'done',
  reasonRequiredFor: 'notDone',
} as const;

/**
 * Moving unsent records by file when a phone cannot sync (issue 15.4, docs/shared-phones.md):
 * the file is imported by its author only, signed in as themselves on another phone or at the
 * office; their session then sends the records, so the server's own rule (only the author
 * writes their record) holds unchanged. No admin path: an admin writing someone else's records
 * would put their name on what they did not record.
 */
export const TRANSFER_RULE = {
  importBy: 'author',
} as const;

/**
 * Conflicts (../conflict.ts, docs/conflicts.md, issue 14.3): a record with versions from two
 * devices is resolved by a supervisor, who never writes the record. They write a resolution
 * (append-only, beside the record, under an id naming it) holding every version in full, the
 * field picks and the leaves it settles; the server, as the database's admin, applies it after
 * checking it against the record's current leaves (../conflict-check.ts) and records an
 * outcome that only it writes. Records keep their own rule: only the author edits them.
 */
export const CONFLICT_RULE = {
  resolvers: REVIEWERS,
  resolutionPrefix: 'resolution:',
} as const;

/**
 * The supervisor's dashboard (issue 14.4): who sees the commune's work summed up (progress per
 * index, work per hamlet, each person's records and last sync). A screen of the app, not a
 * document: the server has nothing to enforce, each database's readers already bound what it
 * counts (police records only for those who read them).
 */
export const DASHBOARD_RULE = {
  viewers: REVIEWERS,
} as const;

/** Everyone who works in the commune (the account admin assigns and closes nothing). */
const WORKERS: readonly Role[] = ROLES.filter((r) => r !== 'admin');

/** Who reads each database (POLICY.databases); reviews of a database's records follow it. */
const databaseReaders = {
  log: 'members',
  police: ['police', 'chair'],
  // Records naming citizens (reception, feedback): the commune's officials who handle them
  // and its leaders; never hamlet heads' phones, the police, reviewers or the account admin
  // (Decree 13/2023, docs/privacy.md).
  citizens: ['officer', 'chair', 'viceChair'],
} as const;

/** Per kind: its database, and those of `roles` who read it (reviews, resolutions). */
const readingKinds = (roles: readonly Role[]) =>
  Object.fromEntries(
    KINDS.map((k) => {
      const readers = databaseReaders[k.db];
      const creators = roles.filter(
        (r) => readers === 'members' || (readers as readonly Role[]).includes(r),
      );
      return [k.key, { db: k.db, creators }];
    }),
  ) as Record<string, { db: DbRole; creators: Role[] }>;

const reviewKinds = readingKinds(REVIEWERS);

const kinds = Object.fromEntries(
  KINDS.map((k) => [k.key, { db: k.db, creators: [...k.recorders] }]),
) as Record<string, { db: DbRole; creators: Role[] }>;

export const POLICY = {
  /** Who replicates (reads) each database: every member of the commune, or these roles. */
  databases: {
    log: { readers: databaseReaders.log },
    police: { readers: databaseReaders.police },
    citizens: { readers: databaseReaders.citizens },
  },
  reviewers: REVIEWERS,
  /** Who manages the commune's accounts (not documents: the server's users API). */
  accounts: {
    managers: ['admin'] as readonly Role[],
    /** The role the admin form offers first for a new account. */
    newAccountRole: 'officer' as Role,
  },
  lifecycles: { review: REVIEW_LIFECYCLE },
  progress: PROGRESS_RULE,
  review: REVIEW_RULE,
  task: TASK_RULE,
  conflicts: CONFLICT_RULE,
  types: {
    fieldCheck: {
      /** The database and creators depend on the kind (src/lib/kinds). */
      kinds,
      authored: true,
      lifecycle: 'review',
    },
    progressUpdate: {
      db: 'log',
      creators: ['officer', 'hamletHead', 'chair', 'viceChair', 'police'],
      authored: true,
      appendOnly: true,
      rule: 'progress',
    },
    review: {
      /** The database follows the reviewed record's kind; creators are reviewers. */
      kinds: reviewKinds,
      authored: true,
      appendOnly: true,
      rule: 'review',
    },
    // A photo of a record (issue 13): in the photo database paired with the record's (issue
    // 16.2: `store`), added by the record's author in a role that may record its kind, never
    // changed, taken back by its author. The server cannot read the record, so a reviewer who
    // approves the record seals its photos (`seal`: only `sealed` becomes true, by one who may
    // review the kind, never on their own record); a sealed photo is frozen like the record.
    photo: {
      kinds,
      store: 'photos',
      authored: true,
      appendOnly: true,
      authorDeletes: true,
      seal: { field: 'sealed', by: reviewKinds },
    },
    plan: { db: 'log', creators: ['admin'], editors: ['admin'], authored: false },
    planItem: { db: 'log', creators: ['admin'], editors: ['admin'], authored: false },
    /** The commune's hamlet list (issue 12.4): its admin adds, renames and retires hamlets. */
    hamlet: { db: 'log', creators: ['admin'], editors: ['admin'], authored: false },
    /** A conflict's resolution: beside its record (like reviews), by a supervisor. */
    conflictResolution: {
      kinds: readingKinds(CONFLICT_RULE.resolvers),
      authored: true,
      appendOnly: true,
      rule: 'resolution',
    },
    /** What became of a resolution: the server (the database's admin) alone writes it. */
    conflictOutcome: { kinds: readingKinds([]), creators: [], editors: [], authored: false },
    /** Tasks live in the commune log, which everyone replicates (TASK_RULE says who). */
    task: { db: 'log', creators: WORKERS, authored: true, appendOnly: true, rule: 'task' },
    taskEvent: {
      db: 'log',
      creators: WORKERS,
      authored: true,
      appendOnly: true,
      rule: 'taskEvent',
    },
    /**
     * When one device of a person last synced (../device-sync.ts, issue 14.4): in the commune
     * log, made and rewritten by its author only (its id names them); nobody deletes it.
     */
    deviceSync: { db: 'log', creators: WORKERS, authored: true, authorEdits: true },
  },
} as const;

export type Policy = typeof POLICY;
export type DocTypeName = keyof Policy['types'];
export type Action =
  'create' | 'edit' | 'delete' | (typeof REVIEW_LIFECYCLE.transitions)[number]['action'];
