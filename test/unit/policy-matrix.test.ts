// The policy matrix: every role × document type × action × state, judged by the app's policy
// (`can` for the named actions a screen asks about, `decide` for every raw status change) and
// by the generated validate_doc_update the server runs. They must agree on every cell, refusal
// reason included. A rule changed in one and not the other fails here with the cell named.
import { newHamlet } from '../../src/lib/domain/hamlet.ts';
import { deviceSyncSchema, newDeviceSync } from '../../src/lib/domain/device-sync.ts';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../server/design/build.ts';
import { storeNames, type StoreRole } from '../../src/lib/domain/constants.ts';
import { photoDocSchema } from '../../src/lib/domain/photos.ts';
import { emptyInput, newFieldCheck } from '../../src/lib/domain/field-check-factory.ts';
import { CHECK_STATUSES, fieldCheckSchema } from '../../src/lib/domain/field-check.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import {
  POLICY,
  REASONS,
  can,
  decide,
  project,
  type Action,
  type Actor,
  type Reason,
} from '../../src/lib/domain/policy/index.ts';
import { newProgressUpdate, progressUpdateSchema } from '../../src/lib/domain/progress.ts';
import { newReview, reviewSchema } from '../../src/lib/domain/review.ts';
import {
  newOutcome,
  newResolution,
  outcomeSchema,
  resolutionSchema,
} from '../../src/lib/domain/conflict.ts';
import {
  newTask,
  newTaskEvent,
  taskEventSchema,
  taskSchema,
  type TaskInput,
} from '../../src/lib/domain/task.ts';
import { ROLES, couchRolesFor, type Position, type Role } from '../../src/lib/domain/roles.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { FIELD_CHECK_KINDS, kindOf } from '../../src/lib/kinds/index.ts';
import { attachmentStub, inlineAttachment, photoOf } from '../support/photo-docs.ts';

const COMMUNE = 'hong-phong';
type Doc = Record<string, unknown> & { _id?: string; _deleted?: boolean };
type Validate = (n: Doc, o: Doc | null, ctx: { name: string | null; roles: string[] }) => void;
const validators = Object.fromEntries(
  (Object.keys(storeNames(COMMUNE)) as StoreRole[]).map((db) => [
    db,
    new Function('return ' + validatorSource(COMMUNE, db))() as Validate,
  ]),
) as Record<StoreRole, Validate>;

/** The refusal reason the validator gave (its message ends with "(<english reason>)"). */
function serverReason(db: StoreRole, newDoc: Doc, oldDoc: Doc | null, actor: Actor): string | null {
  try {
    validators[db](structuredClone(newDoc), oldDoc && structuredClone(oldDoc), {
      name: actor.name,
      roles: [...actor.roles],
    });
    return null;
  } catch (err) {
    const msg = (err as { forbidden?: string }).forbidden;
    if (typeof msg !== 'string') throw err;
    const hit = REASONS.find((r) => msg.endsWith(`(${en.policy[r]})`));
    return hit ?? `invalid: ${msg}`;
  }
}

// ---- who acts ----------------------------------------------------------------------------------

const POSITION_OF: Partial<Record<Role, Position>> = {
  officer: 'land',
  police: 'police',
  hamletHead: 'hamletHead',
  chair: 'chair',
  viceChair: 'viceChair',
};
const name = (role: Role) => `u-${role}`;
const chairAuthor = { name: name('chair'), role: 'chair', commune: COMMUNE };
const actors: Actor[] = [
  ...ROLES.map((role) => ({
    name: name(role),
    roles: couchRolesFor(role, COMMUNE, POSITION_OF[role]),
    commune: COMMUNE,
  })),
  // An officer of the office (lead of 2.1.3), a member of another commune, a server admin.
  { name: 'u-office', roles: couchRolesFor('officer', COMMUNE, 'office'), commune: COMMUNE },
  { name: 'u-other', roles: couchRolesFor('officer', 'other-commune', 'land'), commune: COMMUNE },
  { name: 'u-admin', roles: ['_admin'], commune: COMMUNE },
];

// ---- documents in every state --------------------------------------------------------------------

let n = 0;
const at = () => new Date(Date.UTC(2026, 2, 1) + ++n * 1000);

