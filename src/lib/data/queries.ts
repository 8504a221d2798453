// The named queries pages show, over the signed-in person's repositories (bound to their
// commune when the workspace opens). Each is a `Source` for `live()`: it says what to read and
// which repositories to watch, so pages never wire `watch` by hand. A query that needs to be
// fast at scale changes here (to read an incrementally kept index), not in the pages.
import type { FieldCheck } from '$lib/domain/field-check';
import type { Hamlet } from '$lib/domain/hamlet';
import type { Plan, PlanItem } from '$lib/domain/plan';
import { foldProgress, type ProgressState } from '$lib/domain/progress';
import type { CheckLog, Listed } from './check-log';
import { evidencePeriod, type EvidenceRepository } from './evidence.repo';
import type { Page } from './field-checks.repo';
import type { LogFilter, LogRow } from './indexes/log-entry';
import type { LogFacets } from './indexes/log-index';
import type { HamletRepository } from './hamlets.repo';
import { named, source, type Source } from './live-query';
import { loadPlanOverview, type PlanOverview } from './plan-overview';
import type { PlanRepository } from './plan.repo';
import type { ProgressRepository } from './progress.repo';
import type { ReviewedRecord, ReviewLog } from './reviews.repo';
import type { TaskRepository } from './tasks.repo';
import type { ConflictedRecord, ConflictLog, ConflictState } from './conflicts.repo';
import type { TaskState } from '$lib/domain/task';
import type { ReviewState } from '$lib/domain/review';
import type { PhotoLog } from './photos.repo';
import type { DeviceSyncRepository } from './device-sync.repo';
import { buildDashboard, type Dashboard } from '$lib/dashboard/model';
import { quarterRange, type Quarter } from '$lib/report/period';

export interface Repositories {
  checks: CheckLog;
  plan: PlanRepository;
  progress: ProgressRepository;
  evidence: EvidenceRepository;
  reviews: ReviewLog;
  hamlets: HamletRepository;
  /** Photos of records, as documents beside them (./photos.repo.ts). */
  photos: PhotoLog;
  tasks: TaskRepository;
  conflicts: ConflictLog;
  /** When each person's devices last synced (./device-sync.repo.ts). */
  deviceSyncs: DeviceSyncRepository;
}

export interface CheckView {
  doc: FieldCheck;
  /** Other versions from an edit on two devices (see FieldCheckRepository.conflictsOf). */
  conflicts: FieldCheck[];
  /** Where it stands with the reviewers (domain/review.ts). */
  review: ReviewState;
}

export interface PlanItemView {
  plan: Plan;
  item: PlanItem;
  progress: ProgressState;
  evidence: FieldCheck[];
}

export class Queries {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The newest `limit` field checks across the person's databases, with review states. */
  newestChecks(limit: number): Source<Page<Listed<FieldCheck>>> {
    const { checks } = this.repos;
    const verdicts = { watch: (onChange: () => void) => checks.watchVerdicts(onChange) };
    return named(
      'newestChecks',
      source(() => checks.newestListed(limit), checks, verdicts),
    );
  }

  /**
   * The merged log filtered and searched: the newest `limit` records matching `filter`, from
   * the log indexes (kept up to date as records are saved or arrive), never a scan of records.
   */
  findChecks(filter: LogFilter, limit: number): Source<Page<Listed<LogRow>>> {
    const { checks } = this.repos;
    return named('findChecks', {
      read: () => checks.findRows(filter, limit),
      subscribe: (onChange) => checks.watchLog(onChange),
    });
  }

  /** Whole records whose work started between two days (the report), from the log index. */
  checksBetween(from: string, to: string, limit = 10_000): Source<Page<FieldCheck>> {
    const { checks } = this.repos;
    return named('checksBetween', {
      read: () => checks.find({ from, to }, limit),
      subscribe: (onChange) => checks.watchLog(onChange),
    });
  }

  /** The hamlets, authors and plan items the log holds (for the filter bar). */
  logFacets(): Source<LogFacets> {
    const { checks } = this.repos;
    return named('logFacets', {
      read: () => checks.facets(),
      subscribe: (onChange) => checks.watchLog(onChange),
    });
  }

