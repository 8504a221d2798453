// The one question the app asks: may this person do this to this document? Screens ask `can`
// (or the helpers below, which build the probe for them), repositories refuse with
// PolicyError what it refuses, and the server's validate_doc_update decides from the same
// table (./table.ts).
import type { FieldCheckKind } from '../../kinds';
import { KINDS } from '../../kinds';
import { DOC_TYPES, type DbRole } from '../constants';
import { positionOf, primaryRole, type Position, type Role } from '../roles';
import { decide, type Actor, type Reason } from './decide';
import { DASHBOARD_RULE, POLICY, REVIEW_LIFECYCLE, type Action } from './table';

export {
  decide,
  percentProblem,
  progressProblem,
  reviewProblem,
  taskEventProblem,
  taskProblem,
  REASONS,
} from './decide';
export type { Actor, Decision, Reason } from './decide';
export {
  DASHBOARD_RULE,
  POLICY,
  PROGRESS_RULE,
  REVIEW_RULE,
  REVIEWERS,
  TASK_RULE,
  type Action,
  type Policy,
} from './table';

type AnyDoc = Record<string, unknown> & { _id?: string; _deleted?: boolean };

/** The change `action` would make to `doc`: [old, new], or null when it has no such action. */
export function project(action: Action, doc: AnyDoc): [AnyDoc | null, AnyDoc] | null {
  if (action === 'create') return [null, doc];
  if (action === 'delete') return [doc, { ...doc, _deleted: true }];
  if (action === 'edit') return [doc, doc];
  const step = REVIEW_LIFECYCLE.transitions.find(
    (t) => t.action === action && t.from === doc.status,
  );
  return step ? [doc, { ...doc, status: step.to }] : null;
}

/** Why `actor` may not do `action` to `doc`, or null when they may. */
export function refusal(actor: Actor, action: Action, doc: AnyDoc): Reason | null {
  const change = project(action, doc);
  if (!change) return 'badTransition';
  const d = decide(actor, change[0], change[1]);
  if (d.reason) return d.reason;
  return d.action === action ? null : 'badTransition';
}

export function can(actor: Actor, action: Action, doc: AnyDoc): boolean {
  return refusal(actor, action, doc) === null;
}

/** A refused change, with the policy's reason (i18n `t.policy[reason]` says it in words). */
export class PolicyError extends Error {
  constructor(readonly reason: Reason) {
    super(`refused by the policy: ${reason}`);
    this.name = 'PolicyError';
  }
}

/** Refuses with PolicyError what the server would refuse. */
export function assertAllowed(actor: Actor, oldDoc: AnyDoc | null, newDoc: AnyDoc): void {
  const d = decide(actor, oldDoc, newDoc);
  if (d.reason) throw new PolicyError(d.reason);
}

/** The author of `doc` as an actor: who a write acts as when no session is bound (tests, tools). */
export function actorOf(doc: { author: string; authorRole: string; commune: string }): Actor {
  return { name: doc.author, roles: [`${doc.authorRole}@${doc.commune}`], commune: doc.commune };
}

// ---- helpers for screens: the probe documents are built here, not in pages -----------------

const holds = (actor: Actor, role: string) => actor.roles.includes(`${role}@${actor.commune}`);

/** The document an author would write, far enough for the policy to judge it. */
function probe(actor: Actor, type: string, extra: AnyDoc = {}): AnyDoc {
  return {
    _id: `${type}:probe:${actor.name}:0`,
    type,
    commune: actor.commune,
    author: actor.name,
    authorRole: primaryRole(actor, actor.commune),
    ...extra,
  };
}

/** The kinds of field check this person may record. */
export function recordableKinds(actor: Actor): FieldCheckKind[] {
  return KINDS.filter((k) =>
    can(actor, 'create', probe(actor, DOC_TYPES.fieldCheck, { kind: k.key, status: 'draft' })),
  ).map((k) => k.key);
}

