// Tasks and their events (domain/task.ts), in the commune log: added, never changed. A year
// holds a few hundred tasks at most, so the list is two range reads (tasks, events) and the
// folds; nothing here reads records.
import type { Author } from '$lib/domain/field-check-factory';
import type { FieldCheck } from '$lib/domain/field-check';
import { followUpTaskId } from '$lib/domain/ids';
import { actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import {
  foldTask,
  newTask,
  newTaskEvent,
  taskEventSchema,
  taskSchema,
  vnToday,
  type AssigneeGroup,
  type CloseInput,
  type Task,
  type TaskEvent,
  type TaskInput,
  type TaskState,
} from '$lib/domain/task';
import { watchIds } from './db-watch';
import { docExists, type Db } from './pouch-types';
import { detachedLog, readRows, type UnreadableLog } from './read';
import { parseOrThrow } from './validation';

/** Who a follow-up's "who" names, as the people directory resolved it. */
export type FollowUpAssignee =
  { assignee: string; assigneeGroup: null } | { assignee: null; assigneeGroup: AssigneeGroup };

const rangeOf = (prefix: string) => ({ startkey: `${prefix}:`, endkey: `${prefix}:\uffff` });

export class TaskRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly actor: Actor | null = null,
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {}

  /** Assigns a task (the policy: leaders and reviewers). */
  async assign(input: TaskInput, author: Author): Promise<Task> {
    return this.put(parseOrThrow(taskSchema, newTask(input, author, this.clock())));
  }

  /**
   * The task a sent record's follow-up becomes when it names someone: one per record (its id
   * is the record's), so sending again after a correction adds nothing. Null when there is
   * nothing to follow up or it is already a task.
   */
  async fromFollowUp(
    record: FieldCheck,
    who: FollowUpAssignee,
    author: Author,
  ): Promise<Task | null> {
    const f = record.followUp;
    if (!f || !f.what.trim()) return null;
    if (await docExists(this.db, followUpTaskId(record._id))) return null;
    const input: TaskInput = {
      title: f.what,
      note: '',
      ...who,
      due: f.due ? vnToday(new Date(f.due)) : null,
      hamlet: record.hamlet,
      planItems: record.planItems,
    };
    const doc = parseOrThrow(taskSchema, newTask(input, author, this.clock(), record._id));
    try {
      return await this.put(doc);
    } catch (err) {
      if ((err as { status?: number }).status === 409) return null; // made meanwhile
      throw err;
    }
  }

  /** Closes `task`: done with the record that shows it, or not done with the reason. */
  async close(task: Task, input: CloseInput, author: Author): Promise<TaskEvent> {
    const doc = parseOrThrow(taskEventSchema, newTaskEvent(task, input, author, this.clock()));
    assertAllowed(this.actor ?? actorOf(doc), null, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }

  /** Every task with its state, the most urgent first (open overdue, open by due, closed). */
  async all(): Promise<TaskState[]> {
    const [tasks, events] = await Promise.all([
      this.db.allDocs({ ...rangeOf('task'), include_docs: true }),
      this.db.allDocs({ ...rangeOf('taskevent'), include_docs: true }),
    ]);
    const byTask = new Map<string, TaskEvent[]>();
    for (const e of readRows(taskEventSchema, events.rows, this.unreadable))
      byTask.set(e.taskId, [...(byTask.get(e.taskId) ?? []), e]);
    const today = vnToday(this.clock());
    return readRows(taskSchema, tasks.rows, this.unreadable)
      .map((t) => foldTask(t, byTask.get(t._id) ?? [], today))
      .sort(urgency);
  }

  /** Calls back on every local change to a task or its events. */
  watch(onChange: () => void): () => void {
    return watchIds(this.db, (id) => id.startsWith('task'), onChange);
  }

  private async put(doc: Task): Promise<Task> {
    assertAllowed(this.actor ?? actorOf(doc), null, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }
}

const rank = (s: TaskState) => (s.status !== 'open' ? 2 : s.overdue ? 0 : 1);

/** Open and overdue first, then open by due day (none last), then closed, newest first. */
export function urgency(a: TaskState, b: TaskState): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 2) return a.task._id < b.task._id ? 1 : -1;
  const da = a.task.due ?? '9999';
  const db = b.task.due ?? '9999';
  return da !== db ? (da < db ? -1 : 1) : a.task._id < b.task._id ? -1 : 1;
}
