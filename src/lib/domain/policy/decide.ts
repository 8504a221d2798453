// Reads the policy table (./table.ts) for one change: an old document (or none) becoming a new
// one, made by `actor`. The same decision, step by step, is made on the server by the ES5
// interpreter in server/design/validate_doc_update.js over the same table; the matrix test
// keeps the two in agreement. Shape checks are the schemas' business, not this file's.
import { POLICY, type Action } from './table';

/** Who acts: a CouchDB session (roles as `<role>@<commune>`, `position:<key>`, `_admin`). */
export interface Actor {
  name: string | null;
  roles: readonly string[];
  commune: string;
}

export const REASONS = [
  'signIn',
  'unknownType',
  'wrongCommune',
  'wrongDatabase',
  'typeChanged',
  'notAuthor',
  'idNotYours',
  'roleNotYours',
  'roleMayNot',
  'badStatus',
  'frozen',
  'badTransition',
  'notYourRecord',
  'notReviewer',
  'ownRecord',
  'reviewFieldsOnly',
  'fixedField',
  'appendOnly',
  'notDeletable',
  'positionNotYours',
  'notResponsible',
  'progressContradicts',
  'commentNeeded',
  'wrongRecord',
  'noAssignee',
  'notAssigner',
  'wrongTask',
  'notAssignee',
  'evidenceNeeded',
  'reasonNeeded',
  'notYourFollowUp',
  'notResolver',
] as const;
export type Reason = (typeof REASONS)[number];

export interface Decision {
  /** What the change is, when it could be told (null: an unknown type, a status jump). */
  action: Action | null;
  /** Why it is refused; null when allowed. */
  reason: Reason | null;
}

type AnyDoc = Record<string, unknown> & { _id?: string; _deleted?: boolean };

interface TypeRule {
  db?: string;
  kinds?: Record<string, { db: string; creators: readonly string[] }>;
  creators?: readonly string[];
  editors?: readonly string[];
  authored: boolean;
  lifecycle?: 'review';
  appendOnly?: boolean;
  /** An append-only document its author may delete (a photo taken back). */
  authorDeletes?: boolean;
  /** A document its author alone rewrites in place (a device's last sync). */
  authorEdits?: boolean;
  /** Kept in the paired database of this name (`<db>-photos`), not the kind's own. */
  store?: string;
  /** A reviewer of the kind may set `field` to true, once; it freezes the document. */
  seal?: { field: string; by: Record<string, { creators: readonly string[] }> };
  rule?: 'progress' | 'review' | 'task' | 'taskEvent' | 'resolution';
}

