// Progress updates: an officer's status, percent done and measured value for one plan item.
// They are append-only events, never edits of a shared document, so two officers updating the
// same item offline never conflict; an item's current state is `foldProgress` over its events,
// and every device computes the same state from the same set of updates, whatever their order.
import { z } from 'zod';
import { DOC_TYPES, LIMITS } from './constants';
import { TIME_ZONE } from './dates';
import type { Author } from './field-check-factory';
import { idPattern, makeId } from './ids';
import { normalizeStrings } from './normalize';
import { CRITERION_ID, PLAN_ITEM_ID, compareCodes, positionsOf, type PlanItem } from './plan';
import { PROGRESS_RULE } from './policy/table';
import { positionSchema, type Position } from './roles';

const shortText = z.string().max(LIMITS.shortText);
const isoTime = z.iso.datetime();

export const PROGRESS_STATUSES = ['notStarted', 'inProgress', 'done', 'blocked'] as const;
export const progressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

export const PROGRESS_NOTE_MAX = 2000;

/** Version 2: the author's position and the item's positions travel with the update. */
export const PROGRESS_VERSION = 2;

export const progressUpdateSchema = z.strictObject({
  _id: z.string().regex(idPattern('progress')),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.progressUpdate),
  schemaVersion: z.literal(PROGRESS_VERSION),
  commune: shortText.min(1),
  planItemId: z.string().regex(PLAN_ITEM_ID),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  /** The position the author reports for (null: the chair, or written before version 2). */
  authorPosition: positionSchema.nullable(),
  /**
   * The item's positions (lead, partners, criteria leads) when the update was written: the
   * server's validator cannot read the plan item, so it checks the author against these, and
   * the fold checks them against the item itself (see domain/policy/table.ts PROGRESS_RULE).
   */
  itemPositions: z.array(positionSchema).max(LIMITS.listItems),
  status: progressStatusSchema,
  /** Share of the item done, 0–100; null when not reported in this update. */
  percent: z.int().min(0).max(100).nullable(),
  /** The measured value of `criterionId` (in its measure's unit); null when not reported. */
  value: z.number().min(-1e15).max(1e15).nullable(),
  criterionId: z.string().regex(CRITERION_ID).nullable(),
  note: z.string().max(PROGRESS_NOTE_MAX),
  createdAt: isoTime,
});

export type ProgressUpdate = z.infer<typeof progressUpdateSchema>;

/** What a person fills in; everything else is stamped by the app. */
export type ProgressUpdateInput = Pick<
  ProgressUpdate,
  'planItemId' | 'status' | 'percent' | 'value' | 'criterionId' | 'note'
>;

/** A new update document (not yet validated: the caller decides how to report problems). */
export function newProgressUpdate(
  input: ProgressUpdateInput,
  author: Author & { position?: Position | null },
  now: Date,
  item: Pick<PlanItem, 'lead' | 'partners' | 'criteria'> | null = null,
): ProgressUpdate {
  return normalizeStrings({
    planItemId: input.planItemId,
    status: input.status,
    percent: input.percent,
    value: input.value,
    criterionId: input.criterionId,
    note: input.note,
    _id: makeId('progress', now, author.name),
    type: DOC_TYPES.progressUpdate,
    schemaVersion: PROGRESS_VERSION,
    commune: author.commune,
    author: author.name,
    authorRole: author.role,
    authorPosition: author.position ?? null,
    itemPositions: item ? [...positionsOf(item)] : [],
    createdAt: now.toISOString(),
  } satisfies ProgressUpdate);
}

export const validateProgressUpdate = (doc: unknown) => progressUpdateSchema.safeParse(doc);

// ---- the fold ----------------------------------------------------------------------------------

export interface ProgressState {
  /** The latest update's status; notStarted when there is none. */
  status: ProgressStatus;
  /** The latest reported percent (updates with null did not report one). */
  percent: number | null;
  /** The latest reported value, of any criterion, and which criterion it measures. */
  value: number | null;
  criterionId: string | null;
  /** The latest reported value of each criterion. */
  values: Record<string, number>;
  lastUpdate: ProgressUpdate | null;
  /** The item's updates, oldest first (by createdAt, then _id). */
  history: ProgressUpdate[];
  /** The deadline has passed (in Vietnam) and the status is not done. */
  overdue: boolean;
}

