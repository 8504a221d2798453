// Named migrations per document type: how a stored document of an older `schemaVersion`
// becomes the current one. A reader upgrades what it reads; the server rewrites its copies at
// provisioning (server/provision/migrate-step.ts) and devices receive those revisions; a device
// rewrites only its person's records not yet sent, when the database opens
// (data/migrate-local.ts). Each migration is pure and has a test (test/unit/migrations.test.ts).
// Adding one: append it here, raise the schema's version; never edit a migration that shipped.
import { DOC_TYPES } from './constants';
import { PROGRESS_RULE } from './policy/table';

type Doc = Record<string, unknown>;

export interface Migration {
  /** Unique and stable: provisioning logs and records it. */
  name: string;
  type: string;
  from: number;
  to: number;
  up(doc: Doc): Doc;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Issue 12.6: an update records the author's position and the item's positions, and
    // "done" means 100 %. Updates from before carry no position (the fold counts them, as
    // they were accepted under the old rule); a "done" becomes 100 %, a 100 % that was not
    // "done" and a percent on "not started" become "not reported" (null).
    name: 'progressUpdate-2-positions-and-complete',
    type: DOC_TYPES.progressUpdate,
    from: 1,
    to: 2,
    up(doc) {
      const done = doc.status === PROGRESS_RULE.doneStatus;
      let percent = doc.percent;
      if (done) percent = PROGRESS_RULE.donePercent;
      else if (percent === PROGRESS_RULE.donePercent) percent = null;
      else if (doc.status === PROGRESS_RULE.notStartedStatus && percent !== 0) percent = null;
      return {
        ...doc,
        schemaVersion: 2,
        authorPosition: null,
        itemPositions: [],
        percent: percent ?? null,
      };
    },
  },
];

/** `doc` upgraded to its type's current version, and the migrations that did it. */
export function migrate(doc: unknown): { doc: unknown; applied: string[] } {
  if (!doc || typeof doc !== 'object') return { doc, applied: [] };
  let current = doc as Doc;
  const applied: string[] = [];
  for (;;) {
    const step = MIGRATIONS.find(
      (m) => m.type === current.type && m.from === (current.schemaVersion ?? 1),
    );
    if (!step) return { doc: current, applied };
    current = step.up(current);
    applied.push(step.name);
  }
}