/** A field check of `kind` by `author` (any role, even one that may not record it) in `status`. */
function check(kind: string, authorRole: Role, status: string): Doc {
  const input = emptyInput(kind as never, at());
  input.hamlet = 'Thôn Nà Cạn';
  const author = { name: name(authorRole), role: authorRole, commune: COMMUNE };
  const doc = { ...newFieldCheck(input, author, at()), status } as Doc;
  fieldCheckSchema.parse(doc);
  return doc;
}

const plan = loadPlan2023();
const items = ['2.1.3', '2.3.7'].map((code) => plan.items.find((i) => i.code === code)!);

function progress(
  authorRole: Role,
  code: string,
  position: Position | null,
  sp: [string, unknown],
) {
  const item = items.find((i) => i.code === code)!;
  const author = { name: name(authorRole), role: authorRole, commune: COMMUNE, position };
  const input = {
    planItemId: item._id,
    status: sp[0] as 'done',
    percent: sp[1] as number | null,
    value: null,
    criterionId: null,
    note: '',
  };
  const doc = newProgressUpdate(input, author, at(), item) as unknown as Doc;
  progressUpdateSchema.parse(doc);
  return doc;
}

const taskInput = (patch: Partial<TaskInput>): TaskInput => ({
  title: 'Kiểm tra lại điểm tập kết rác',
  note: '',
  assignee: name('officer'),
  assigneeGroup: null,
  due: '2026-04-01',
  hamlet: 'Thôn Nà Cạn',
  planItems: ['2.3.7'],
  ...patch,
});

const stubs = { image: attachmentStub(1), thumb: attachmentStub(2) };

/** Photo 1 of `record`, as its author's phone writes it (inline attachments). */
function photo(record: Doc): Doc {
  const doc = photoOf(record, { image: inlineAttachment(999), thumb: inlineAttachment(999) });
  photoDocSchema.parse(doc);
  return doc;
}

interface Cell {
  label: string;
  actor: Actor;
  old: Doc | null;
  next: Doc;
  action?: Action;
  subject?: Doc;
}

