// Tasks (issue 14.6): work a supervisor assigns, to a person or to a role (a commune role or a
// position of the plan), with a due day, a hamlet and the plan items it serves; or a record's
// follow-up ("what, who, due") that names someone. A task is written once and never changed;
// closing it is an event of its own (done, with the record that shows it; or not done, with
// the reason), so the history is only ever added to and two phones offline never overwrite
// each other. A task's state is `foldTask` over the task and its events.
//
// The policy (policy/table.ts TASK_RULE) says who assigns and who closes; the server cannot
// read the task while judging an event, so an event carries the task's assignee, and the fold
// counts an event only if what it carries is the task's (a forged copy changes nothing shown).
import { z } from 'zod';
import { DOC_TYPES, LIMITS } from './constants';
import type { Author } from './field-check-factory';
import { isoDate, isoTime, longText, shortText } from './fields';
import { TASK_EVENT_ID_PATTERN, followUpTaskId, idPattern, makeId, makeTaskEventId } from './ids';
import { normalizeStrings } from './normalize';
import { POSITIONS, ROLES } from './roles';

export const TASK_VERSION = 1;

/** A role a task can be assigned to: a commune role (`role:officer`) or a position. */
export const ASSIGNEE_GROUPS = [
  ...ROLES.filter((r) => r !== 'admin').map((r) => `role:${r}` as const),
  ...POSITIONS.map((p) => `position:${p}` as const),
] as const;
export type AssigneeGroup = (typeof ASSIGNEE_GROUPS)[number];

export const TASK_OUTCOMES = ['done', 'notDone'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

const planCode = z.string().regex(/^\d+(\.\d+){0,3}$/);

export const taskSchema = z.strictObject({
  _id: z.string().regex(idPattern('task')),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.task),
  schemaVersion: z.literal(TASK_VERSION),
  commune: shortText.min(1),
  /** Who assigned it (for a follow-up: the record's author). */
  author: shortText.min(1),
  authorRole: shortText.min(1),
  /** What to do. */
  title: shortText.min(1),
  note: longText,
  /** A person (username), or null when it is a role's. */
  assignee: shortText.min(1).nullable(),
  /** A role or position, or null when it is a person's. */
  assigneeGroup: z.enum(ASSIGNEE_GROUPS).nullable(),
  due: isoDate.nullable(),
  hamlet: shortText,
  planItems: z.array(planCode).max(LIMITS.listItems),
  /** The record whose follow-up this is (then the id is the record's: one task per record). */
  source: z.string().regex(idPattern('check')).nullable(),
  createdAt: isoTime,
});
export type Task = z.infer<typeof taskSchema>;