  /**
   * The supervisor's dashboard for a quarter (lib/dashboard): the plan's folds, and one row per
   * record of the quarter from the log and review indexes (no record read). A burst of arriving
   * records or verdicts is one read (the runner coalesces the indexes' calls).
   */
  dashboard(quarter: Quarter): Source<{ dashboard: Dashboard; plan: Plan | null }> {
    const { checks, plan, progress, hamlets, deviceSyncs } = this.repos;
    const range = quarterRange(quarter);
    const log = { watch: (onChange: () => void) => checks.watchLog(onChange) };
    return named(
      'dashboard',
      source(
        async () => {
          const [overview, rows, list, syncs] = await Promise.all([
            loadPlanOverview(this.repos, quarter.year, this.clock()),
            checks.summaryRows(range.from, range.to),
            hamlets.list(),
            deviceSyncs.all(),
          ]);
          const dashboard = buildDashboard({
            quarter,
            items: overview?.items ?? [],
            folds: overview?.folds ?? new Map(),
            rows,
            kinds: checks.kinds(),
            hamlets: list.filter((h) => !h.retired).map((h) => h.name),
            syncs,
          });
          return { dashboard, plan: overview?.plan ?? null };
        },
        log,
        plan,
        progress,
        hamlets,
        deviceSyncs,
      ),
    );
  }

  /** One field check and its conflicting versions; null when it is not on this device. */
  check(id: string): Source<CheckView | null> {
    const { checks, reviews } = this.repos;
    return source(
      async () => {
        const doc = await checks.get(id);
        if (!doc) return null;
        const [conflicts, review] = await Promise.all([
          checks.conflictsOf(doc),
          reviews.stateOf(doc),
        ]);
        return { doc, conflicts, review };
      },
      checks,
      reviews,
    );
  }

  /** Every task with its state, the most urgent first (screens pick theirs). */
  tasks(): Source<TaskState[]> {
    const { tasks } = this.repos;
    return named(
      'tasks',
      source(() => tasks.all(), tasks),
    );
  }

  /** Records with versions from two devices (the supervisor's list), newest first. */
  conflicts(): Source<ConflictedRecord[]> {
    const { conflicts } = this.repos;
    return named(
      'conflicts',
      source(() => conflicts.list(), conflicts),
    );
  }

  /** Every version of one record, the winner first ([] once resolved), and where it stands. */
  versions(id: string): Source<{ versions: FieldCheck[]; status: ConflictState }> {
    const { conflicts, checks } = this.repos;
    return source(() => conflicts.versions(id), conflicts, checks);
  }

  /** Sent records waiting for a verdict, the earliest sent first (the review queue). */
  reviewQueue(): Source<FieldCheck[]> {
    const { reviews } = this.repos;
    return source(() => reviews.waiting(), reviews);
  }

  /** `author`'s records returned for correction (and those being corrected), newest first. */
  returnedTo(author: string): Source<ReviewedRecord[]> {
    const { reviews } = this.repos;
    return source(() => reviews.returnedTo(author), reviews);
  }

  /** A year's plan (null: the current one) with every item's progress and evidence count. */
  planOverview(year: number | null): Source<PlanOverview | null> {
    const { plan, progress, evidence } = this.repos;
    return named(
      'planOverview',
      source(() => loadPlanOverview(this.repos, year, this.clock()), plan, progress, evidence),
    );
  }

  /** One item of a year's plan with its progress and evidence; null when not on this device. */
  planItem(code: string, year: number | null): Source<PlanItemView | null> {
    const { plan: plans, progress, evidence } = this.repos;
    return source(
      async () => {
        const all = await plans.plans();
        const plan = await plans.current(year);
        const item = plan ? await plans.item(plan, code) : null;
        if (!plan || !item) return null;
        const [updates, checks] = await Promise.all([
          progress.forItem(item._id),
          evidence.forItem(evidencePeriod(plan, all), item.code),
        ]);
        return {
          plan,
          item,
          progress: foldProgress(updates, item, this.clock()),
          evidence: checks,
        };
      },
      plans,
      progress,
      evidence,
    );
  }

  /** Every plan of the commune, oldest first. */
  plans(): Source<Plan[]> {
    const { plan } = this.repos;
    return source(() => plan.plans(), plan);
  }

  /** The items of `plan` (none for null). */
  planItems(of: Plan | null): Source<PlanItem[]> {
    const { plan } = this.repos;
    return source(async () => (of ? plan.items(of) : []), plan);
  }

  /** The commune's hamlets, retired ones too (forms offer the others). */
  hamlets(): Source<Hamlet[]> {
    const { hamlets } = this.repos;
    return source(() => hamlets.list(), hamlets);
  }

  /** The items of the plan in force (this year's, else the latest earlier one). */
  currentPlanItems(): Source<PlanItem[]> {
    const { plan } = this.repos;
    return source(async () => {
      const current = await plan.current();
      return current ? plan.items(current) : [];
    }, plan);
  }
}