const types = POLICY.types as unknown as Record<string, TypeRule | undefined>;
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function decide(
  actor: Actor,
  oldDoc: AnyDoc | null,
  newDoc: AnyDoc,
  dbRole?: string,
): Decision {
  let action: Action | null = null;
  const deny = (reason: Reason): Decision => ({ action, reason });
  const ok = (): Decision => ({ action, reason: null });
  const roles = actor.roles;
  const holds = (role: string) => roles.includes(`${role}@${actor.commune}`);
  const holdsAny = (list: readonly string[]) => list.some(holds);
  const isAdmin = roles.includes('_admin');
  const name = actor.name;
  const old = oldDoc && !oldDoc._deleted ? oldDoc : null;

  if (!name) return deny('signIn');

  if (newDoc._deleted) {
    action = 'delete';
    if (isAdmin || !old) return ok();
    const rule = types[String(old.type)];
    if (!rule || !(rule.lifecycle || rule.authorDeletes)) return deny('notDeletable');
    if (old.author !== name) return deny('notYourRecord');
    if (rule.seal && old[rule.seal.field] === true) return deny('frozen');
    if (!rule.lifecycle) return ok();
    const deletable: readonly string[] = POLICY.lifecycles.review.deletable;
    if (!deletable.includes(String(old.status))) return deny('notDeletable');
    return ok();
  }

  const rule = own(types, String(newDoc.type)) ? types[String(newDoc.type)] : undefined;
  if (!rule) return deny('unknownType');
  if (newDoc.commune !== actor.commune) return deny('wrongCommune');
  const kindRule = rule.kinds
    ? own(rule.kinds, String(newDoc.kind))
      ? rule.kinds[String(newDoc.kind)]
      : undefined
    : undefined;
  if (rule.kinds && !kindRule) return deny('unknownType');
  const db = kindRule ? kindRule.db : rule.db;
  const where = rule.store ? `${db}-${rule.store}` : db;
  if (dbRole !== undefined && where !== dbRole) return deny('wrongDatabase');
  if (old && old.type !== newDoc.type) return deny('typeChanged');
  const creators = (kindRule ? kindRule.creators : rule.creators) ?? [];

  // The signed-in person wrote it, in a role that is theirs, under an id with their name.
  const authorship = (): Reason | null => {
    if (newDoc.author !== name) return 'notAuthor';
    const parts = String(newDoc._id).split(':');
    if (parts[parts.length - 2] !== name) return 'idNotYours';
    if (!holds(String(newDoc.authorRole))) return 'roleNotYours';
    return null;
  };

  if (rule.lifecycle) {
    const lc = POLICY.lifecycles[rule.lifecycle];
    if (!old) {
      action = 'create';
      if (isAdmin) return ok();
      const problem = authorship();
      if (problem) return deny(problem);
      if (!holdsAny(creators)) return deny('roleMayNot');
      if (!(lc.initial as readonly string[]).includes(String(newDoc.status)))
        return deny('badStatus');
      return ok();
    }
    const from = String(old.status);
    const to = String(newDoc.status);
    const step = lc.transitions.find((t) => t.from === from && t.to === to);
    if (!step) {
      if (!lc.transitions.some((t) => t.from === from)) return deny('frozen');
      return deny('badTransition');
    }
    action = step.action;
    if (isAdmin) return ok();
    // Only the server writes a conflict's merge onto a record waiting for review.
    if (step.by === 'server') return deny('badTransition');
    if (step.by === 'reviewer') {
      if (!holdsAny(POLICY.reviewers)) return deny('notReviewer');
      if (old.author === name) return deny('ownRecord');
      if (!sameExcept(old, newDoc, lc.reviewFields)) return deny('reviewFieldsOnly');
      return ok();
    }
    if (old.author !== name) return deny('notYourRecord');
    const problem = authorship();
    if (problem) return deny(problem);
    if (!holdsAny(creators)) return deny('roleMayNot');
    for (const f of lc.fixedFields) {
      if (JSON.stringify(old[f]) !== JSON.stringify(newDoc[f])) return deny('fixedField');
    }
    return ok();
  }

  if (rule.editors) {
    action = old ? 'edit' : 'create';
    if (isAdmin) return ok();
    if (!holdsAny(old ? rule.editors : creators)) return deny('roleMayNot');
    return ok();
  }

  action = old ? 'edit' : 'create';
  if (isAdmin) return ok();
  if (old && rule.seal) return sealProblem(rule.seal, old, newDoc);
  if (old && !rule.authorEdits) return deny('appendOnly');
  if (old && old.author !== name) return deny('notYourRecord');
  const problem = authorship();
  if (problem) return deny(problem);
  if (!holdsAny(creators))
    return deny(
      rule.rule === 'review'
        ? 'notReviewer'
        : rule.rule === 'resolution'
          ? 'notResolver'
          : 'roleMayNot',
    );
  if (rule.rule === 'progress') {
    const p = progressProblem(actor, newDoc);
    if (p) return deny(p);
  }
  if (rule.rule === 'review') {
    const p = reviewProblem(actor, newDoc);
    if (p) return deny(p);
  }
  if (rule.rule === 'resolution') {
    if (
      String(newDoc._id).indexOf(
        POLICY.conflicts.resolutionPrefix + String(newDoc.recordId) + ':',
      ) !== 0
    )
      return deny('wrongRecord');
  }
  if (rule.rule === 'task') {
    const p = taskProblem(actor, newDoc);
    if (p) return deny(p);
  }
  if (rule.rule === 'taskEvent') {
    const p = taskEventProblem(actor, newDoc);
    if (p) return deny(p);
  }
  return ok();

  /** A reviewer of the kind seals a document (only the seal changes), never their own. */
  function sealProblem(seal: NonNullable<TypeRule['seal']>, o: AnyDoc, n: AnyDoc): Decision {
    if (o[seal.field] === true) return deny('frozen');
    const by = own(seal.by, String(o.kind)) ? seal.by[String(o.kind)].creators : [];
    if (!holdsAny(by)) return deny('appendOnly');
    if (o.author === name) return deny('ownRecord');
    if (n[seal.field] !== true || !sameExcept(o, n, [seal.field, '_attachments']))
      return deny('reviewFieldsOnly');
    if (!sameAttachments(o._attachments, n._attachments)) return deny('reviewFieldsOnly');
    return ok();
  }
}

type Att = { content_type?: unknown; digest?: unknown; length?: unknown; data?: unknown };

/**
 * The same attachments (names, types and content) whether either side is a stub or inline
 * data: digests are compared when both have one, else the inline data's decoded length.
 */
