// Runs in Chromium: the app's own local database (IndexedDB through pouchdb-browser, opened as
// the app opens it) and its FieldCheckRepository, timed from inside the page.
import { FieldCheckRepository } from '$lib/data/field-checks.repo';
import { openLocalDb } from '$lib/data/local-db';
import { emptyInput } from '$lib/domain/field-check-factory';
import { benchCheck, officer } from '../../support/harness/checks.ts';

const author = officer('canbo');

async function repository() {
  return new FieldCheckRepository(await openLocalDb('fb-bench-fieldbook-hong-phong'));
}

async function timeEach(times: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const bench = {
  /** Fills the local database with `count` records in bulk (not timed as a benchmark). */
  async load(count: number, chunk = 1000): Promise<number> {
    const db = await openLocalDb('fb-bench-fieldbook-hong-phong');
    for (let start = 0; start < count; start += chunk) {
      const docs = [];
      for (let n = start; n < Math.min(count, start + chunk); n++) {
        docs.push(benchCheck(author, `browser#${n}`, n));
      }
      await db.bulkDocs(docs);
    }
    return (await db.info()).doc_count;
  },

  /** Saving one new check through the repository, as the form does. */
  async save(times: number): Promise<number[]> {
    const repo = await repository();
    return timeEach(times, (i) => {
      const input = emptyInput('environment', new Date());
      input.hamlet = 'Thôn Khòn Pát';
      input.findings = `Ghi nhận ${i}: điểm tập kết rác đã được dọn sạch.`;
      return repo.createDraft(input, author);
    });
  },

  /** The record list's first page, newest first. */
  async firstPage(times: number, limit = 50): Promise<number[]> {
    const repo = await repository();
    return timeEach(times, async () => {
      const page = await repo.listNewest(limit);
      if (page.items.length !== limit) throw new Error(`page has ${page.items.length} items`);
    });
  },
};

(window as unknown as { fieldbookBench: typeof bench }).fieldbookBench = bench;
document.title = 'ready';
