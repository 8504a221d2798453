// The progress repository: progress updates are only ever added, never changed (see
// domain/progress.ts), so two people updating the same item offline never conflict.
import type { Author } from '$lib/domain/field-check-factory';
import { idRange } from '$lib/domain/ids';
import type { PlanItem } from '$lib/domain/plan';
import { actorOf, assertAllowed, type Actor } from '$lib/domain/policy';
import type { Position } from '$lib/domain/roles';
import {
  compareUpdates,
  newProgressUpdate,
  progressUpdateSchema,
  type ProgressUpdate,
  type ProgressUpdateInput,
} from '$lib/domain/progress';
import { watchIds } from './db-watch';
import type { Db } from './pouch-types';
import { detachedLog, readRows, type UnreadableLog } from './read';
import { parseOrThrow } from './validation';

export class ProgressRepository {
  /** `actor`: the signed-in person (the workspace binds it); see FieldCheckRepository. */
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly actor: Actor | null = null,
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {}

  /**
   * Adds an update on `item`, validated with progressUpdateSchema (a ValidationError names the
   * fields) and judged by the policy (PolicyError: not the item's lead, partner or the chair;
   * "done" without 100 %).
   */
  async add(
    input: ProgressUpdateInput,
    author: Author & { position?: Position | null },
    item: PlanItem,
  ): Promise<ProgressUpdate> {
    const doc = parseOrThrow(
      progressUpdateSchema,
      newProgressUpdate(input, author, this.clock(), item),
    );
    const actor = this.actor ?? {
      ...actorOf(doc),
      roles: [
        ...actorOf(doc).roles,
        ...(doc.authorPosition ? [`position:${doc.authorPosition}`] : []),
      ],
    };
    assertAllowed(actor, null, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }

  /**
   * Every update in the commune, oldest first. Ids are ordered by time, not by item, so this is
   * one range read of all progress documents: a few thousand a year at most (18 items, a few
   * people each), which is what the folds need anyway.
   */
  async all(): Promise<ProgressUpdate[]> {
    const range = idRange('progress');
    const res = await this.db.allDocs({
      startkey: range.endkey,
      endkey: range.startkey,
      include_docs: true,
    });
    return readRows(progressUpdateSchema, res.rows, this.unreadable).sort(compareUpdates);
  }

  /** The updates of one item, oldest first. */
  async forItem(planItemId: string): Promise<ProgressUpdate[]> {
    return (await this.all()).filter((u) => u.planItemId === planItemId);
  }

  /** Calls back on every local change to a progress update (own writes and replicated). */
  watch(onChange: () => void): () => void {
    return watchIds(this.db, (id) => id.startsWith('progress:'), onChange);
  }
}