export function sameAttachments(a: unknown, b: unknown): boolean {
  const x = (a ?? {}) as Record<string, Att>;
  const y = (b ?? {}) as Record<string, Att>;
  const names = Object.keys(x);
  if (names.length !== Object.keys(y).length) return false;
  for (const k of names) {
    if (!own(y, k) || x[k].content_type !== y[k].content_type) return false;
    const [p, q] = [x[k], y[k]];
    if (typeof p.digest === 'string' && typeof q.digest === 'string') {
      if (p.digest !== q.digest) return false;
    } else if (base64Bytes(p) !== base64Bytes(q)) return false;
  }
  return true;
}

/** An attachment's byte length: its stub's length, or its inline base64's decoded length. */
function base64Bytes(att: Att): number {
  if (typeof att.length === 'number') return att.length;
  const data = typeof att.data === 'string' ? att.data : '';
  const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - pad;
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '';

/** The task rule (POLICY.task) for one new task, or null when it holds. */
export function taskProblem(actor: Actor, doc: AnyDoc): Reason | null {
  const rule = POLICY.task;
  if (!present(doc.assignee) && !present(doc.assigneeGroup)) return 'noAssignee';
  if (present(doc.source)) {
    // A follow-up: its id is its record's, so it is the record author's and one per record.
    const source = String(doc.source);
    if (source.indexOf(rule.followUpPrefix) !== 0) return 'notYourFollowUp';
    if (String(doc._id) !== 'task:' + source.slice(rule.followUpPrefix.length))
      return 'notYourFollowUp';
    return null;
  }
  const assigner = rule.assigners.some((r) => actor.roles.includes(`${r}@${actor.commune}`));
  return assigner ? null : 'notAssigner';
}

/** The rule for closing a task (POLICY.task), or null when it holds. */
export function taskEventProblem(actor: Actor, doc: AnyDoc): Reason | null {
  const rule = POLICY.task;
  if (String(doc._id).indexOf('taskevent:' + String(doc.taskId) + ':') !== 0) return 'wrongTask';
  const group = present(doc.assigneeGroup) ? String(doc.assigneeGroup) : '';
  const byRole =
    group.indexOf('position:') === 0
      ? actor.roles.includes(group)
      : group.indexOf('role:') === 0 &&
        actor.roles.includes(group.slice('role:'.length) + '@' + actor.commune);
  if (!(present(doc.assignee) && doc.assignee === actor.name) && !byRole) return 'notAssignee';
  if (doc.outcome === rule.recordRequiredFor && !present(doc.recordId)) return 'evidenceNeeded';
  const reason = typeof doc.reason === 'string' ? doc.reason.trim() : '';
  if (doc.outcome === rule.reasonRequiredFor && reason === '') return 'reasonNeeded';
  return null;
}

/** The review rule (POLICY.review) for one new review, or null when it holds. */
export function reviewProblem(actor: Actor, doc: AnyDoc): Reason | null {
  const recordId = String(doc.recordId);
  if (String(doc._id).indexOf('review:' + recordId + ':') !== 0) return 'wrongRecord';
  const parts = recordId.split(':');
  if (parts[parts.length - 2] === actor.name) return 'ownRecord';
  const comment = typeof doc.comment === 'string' ? doc.comment.trim() : '';
  if (doc.verdict === POLICY.review.commentRequiredFor && comment === '') return 'commentNeeded';
  return null;
}

/** The progress rule (POLICY.progress) for one update, or null when it holds. */
export function progressProblem(actor: Actor, doc: AnyDoc): Reason | null {
  const rule = POLICY.progress;
  const pos = doc.authorPosition;
  if (pos !== null && pos !== undefined && !actor.roles.includes(`position:${String(pos)}`))
    return 'positionNotYours';
  const anyItem = rule.anyItem.some((r) => actor.roles.includes(`${r}@${actor.commune}`));
  if (!anyItem) {
    if (pos === null || pos === undefined) return 'positionNotYours';
    const positions = Array.isArray(doc.itemPositions) ? (doc.itemPositions as unknown[]) : [];
    if (!positions.includes(pos)) return 'notResponsible';
  }
  return percentProblem(doc.status, doc.percent);
}

/** "Complete" is 100 %: done if and only if 100; not started has no percent or 0. */
export function percentProblem(status: unknown, percent: unknown): Reason | null {
  const rule = POLICY.progress;
  const done = status === rule.doneStatus;
  if (done !== (percent === rule.donePercent)) return 'progressContradicts';
  if (status === rule.notStartedStatus && percent !== null && percent !== 0)
    return 'progressContradicts';
  return null;
}

function sameExcept(a: AnyDoc, b: AnyDoc, allowed: readonly string[]): boolean {
  const meta = ['_rev', '_revisions', '_deleted'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (allowed.includes(k) || meta.includes(k)) continue;
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  }
  return true;
}