/** The databases this person replicates: police records reach only police and the chair. */
export function readableDbs(actor: Actor): DbRole[] {
  return (Object.keys(POLICY.databases) as DbRole[]).filter((db) => {
    const readers = POLICY.databases[db].readers;
    return readers === 'members' || readers.some((r) => holds(actor, r));
  });
}

/** The kinds of field check this person can see: those kept in a database they replicate. */
export function readableKinds(actor: Actor): FieldCheckKind[] {
  const dbs = readableDbs(actor);
  return KINDS.filter((k) => dbs.includes(k.db)).map((k) => k.key);
}

/** Roles whose members read database `db` (for its _security), or 'members' for all. */
export function readersOf(db: DbRole): readonly Role[] | 'members' {
  return POLICY.databases[db].readers;
}

/** May create and edit the commune's plans (the admin page and the new-year page). */
export function mayEditPlans(actor: Actor): boolean {
  return can(actor, 'create', { type: DOC_TYPES.plan, commune: actor.commune });
}

/** May add, rename and retire the commune's hamlets (the hamlet list page). */
export function mayEditHamlets(actor: Actor): boolean {
  return can(actor, 'create', { type: DOC_TYPES.hamlet, commune: actor.commune });
}

/** May manage the commune's accounts (the admin page; the server's users API). */
export function mayManageAccounts(actor: Actor): boolean {
  return POLICY.accounts.managers.some((r) => holds(actor, r));
}

/** May report progress on an item with these positions (lead, partners, criteria leads). */
export function mayReportProgress(actor: Actor, itemPositions: readonly Position[]): boolean {
  const position = positionOf(actor);
  return can(
    actor,
    'create',
    probe(actor, DOC_TYPES.progressUpdate, {
      authorPosition: position,
      itemPositions: [...itemPositions],
      status: 'inProgress',
      percent: null,
    }),
  );
}

/** May assign tasks (TASK_RULE: the commune's leaders and reviewers). */
export function mayAssignTasks(actor: Actor): boolean {
  return can(
    actor,
    'create',
    probe(actor, DOC_TYPES.task, { assignee: 'x', assigneeGroup: null, source: null }),
  );
}

/** May resolve records edited on two devices of some kind (CONFLICT_RULE). */
export function mayResolveConflicts(actor: Actor): boolean {
  const t = '2000-01-01T00:00:00.000Z';
  const recordId = `check:${t}:x:00000000`;
  return KINDS.some(
    (k) =>
      decide(
        actor,
        null,
        probe(actor, DOC_TYPES.conflictResolution, {
          _id: `${POLICY.conflicts.resolutionPrefix}${recordId}:${t}:${actor.name}:00000000`,
          kind: k.key,
          recordId,
        }),
        k.db,
      ).reason === null,
  );
}

/** May see the supervisor's dashboard (DASHBOARD_RULE). */
export function maySeeDashboard(actor: Actor): boolean {
  return DASHBOARD_RULE.viewers.some((r) => holds(actor, r));
}

/** A reviewer role, so the review queue and verdicts are offered. */
export function isReviewer(actor: Actor): boolean {
  return POLICY.reviewers.some((r) => holds(actor, r));
}

/**
 * May judge `record`: write a review of it (a reviewer role, not its author, able to read its
 * database) and stamp an approval on it (it is sent and not yet approved).
 */
export function mayReview(
  actor: Actor,
  record: AnyDoc & { _id: string; kind: string; status: string },
): boolean {
  const review = probe(actor, DOC_TYPES.review, {
    _id: `review:${record._id}:2000-01-01T00:00:00.000Z:${actor.name}:00000000`,
    kind: record.kind,
    recordId: record._id,
    recordRev: '1-probe',
    verdict: 'return',
    comment: 'probe',
  });
  return (
    decide(actor, null, review, kindDb(record.kind)).reason === null &&
    can(actor, 'approve', record)
  );
}

const kindDb = (kind: string): DbRole | undefined => KINDS.find((k) => k.key === kind)?.db;
