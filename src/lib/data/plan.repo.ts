// The plan repository: plans and plan items from the local commune log. Provisioning loads the
// shipped plan on the server and sync brings it down; an admin's new plan is written here and
// goes up the same way. Local only, like every repository.
import {
  PLAN_ID,
  compareCodes,
  planItemSchema,
  planSchema,
  type Plan,
  type PlanIndex,
  type PlanItem,
} from '$lib/domain/plan';
import type { PlanData } from '$lib/domain/plan-data';
import { vietnamDate } from '$lib/domain/progress';
import { watchIds } from './db-watch';
import { docExists, type Db } from './pouch-types';
import { detachedLog, readRows, type UnreadableLog } from './read';
import { parseOrThrow } from './validation';

const rangeOf = (prefix: string) => ({ startkey: prefix, endkey: `${prefix}\uffff` });

export class PlanRepository {
  /** Bound to one commune when the workspace opens: callers never pass it back. */
  constructor(
    private readonly db: Db,
    readonly commune: string,
    private readonly clock: () => Date = () => new Date(),
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {}

  /** Every plan of the commune, oldest year first. */
  async plans(): Promise<Plan[]> {
    const res = await this.db.allDocs({ ...rangeOf(`plan:${this.commune}:`), include_docs: true });
    return readRows(planSchema, res.rows, this.unreadable).sort((a, b) => a.year - b.year);
  }

  /**
   * The plan to show: the one of `year` if given, else the latest one not after this year
   * (in Vietnam), else the earliest. Null when the device has none yet (not synced).
   */
  async current(year?: number | null): Promise<Plan | null> {
    const all = await this.plans();
    if (year) return all.find((p) => p.year === year) ?? null;
    const thisYear = Number(vietnamDate(this.clock()).slice(0, 4));
    return all.filter((p) => p.year <= thisYear).at(-1) ?? all[0] ?? null;
  }

  /** The plan's items in the plan's order. */
  async items(plan: Plan): Promise<PlanItem[]> {
    const res = await this.db.allDocs({
      ...rangeOf(`planItem:${plan.commune}:${plan.year}:`),
      include_docs: true,
    });
    return readRows(planItemSchema, res.rows, this.unreadable)
      .filter((i) => i.planId === plan._id)
      .sort((a, b) => a.order - b.order || compareCodes(a.code, b.code));
  }

  async itemsByIndex(plan: Plan, index: PlanIndex): Promise<PlanItem[]> {
    return (await this.items(plan)).filter((i) => i.index === index);
  }

  async item(plan: Plan, code: string): Promise<PlanItem | null> {
    return (await this.items(plan)).find((i) => i.code === code) ?? null;
  }

  /**
   * Writes a whole new plan (next year's copy). Refuses to overwrite a plan that exists: an
   * existing plan's items are edited one by one with saveItem.
   */
  async createPlan(data: PlanData): Promise<void> {
    const plan = parseOrThrow(planSchema, data.plan);
    const items = data.items.map((i) => parseOrThrow(planItemSchema, i));
    if (!PLAN_ID.test(plan._id) || (await docExists(this.db, plan._id)))
      throw new Error(`plan ${plan._id} exists`);
    const res = await this.db.bulkDocs([plan, ...items]);
    const failed = res.filter((r) => 'error' in r && r.error);
    if (failed.length) throw new Error(`could not save ${failed.length} plan documents`);
  }

  /** Saves an edited item, validated by planItemSchema (a ValidationError names the fields). */
  async saveItem(item: PlanItem): Promise<PlanItem> {
    const doc = parseOrThrow(planItemSchema, item);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }

  /** Calls back on every local change to a plan or plan item (own writes and replicated). */
  watch(onChange: () => void): () => void {
    return watchIds(
      this.db,
      (id) => id.startsWith('plan:') || id.startsWith('planItem:'),
      onChange,
    );
  }
}
