// Who a task is for, in words a person reads: full names from the people directory, and the
// Vietnamese titles of roles and positions; never a username or a code. Also the one place a
// record's follow-up "who" (typed or picked) is read as a person or a position.
import { people, personLabel, personName } from '$lib/data/people.svelte';
import type { FollowUpAssignee } from '$lib/data/tasks.repo';
import { workspace } from '$lib/data/workspace.svelte';
import { searchKey, viCollator } from '$lib/domain/text';
import { ASSIGNEE_GROUPS, type AssigneeGroup, type Task } from '$lib/domain/task';
import type { FieldCheck } from '$lib/domain/field-check';
import { kindOf } from '$lib/kinds';
import { t } from '$lib/i18n';

/** "Công chức Địa chính – …" for `position:land`, "Trưởng thôn" for `role:hamletHead`. */
export function groupTitle(group: string): string {
  const [kind, key] = group.split(':');
  const titles = (kind === 'position' ? t.plan.positions : t.admin.roles) as Record<string, string>;
  return titles[key] ?? '';
}

/** Who the task is for, as a person reads it. */
export function assigneeLabel(task: Pick<Task, 'assignee' | 'assigneeGroup'>): string {
  if (task.assignee) return personLabel(task.assignee);
  return task.assigneeGroup ? groupTitle(task.assigneeGroup) : '';
}

/** A tally's key (a username or a group) in words. */
export const keyLabel = (key: string) => (key.includes(':') ? groupTitle(key) : personName(key));

/** The people of the commune a task can go to, by full name (the account admin aside). */
export function personOptions(): { name: string; fullName: string; label: string }[] {
  return Object.values(people.byName)
    .filter((p) => p.role !== 'admin')
    .map((p) => ({ name: p.name, fullName: p.fullName, label: personLabel(p.name, p.role) }))
    .sort((a, b) => viCollator.compare(a.label, b.label));
}

/** Positions first (the plan's words), then the roles no position already names. */
export function groupOptions(): { group: AssigneeGroup; label: string }[] {
  const seen = new Set<string>();
  const order = [
    ...ASSIGNEE_GROUPS.filter((g) => g.startsWith('position:')),
    ...ASSIGNEE_GROUPS.filter((g) => g.startsWith('role:')),
  ];
  return order
    .map((group) => ({ group, label: groupTitle(group) }))
    .filter((o) => o.label && !seen.has(o.label) && !!seen.add(o.label));
}

/** The follow-up's "who" as a person (full name or username) or a position/role title. */
export function resolveWho(who: string): FollowUpAssignee | null {
  const key = searchKey(who.trim());
  if (!key) return null;
  for (const p of Object.values(people.byName))
    if (searchKey(p.fullName) === key || searchKey(p.name) === key)
      return { assignee: p.name, assigneeGroup: null };
  for (const o of groupOptions())
    if (searchKey(o.label) === key) return { assignee: null, assigneeGroup: o.group };
  return null;
}

/**
 * After a record is sent: its follow-up becomes a task when it names someone. Only records of
 * the commune log (a police or citizens record's follow-up stays with the record: the task
 * list is read by every member). Never blocks the send: a failure leaves the record as sent.
 */
export async function taskFromFollowUp(record: FieldCheck): Promise<void> {
  const tasks = workspace.repos?.tasks;
  const who = record.followUp ? resolveWho(record.followUp.who) : null;
  if (!tasks || !who || kindOf(record.kind)?.db !== 'log') return;
  try {
    await tasks.fromFollowUp(record, who, workspace.author);
  } catch (err) {
    console.warn('follow-up task not made', err);
  }
}