function cells(): Cell[] {
  const out: Cell[] = [];
  const statuses = [...CHECK_STATUSES];
  // Field checks: every kind, author role, old status (or none) → every new status or deletion.
  for (const kind of FIELD_CHECK_KINDS) {
    for (const authorRole of ROLES) {
      for (const actor of actors) {
        for (const to of statuses) {
          const doc = check(kind, authorRole, to);
          out.push({
            label: `${kind} by ${authorRole}: create as ${to}`,
            actor,
            old: null,
            next: doc,
          });
        }
        for (const from of statuses) {
          const old = { ...check(kind, authorRole, from), _rev: '1-a' };
          for (const to of statuses) {
            out.push({
              label: `${kind} by ${authorRole}: ${from} → ${to}`,
              actor,
              old,
              next: { ...old, status: to, updatedAt: new Date().toISOString() },
            });
          }
          // A content edit in the same status, and a reviewer's verdict that also edits.
          out.push({
            label: `${kind} by ${authorRole}: ${from} edited`,
            actor,
            old,
            next: { ...old, findings: 'đã sửa' },
          });
          out.push({
            label: `${kind} by ${authorRole}: ${from} → approved with an edit`,
            actor,
            old,
            next: { ...old, status: 'approved', findings: 'sửa khi duyệt' },
          });
          out.push({
            label: `${kind} by ${authorRole}: ${from} deleted`,
            actor,
            old,
            next: { _id: old._id as string, _rev: '2-b', _deleted: true },
          });
          for (const action of ['save', 'submit', 'withdraw', 'approve', 'delete'] as Action[]) {
            out.push({
              label: `${kind} by ${authorRole}: can ${action} ${from}`,
              actor,
              old,
              next: old,
              action,
              subject: old,
            });
          }
        }
      }
    }
  }
  // Progress updates: positions, items, and what "complete" means.
  const pairs: [string, unknown][] = [
    ['done', 100],
    ['done', 40],
    ['done', null],
    ['inProgress', 100],
    ['inProgress', 40],
    ['notStarted', null],
    ['notStarted', 10],
    ['blocked', null],
  ];
  for (const authorRole of ROLES) {
    for (const actor of actors) {
      for (const code of ['2.1.3', '2.3.7']) {
        for (const position of [
          POSITION_OF[authorRole] ?? null,
          'office',
          'chair',
          null,
        ] as const) {
          for (const sp of pairs) {
            const doc = progress(authorRole, code, position, sp);
            const label = `progress by ${authorRole} on ${code} as ${position}: ${sp.join(' ')}`;
            out.push({ label, actor, old: null, next: doc, action: 'create', subject: doc });
          }
        }
        const old = {
          ...progress(authorRole, code, POSITION_OF[authorRole] ?? null, pairs[4]),
          _rev: '1-a',
        };
        out.push({
          label: `progress by ${authorRole}: edited`,
          actor,
          old,
          next: { ...old, note: 'sửa' },
        });
        out.push({
          label: `progress by ${authorRole}: deleted`,
          actor,
          old,
          next: { _id: old._id as string, _deleted: true },
        });
      }
    }
  }
  // Reviews: every reviewer role (and not) on every author's record of each database, with
  // and without a comment; then an edit and a deletion of a stored review.
  for (const kind of ['environment', 'security']) {
    for (const authorRole of ROLES) {
      const record = { ...check(kind, authorRole, 'submitted'), _rev: '2-a' } as never;
      for (const actor of actors) {
        for (const verdict of ['approve', 'return'] as const) {
          for (const comment of ['', 'Bổ sung ảnh hiện trường']) {
            const reviewer = { name: actor.name ?? 'x', role: 'chair', commune: COMMUNE };
            const doc = newReview(record, { verdict, comment }, reviewer, at()) as Doc;
            for (const role of ROLES) {
              const next = { ...doc, authorRole: role };
              reviewSchema.parse(next);
              out.push({
                label: `review ${verdict}${comment ? '' : ' (no comment)'} of ${kind} by ${authorRole} as ${role}`,
                actor,
                old: null,
                next,
                action: 'create',
                subject: next,
              });
            }
          }
        }
        const old = {
          ...(newReview(
            record,
            { verdict: 'return', comment: 'Sai thôn' },
            { name: actor.name ?? 'x', role: 'chair', commune: COMMUNE },
            at(),
          ) as Doc),
          _rev: '1-a',
        };
        out.push({
          label: `review of ${kind}: edited`,
          actor,
          old,
          next: { ...old, comment: 'khác' },
        });
        out.push({
          label: `review of ${kind}: deleted`,
          actor,
          old,
          next: { _id: old._id as string, _deleted: true },
        });
      }
    }
  }
  // Tasks: assigned by every role to a person, a role or a position, or a record's follow-up
  // (its own, someone else's, under a wrong id); closed by everyone, done or not, with and
  // without proof or reason, under the task's id or another's; edits and deletions.
  for (const authorRole of ROLES) {
    const author = { name: name(authorRole), role: authorRole, commune: COMMUNE };
    const ownRecord = check('environment', authorRole, 'submitted');
    const otherRecord = check(
      'environment',
      authorRole === 'officer' ? 'chair' : 'officer',
      'submitted',
    );
    const variants: [string, Doc][] = [
      ['to a person', newTask(taskInput({}), author, at()) as Doc],
      [
        'to a role',
        newTask(taskInput({ assignee: null, assigneeGroup: 'role:officer' }), author, at()) as Doc,
      ],
      [
        'to a position',
        newTask(taskInput({ assignee: null, assigneeGroup: 'position:land' }), author, at()) as Doc,
      ],
      ['to nobody', newTask(taskInput({ assignee: null }), author, at()) as Doc],
      [
        'follow-up of own record',
        newTask(taskInput({}), author, at(), ownRecord._id as string) as Doc,
      ],
      [
        'follow-up of another',
        newTask(taskInput({}), author, at(), otherRecord._id as string) as Doc,
      ],
      [
        'follow-up under a wrong id',
        { ...newTask(taskInput({}), author, at()), source: ownRecord._id } as Doc,
      ],
    ];
    for (const actor of actors) {
      for (const [what, doc] of variants) {
        taskSchema.parse(doc);
        out.push({
          label: `task by ${authorRole} ${what}`,
          actor,
          old: null,
          next: doc,
          action: 'create',
          subject: doc,
        });
      }
      const old = { ...variants[0][1], _rev: '1-a' };
      out.push({
        label: `task by ${authorRole}: edited`,
        actor,
        old,
        next: { ...old, title: 'khác' },
      });
      out.push({
        label: `task by ${authorRole}: deleted`,
        actor,
        old,
        next: { _id: old._id as string, _deleted: true },
      });
    }
  }
  const assigner = { name: name('chair'), role: 'chair', commune: COMMUNE };
  const tasks = [
    newTask(taskInput({ assignee: name('officer') }), assigner, at()),
    newTask(taskInput({ assignee: null, assigneeGroup: 'role:hamletHead' }), assigner, at()),
    newTask(taskInput({ assignee: null, assigneeGroup: 'position:land' }), assigner, at()),
  ];
  const proof = check('environment', 'officer', 'submitted')._id as string;
  for (const task of tasks) {
    for (const closerRole of ROLES) {
      const closer = { name: name(closerRole), role: closerRole, commune: COMMUNE };
      const events: [string, Doc][] = [
        [
          'done',
          newTaskEvent(task, { outcome: 'done', recordId: proof, reason: '' }, closer, at()) as Doc,
        ],
        [
          'done without proof',
          newTaskEvent(task, { outcome: 'done', recordId: null, reason: '' }, closer, at()) as Doc,
        ],
        [
          'not done',
          newTaskEvent(
            task,
            { outcome: 'notDone', recordId: null, reason: 'Mưa lũ' },
            closer,
            at(),
          ) as Doc,
        ],
        [
          'not done without reason',
          newTaskEvent(
            task,
            { outcome: 'notDone', recordId: null, reason: '' },
            closer,
            at(),
          ) as Doc,
        ],
        [
          'for another task',
          {
            ...newTaskEvent(
              task,
              { outcome: 'notDone', recordId: null, reason: 'x' },
              closer,
              at(),
            ),
            taskId: tasks[(tasks.indexOf(task) + 1) % 3]._id,
          } as Doc,
        ],
      ];
      for (const actor of actors) {
        for (const [what, doc] of events) {
          taskEventSchema.parse(doc);
          out.push({
            label: `taskEvent ${what} of ${task.assignee ?? task.assigneeGroup} by ${closerRole}`,
            actor,
            old: null,
            next: doc,
            action: 'create',
            subject: doc,
          });
        }
        const old = { ...events[0][1], _rev: '1-a' };
        out.push({
          label: `taskEvent by ${closerRole}: edited`,
          actor,
          old,
          next: { ...old, reason: 'sửa' },
        });
      }
    }
  }
  // Conflicts: a resolution by every role (of a record in each database, under its own id or
  // another record's), edited and deleted; an outcome, which only the server (admin) writes;
  // tombstones naming a resolution stay the author's own deletion rule.
  for (const kind of ['environment', 'security', 'citizenReception']) {
    const record = { ...check(kind, 'officer', 'draft'), _rev: '2-a' } as never;
    const other = { ...check(kind, 'officer', 'draft'), _rev: '2-b' } as never;
    for (const authorRole of ROLES) {
      const by = { name: name(authorRole), role: authorRole, commune: COMMUNE };
      const resolution = newResolution(record, '2-a', [record], {}, by, at()) as Doc;
      resolutionSchema.parse(resolution);
      const elsewhere = { ...resolution, recordId: (other as Doc)._id };
      for (const actor of actors) {
        for (const [what, doc] of [
          ['', resolution],
          [' naming another record', elsewhere],
        ] as const)
          out.push({
            label: `resolution of ${kind} by ${authorRole}${what}`,
            actor,
            old: null,
            next: doc,
            action: 'create',
            subject: doc,
          });
        const old = { ...resolution, _rev: '1-a' };
        out.push({ label: `resolution edited`, actor, old, next: { ...old, picks: [] } });
        out.push({
          label: `resolution deleted`,
          actor,
          old,
          next: { _id: old._id as string, _deleted: true },
        });
      }
    }
    const resolution = newResolution(record, '2-a', [record], {}, chairAuthor, at());
    for (const [result, reason] of [
      ['applied', null],
      ['stale', 'stale'],
      ['refused', 'mismatch'],
    ] as const) {
      const doc = newOutcome(resolution, result, reason, null, at()) as Doc;
      outcomeSchema.parse(doc);
      for (const actor of actors) {
        out.push({
          label: `outcome of ${kind}: ${result}`,
          actor,
          old: null,
          next: doc,
          action: 'create',
          subject: doc,
        });
        out.push({ label: `outcome edited`, actor, old: { ...doc, _rev: '1-a' }, next: doc });
      }
    }
  }
  for (const status of CHECK_STATUSES) {
    const leaf = { ...check('environment', 'officer', status), _rev: '2-b' };
    const id = leaf._id as string;
    for (const actor of actors)
      out.push({
        label: `tombstone naming a resolution of ${status}`,
        actor,
        old: leaf,
        next: {
          _id: id,
          _rev: '3-c',
          _deleted: true,
          resolvedBy: `resolution:${id}:2026-01-01T00:00:00.000Z:x:abcdefgh`,
        },
      });
  }
  // Device syncs (issue 14.4): made and rewritten by their author only, never deleted.
  for (const authorRole of ROLES) {
    const author = { name: name(authorRole), role: authorRole, commune: COMMUNE };
    const doc = newDeviceSync(author, 'k3v9q2ma', at().toISOString()) as Doc;
    deviceSyncSchema.parse(doc);
    const old = { ...doc, _rev: '1-a' };
    for (const actor of actors) {
      const label = `deviceSync by ${authorRole}`;
      out.push({
        label: `${label}: create`,
        actor,
        old: null,
        next: doc,
        action: 'create',
        subject: doc,
      });
      out.push({
        label: `${label}: synced again`,
        actor,
        old,
        next: { ...old, lastSyncedAt: at().toISOString() },
      });
      out.push({
        label: `${label}: edit (can)`,
        actor,
        old,
        next: old,
        action: 'edit',
        subject: old,
      });
      out.push({
        label: `${label}: taken over`,
        actor,
        old,
        next: { ...old, author: actor.name ?? 'x', authorRole: 'chair' },
      });
      out.push({
        label: `${label}: deleted`,
        actor,
        old,
        next: { _id: old._id as string, _deleted: true },
      });
    }
  }
  // Photos (issue 16.2): added by the record's author, sealed by a reviewer of the kind when
  // the record is approved, deleted by the author until sealed.
  for (const kind of ['environment', 'security', 'citizenFeedback']) {
    for (const authorRole of ROLES) {
      const doc = photo(check(kind, authorRole, 'draft'));
      const stored = { ...doc, _rev: '1-a', _attachments: stubs };
      const sealed = { ...stored, sealed: true, _rev: '2-b' };
      const gone = { _id: String(doc._id), _rev: '3-c', _deleted: true };
      for (const actor of actors) {
        const at = `photo of ${kind} by ${authorRole}`;
        out.push({ label: `${at}: create`, actor, old: null, next: doc });
        out.push({ label: `${at}: edited`, actor, old: stored, next: { ...stored, width: 800 } });
        out.push({ label: `${at}: sealed`, actor, old: stored, next: sealed });
        out.push({
          label: `${at}: sealed with an edit`,
          actor,
          old: stored,
          next: { ...sealed, height: 900 },
        });
        out.push({
          label: `${at}: sealed again`,
          actor,
          old: sealed,
          next: { ...sealed, _rev: '3-c' },
        });
        out.push({ label: `${at}: deleted`, actor, old: stored, next: gone });
        out.push({ label: `${at}: deleted when sealed`, actor, old: sealed, next: gone });
      }
    }
  }
  // Plans and plan items: create, edit, delete.
  for (const actor of actors) {
    for (const doc of [
      plan.plan as unknown as Doc,
      plan.items[0] as unknown as Doc,
      newHamlet(COMMUNE, 'Thôn Đồng Tâm', at()) as unknown as Doc,
    ]) {
      const old = { ...doc, _rev: '1-a' };
      out.push({
        label: `${doc.type}: create`,
        actor,
        old: null,
        next: doc,
        action: 'create',
        subject: doc,
      });
      const edit = doc.type === 'hamlet' ? { name: 'Thôn Đồng Tâm Mới' } : { title: 'Sửa tiêu đề' };
      out.push({ label: `${doc.type}: edit`, actor, old, next: { ...old, ...edit } });
      out.push({
        label: `${doc.type}: edit (can)`,
        actor,
        old,
        next: old,
        action: 'edit',
        subject: old,
      });
      out.push({
        label: `${doc.type}: delete`,
        actor,
        old,
        next: { _id: old._id as string, _deleted: true },
      });
    }
  }
  return out;
}

