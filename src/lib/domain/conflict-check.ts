// The server's check of a conflict resolution (./conflict.ts) against the record as it is now,
// before it writes anything: the leaves the resolution names must be the record's current
// leaves, each copy it keeps must be that leaf in full, each picked field must come from one of
// them, and no leaf may be frozen (approved). The result is what to write, or why not.
// Pure: server/conflicts/ reads the leaves as the database's admin and does the writes.
import { fieldCheckSchema } from './field-check';
import { POLICY } from './policy/table';
import {
  canonical,
  isPickable,
  mergeVersions,
  versionCopy,
  type OutcomeReason,
  type Resolution,
} from './conflict';

type Loose = Record<string, unknown>;

/** A current leaf of the record, as `open_revs=all&revs=true` returns it. */
export type Leaf = Loose & { _rev: string; _revisions?: { start: number; ids: string[] } };

export type ResolutionPlan =
  /** Write `write` (the merge, on the kept leaf; null: the kept leaf stays as it is), then remove `remove`. */
  { apply: true; write: Loose | null; remove: string[] } | { apply: false; reason: OutcomeReason };

const lc = POLICY.lifecycles.review;
const frozen = (status: unknown) => !lc.transitions.some((t) => t.from === status);
const content = (doc: Loose) => {
  const c = versionCopy(doc);
  delete c._rev;
  delete c.updatedAt;
  return canonical(c);
};
/** The revision a leaf was written onto. */
function parentOf(leaf: Leaf): string | null {
  const r = leaf._revisions;
  return r && r.ids.length > 1 ? `${r.start - 1}-${r.ids[1]}` : null;
}

/**
 * What to do with `resolution` given the record's current (non-deleted) `leaves`. `keptBody`
 * is the record at the kept revision when it is no longer a leaf (a retry after the merge was
 * written), or null.
 */
export function planResolution(
  resolution: Resolution,
  leaves: readonly Leaf[],
  keptBody: Loose | null = null,
): ResolutionPlan {
  const refuse = (reason: OutcomeReason): ResolutionPlan => ({ apply: false, reason });
  if (leaves.some((l) => frozen(l.status))) return refuse('approved');

  const named = [resolution.keptRev, ...resolution.removedRevs];
  const copies = resolution.versions as Loose[];
  const copyRevs = copies.map((c) => String(c._rev));
  if (
    new Set(named).size !== named.length ||
    named.length < 2 ||
    canonical([...named].sort()) !== canonical([...copyRevs].sort())
  )
    return refuse('mismatch');
  if (resolution.picks.some((p) => !isPickable(p.path) || !named.includes(p.rev)))
    return refuse('mismatch');
  const copyOf = (rev: string) => copies.find((c) => c._rev === rev)!;
  const matches = (leaf: Loose) =>
    canonical(versionCopy(leaf)) === canonical(copyOf(String(leaf._rev)));

  const current = leaves.map((l) => l._rev);
  const updatedAt = [resolution.createdAt, ...leaves.map((l) => String(l.updatedAt ?? ''))]
    .sort()
    .pop()!;

  // The first time: the named leaves are exactly the current ones, each copied in full.
  if (canonical([...current].sort()) === canonical([...named].sort())) {
    if (!leaves.every(matches)) return refuse('mismatch');
    const kept = leaves.find((l) => l._rev === resolution.keptRev)!;
    let merged: Loose;
    try {
      merged = mergeVersions(kept, leaves, resolution.picks, updatedAt);
    } catch {
      return refuse('mismatch');
    }
    if (!fieldCheckSchema.safeParse(merged).success) return refuse('invalid');
    const write = content(merged) === content(kept) ? null : merged;
    return { apply: true, write, remove: [...resolution.removedRevs] };
  }

  // A retry: the merge (or the kept leaf) is there and only named leaves remain beside it.
  const others = (base: string) => current.filter((r) => r !== base);
  const onlyNamed = (base: string) =>
    others(base).every((r) => resolution.removedRevs.includes(r)) &&
    leaves.filter((l) => l._rev !== base).every(matches);
  if (current.includes(resolution.keptRev)) {
    // Leaves were removed since (by this resolution or the author): only a keep is still safe.
    const kept = leaves.find((l) => l._rev === resolution.keptRev)!;
    if (!matches(kept) || !onlyNamed(kept._rev)) return refuse('stale');
    if (resolution.picks.some((p) => p.rev !== resolution.keptRev && !current.includes(p.rev)))
      return refuse('stale');
    const merged = mergeVersions(kept, leaves, resolution.picks, updatedAt);
    const write = content(merged) === content(kept) ? null : merged;
    return { apply: true, write, remove: others(kept._rev) };
  }
  if (!keptBody || canonical(versionCopy(keptBody)) !== canonical(copyOf(resolution.keptRev)))
    return refuse('stale');
  const expected = content(mergeVersions(copyOf(resolution.keptRev), copies, resolution.picks, ''));
  const merge = leaves.find((l) => parentOf(l) === resolution.keptRev && content(l) === expected);
  if (!merge || !onlyNamed(merge._rev)) return refuse('stale');
  return { apply: true, write: null, remove: others(merge._rev) };
}

/** The kept revision the server must read when it is no longer a leaf (see planResolution). */
export function needsKeptBody(resolution: Resolution, leaves: readonly Leaf[]): boolean {
  return !leaves.some((l) => l._rev === resolution.keptRev);
}