export const taskEventSchema = z.strictObject({
  _id: z.string().regex(TASK_EVENT_ID_PATTERN),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.taskEvent),
  schemaVersion: z.literal(TASK_VERSION),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  taskId: z.string().regex(idPattern('task')),
  /** The task's assignee and role, copied: the server's rule reads them (see the top). */
  assignee: shortText.min(1).nullable(),
  assigneeGroup: z.enum(ASSIGNEE_GROUPS).nullable(),
  outcome: z.enum(TASK_OUTCOMES),
  /** The record that shows it done (required for done). */
  recordId: z.string().regex(idPattern('check')).nullable(),
  /** Why it was not done (required for not done). */
  reason: longText,
  createdAt: isoTime,
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

export interface TaskInput {
  title: string;
  note: string;
  assignee: string | null;
  assigneeGroup: AssigneeGroup | null;
  due: string | null;
  hamlet: string;
  planItems: string[];
}

export function newTask(
  input: TaskInput,
  author: Author,
  now: Date,
  source: string | null = null,
): Task {
  return normalizeStrings({
    _id: source ? followUpTaskId(source) : makeId('task', now, author.name),
    type: DOC_TYPES.task,
    schemaVersion: TASK_VERSION,
    commune: author.commune,
    author: author.name,
    authorRole: author.role,
    title: input.title.trim(),
    note: input.note.trim(),
    assignee: input.assignee || null,
    assigneeGroup: input.assigneeGroup,
    due: input.due || null,
    hamlet: input.hamlet.trim(),
    planItems: [...new Set(input.planItems)],
    source,
    createdAt: now.toISOString(),
  });
}

export interface CloseInput {
  outcome: TaskOutcome;
  recordId: string | null;
  reason: string;
}

export function newTaskEvent(task: Task, input: CloseInput, author: Author, now: Date): TaskEvent {
  return normalizeStrings({
    _id: makeTaskEventId(task._id, now, author.name),
    type: DOC_TYPES.taskEvent,
    schemaVersion: TASK_VERSION,
    commune: author.commune,
    author: author.name,
    authorRole: author.role,
    taskId: task._id,
    assignee: task.assignee,
    assigneeGroup: task.assigneeGroup,
    outcome: input.outcome,
    recordId: input.outcome === 'done' ? input.recordId : null,
    reason: input.reason.trim(),
    createdAt: now.toISOString(),
  });
}

/** Holds the task's role or position (a session's roles: `officer@<commune>`, `position:land`). */
export function holdsGroup(
  actor: { roles: readonly string[]; commune: string },
  group: string | null,
): boolean {
  if (!group) return false;
  if (group.startsWith('position:')) return actor.roles.includes(group);
  return actor.roles.includes(`${group.slice('role:'.length)}@${actor.commune}`);
}

/** The task is this person's: named, or theirs by role or position. */
export function isAssignedTo(
  task: Pick<Task, 'assignee' | 'assigneeGroup'>,
  actor: { name: string | null; roles: readonly string[]; commune: string },
): boolean {
  return task.assignee === actor.name || holdsGroup(actor, task.assigneeGroup);
}

export type TaskStatus = 'open' | 'done' | 'notDone';

export interface TaskState {
  task: Task;
  status: TaskStatus;
  /** The event that closed it (the first closing one); null while open. */
  closing: TaskEvent | null;
  /** Open, and its due day has passed (in Vietnam). */
  overdue: boolean;
  /** Every event that counts, oldest first (closings after the first are kept and shown). */
  history: TaskEvent[];
}

const byTime = (a: TaskEvent, b: TaskEvent) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a._id < b._id ? -1 : 1;

/** `today`: the day in Vietnam, `YYYY-MM-DD`. */
export function foldTask(task: Task, events: readonly TaskEvent[], today: string): TaskState {
  const history = events
    .filter(
      (e) =>
        e.taskId === task._id &&
        e._id.startsWith(`taskevent:${task._id}:`) &&
        e.commune === task.commune &&
        e.assignee === task.assignee &&
        e.assigneeGroup === task.assigneeGroup,
    )
    .sort(byTime);
  const closing = history[0] ?? null;
  const status: TaskStatus = closing ? closing.outcome : 'open';
  const overdue = status === 'open' && !!task.due && task.due < today;
  return { task, status, closing, overdue, history };
}

/** The day in Vietnam (UTC+7) of an instant, `YYYY-MM-DD`. */
export const vnToday = (now: Date) =>
  new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export interface TaskTally {
  /** A username, or an assignee group (`role:officer`, `position:land`). */
  key: string;
  open: number;
  overdue: number;
  done: number;
  notDone: number;
}

/** Open, overdue and closed tasks per person or role (the supervisor's overview). */
export function tallyByAssignee(states: readonly TaskState[]): TaskTally[] {
  const out = new Map<string, TaskTally>();
  for (const s of states) {
    const key = s.task.assignee ?? s.task.assigneeGroup ?? '';
    const t = out.get(key) ?? { key, open: 0, overdue: 0, done: 0, notDone: 0 };
    t[s.status] += 1;
    if (s.overdue) t.overdue += 1;
    out.set(key, t);
  }
  return [...out.values()];
}
