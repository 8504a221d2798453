// The live-query runner: first read, a burst of changes read once, no overlapping reads,
// nothing after stop, errors kept beside the last value. Against a real (in-memory) PouchDB
// through the repository's own watch, as a page uses it.
import { describe, expect, it } from 'vitest';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { QueryRunner, source, type QueryState } from '../../src/lib/data/live-query.ts';
import { emptyInput, newFieldCheck } from '../../src/lib/domain/field-check-factory.ts';
import { officerAuthor } from '../support/fixtures.ts';
import { memoryDb } from '../support/pouch.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

function checksAt(n: number, from: number) {
  return Array.from({ length: n }, (_, i) => {
    const input = emptyInput('environment', new Date(from + i * 1000));
    input.hamlet = `Thôn ${i}`;
    return newFieldCheck(input, officerAuthor, new Date(from + i * 1000));
  });
}

describe('live queries', () => {
  it('read once at start, then once per burst of replicated changes', async () => {
    const db = memoryDb('live');
    const repo = new FieldCheckRepository(db);
    const states: QueryState<number>[] = [];
    const runner = new QueryRunner(
      source(async () => (await repo.listNewest(1000)).items.length, repo),
      (s) => states.push(s),
      { quietMs: 100, maxWaitMs: 2000 },
    );
    runner.start();
    await until(() => states.length === 1);
    expect(states[0]).toEqual({ loading: false, value: 0, error: null });

    // A replication batch: 200 documents land in 4 quick writes.
    const docs = checksAt(200, Date.UTC(2026, 0, 1));
    for (let i = 0; i < 4; i++) await db.bulkDocs(docs.slice(i * 50, i * 50 + 50));
    await until(() => states.at(-1)?.value === 200);
    await sleep(300);
    expect(runner.reads).toBe(2);
    runner.stop();
  });

  it('never overlaps reads: changes during a read give exactly one more read', async () => {
    let notify = () => {};
    let inFlight = 0;
    let maxInFlight = 0;
    let value = 0;
    const runner = new QueryRunner(
      {
        read: async () => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          const v = value;
          await sleep(80);
          inFlight--;
          return v;
        },
        subscribe: (cb) => {
          notify = cb;
          return () => (notify = () => {});
        },
      },
      () => {},
      { quietMs: 0, maxWaitMs: 0 },
    );
    runner.start();
    await sleep(10);
    for (let i = 0; i < 10; i++) {
      value = i + 1;
      notify();
      await sleep(5);
    }
    await sleep(400);
    expect(maxInFlight).toBe(1);
    expect(runner.reads).toBeLessThanOrEqual(3);
    runner.stop();
  });

  it('stops: no read after stop, and the repository watch is released', async () => {
    const db = memoryDb('live-stop');
    const repo = new FieldCheckRepository(db);
    const runner = new QueryRunner(
      source(async () => (await repo.listNewest(10)).items.length, repo),
      () => {},
      { quietMs: 10 },
    );
    runner.start();
    await sleep(50);
    const before = runner.reads;
    runner.stop();
    await db.bulkDocs(checksAt(5, Date.UTC(2026, 1, 1)));
    await sleep(200);
    expect(runner.reads).toBe(before);
  });

  it('keeps the last value beside an error, and clears the error on the next good read', async () => {
    let fail = false;
    let notify = () => {};
    const states: QueryState<string>[] = [];
    const runner = new QueryRunner(
      {
        read: async () => {
          if (fail) throw new Error('IndexedDB closed');
          return 'ok';
        },
        subscribe: (cb) => ((notify = cb), () => {}),
      },
      (s) => states.push(s),
      { quietMs: 0 },
    );
    runner.start();
    await until(() => states.length === 1);
    fail = true;
    notify();
    await until(() => states.length === 2);
    expect(states[1].value).toBe('ok');
    expect(String(states[1].error)).toContain('IndexedDB closed');
    fail = false;
    runner.refresh();
    await until(() => states.length === 3);
    expect(states[2]).toEqual({ loading: false, value: 'ok', error: null });
    runner.stop();
  });
});
