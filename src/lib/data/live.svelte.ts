// The one way a page loads data: `const checks = live(() => workspace.queries?.newest(limit))`.
// Call it while a component initialises. The function is tracked: when what it reads changes
// (the workspace opens or closes, a URL parameter, a page size), the old query stops and the
// new one starts; leaving the page stops it. See live-query.ts for the coalescing.
import { untrack } from 'svelte';
import { QueryRunner, type QueryState, type RunnerOptions, type Source } from './live-query';

export interface Live<T> extends QueryState<T> {
  /** Read again now, e.g. after the page's own write. */
  refresh(): void;
}

export function live<T>(
  query: () => Source<T> | null | undefined,
  options: RunnerOptions = {},
): Live<T> {
  let state = $state<QueryState<T>>({ loading: true, value: undefined, error: null });
  let runner: QueryRunner<T> | null = null;

  $effect(() => {
    const src = query();
    if (!src) {
      state = { loading: true, value: undefined, error: null };
      return;
    }
    const r = new QueryRunner(src, (s) => (state = s), options);
    runner = r;
    // Reads inside the query are not this effect's dependencies: only `query()` above is.
    untrack(() => r.start());
    return () => {
      r.stop();
      if (runner === r) runner = null;
    };
  });

  return {
    get loading() {
      return state.loading;
    },
    get value() {
      return state.value;
    },
    get error() {
      return state.error;
    },
    refresh: () => runner?.refresh(),
  };
}