const dbOf = (doc: Doc | null): StoreRole => {
  if (!doc) return 'log';
  if (['fieldCheck', 'review', 'conflictResolution', 'conflictOutcome'].includes(String(doc.type)))
    return kindOf(String(doc.kind))?.db ?? 'log';
  if (doc.type === 'photo') return `${kindOf(String(doc.kind))?.db ?? 'log'}-photos`;
  return 'log';
};
const RECORD_DBS = ['log', 'police', 'citizens'] as const;
const PHOTO_DBS = ['log-photos', 'police-photos', 'citizens-photos'] as const;
/** Where a raw change is tried: every record database, and the photo databases for photos
 *  (one photo database for the rest: it must refuse them, and every cell in six doubles the run). */
const dbsFor = (c: Cell): StoreRole[] =>
  (c.old ?? c.next).type === 'photo' || c.next.type === 'photo'
    ? [...RECORD_DBS, ...PHOTO_DBS]
    : [...RECORD_DBS, 'log-photos'];

describe('the policy matrix: the app and the server agree', () => {
  const all = cells();

  it('covers every role × type × action × state', () => {
    console.info(
      `policy matrix: ${all.length} cells × ${Object.keys(validators).length} databases`,
    );
    expect(all.length).toBeGreaterThan(5000);
    expect(Object.keys(POLICY.types).sort()).toEqual(
      [
        'fieldCheck',
        'hamlet',
        'photo',
        'planItem',
        'plan',
        'progressUpdate',
        'review',
        'task',
        'taskEvent',
        'conflictResolution',
        'conflictOutcome',
        'deviceSync',
      ].sort(),
    );
  });

  // One test per kind or type: each stays well inside the timeout on a loaded machine.
  const groups = new Map<string, typeof all>();
  for (const c of all) {
    const key = c.label.split(/[ :]/)[0];
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  let allowedTotal = 0;

  it.each([...groups.keys()])('every cell of %s', (key) => {
    const disagreements: string[] = [];
    let allowed = 0;
    for (const c of groups.get(key)!) {
      const who = `${c.actor.name}`;
      if (c.action) {
        // What a screen asks: can(actor, action, doc), against the change it would make.
        const change = project(c.action, c.subject!);
        const app = can(c.actor, c.action, c.subject!);
        if (!change) {
          if (app)
            disagreements.push(`${c.label} as ${who}: can() allows an action with no change`);
          continue;
        }
        const db = dbOf(change[0] ?? change[1]);
        const server = serverReason(db, change[1], change[0], c.actor);
        if (app !== (server === null))
          disagreements.push(`${c.label} as ${who}: can()=${app}, server ${server ?? 'accepts'}`);
        if (app) allowed++;
        continue;
      }
      // Every raw change, in both databases: the reasons must be the same.
      for (const db of dbsFor(c)) {
        const app: Reason | null = decide(c.actor, c.old, c.next, db).reason;
        const server = serverReason(db, c.next, c.old, c.actor);
        if (app !== server)
          disagreements.push(
            `${c.label} in ${db} as ${who}: app ${app ?? 'allows'}, server ${server ?? 'accepts'}`,
          );
        if (app === null) allowed++;
      }
    }
    expect(disagreements.slice(0, 20)).toEqual([]);
    allowedTotal += allowed;
  });

  it('allows something in every group', () => {
    console.info(`policy matrix: ${allowedTotal} allowed`);
    expect(allowedTotal).toBeGreaterThan(100);
  });
});