/** Oldest first; equal times by _id, so the order never depends on the input's order. */
export function compareUpdates(a: ProgressUpdate, b: ProgressUpdate): number {
  // Compare instants, not strings: "…00Z" and "…00.000Z" are the same time.
  const d = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (d !== 0) return d;
  if (a._id !== b._id) return a._id < b._id ? -1 : 1;
  const ra = a._rev ?? '';
  const rb = b._rev ?? '';
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

const vnDateFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Vietnam at `at`, as YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  const parts = Object.fromEntries(vnDateFmt.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** True when `deadline` (the last day on time, inclusive) is before today in Vietnam. */
export function isPastDeadline(deadline: string, now: Date): boolean {
  return vietnamDate(now) > deadline;
}

/**
 * Whether an update counts for its item (PROGRESS_RULE in domain/policy): written for one of
 * the item's positions, or by the chair, or before positions were recorded (version 1).
 */
function counts(u: ProgressUpdate, responsible: Set<Position>): boolean {
  const anyItem: readonly string[] = PROGRESS_RULE.anyItem;
  return (
    u.authorPosition === null || anyItem.includes(u.authorRole) || responsible.has(u.authorPosition)
  );
}

/**
 * The current state of `item` from its updates (updates of other items are ignored, the same
 * document seen twice counts once). The latest update by (createdAt, _id) sets the status;
 * percent and values are the latest reported ones.
 */
export function foldProgress(
  updates: readonly ProgressUpdate[],
  item: Pick<PlanItem, '_id' | 'deadline' | 'lead' | 'partners' | 'criteria'>,
  now: Date,
): ProgressState {
  const byId = new Map<string, ProgressUpdate>();
  const responsible = positionsOf(item);
  for (const u of updates) {
    if (u.planItemId !== item._id || !counts(u, responsible)) continue;
    const seen = byId.get(u._id);
    if (!seen || compareUpdates(seen, u) < 0) byId.set(u._id, u);
  }
  const history = [...byId.values()].sort(compareUpdates);

  let percent: number | null = null;
  let value: number | null = null;
  let criterionId: string | null = null;
  const values: Record<string, number> = {};
  for (const u of history) {
    if (u.percent !== null) percent = u.percent;
    if (u.value !== null) {
      value = u.value;
      criterionId = u.criterionId;
      if (u.criterionId !== null) values[u.criterionId] = u.value;
    }
  }
  const lastUpdate = history.at(-1) ?? null;
  const status = lastUpdate?.status ?? 'notStarted';
  return {
    status,
    percent,
    value,
    criterionId,
    values,
    lastUpdate,
    history,
    overdue: status !== 'done' && isPastDeadline(item.deadline, now),
  };
}

/** The state of every item, keyed by item _id. */
export function foldAll(
  updates: readonly ProgressUpdate[],
  items: readonly PlanItem[],
  now: Date,
): Map<string, ProgressState> {
  const byItem = new Map<string, ProgressUpdate[]>();
  for (const u of updates) {
    const list = byItem.get(u.planItemId);
    if (list) list.push(u);
    else byItem.set(u.planItemId, [u]);
  }
  return new Map(items.map((i) => [i._id, foldProgress(byItem.get(i._id) ?? [], i, now)]));
}

export type FoldsById =
  ReadonlyMap<string, ProgressState> | Readonly<Record<string, ProgressState | undefined>>;

/**
 * The items `position` leads or works on (as partner or a criterion's lead), most urgent first:
 * overdue, then nearest deadline, then not done before done, then plan order. An item missing
 * from `foldsById` has no updates yet.
 */
export function myWork(
  items: readonly PlanItem[],
  position: Position,
  foldsById: FoldsById,
  now: Date,
): PlanItem[] {
  const stateOf = (item: PlanItem): ProgressState =>
    (foldsById instanceof Map
      ? foldsById.get(item._id)
      : (foldsById as Record<string, ProgressState | undefined>)[item._id]) ??
    foldProgress([], item, now);
  const mine = items
    .filter((item) => positionsOf(item).has(position))
    .map((item) => ({ item, state: stateOf(item) }));
  mine.sort(
    (a, b) =>
      Number(b.state.overdue) - Number(a.state.overdue) ||
      (a.item.deadline < b.item.deadline ? -1 : a.item.deadline > b.item.deadline ? 1 : 0) ||
      Number(a.state.status === 'done') - Number(b.state.status === 'done') ||
      compareCodes(a.item.code, b.item.code),
  );
  return mine.map((m) => m.item);
}
