// A new phone's first pull reads one batch ahead (src/lib/data/read-ahead.ts), through the real
// server: every revision arrives, conflicts too, each batch is asked for once, and the next
// batch is on its way before the phone has written the one before.
import { describe, expect, it } from 'vitest';
import { compressingFetch } from '../../src/lib/data/compressed-fetch.ts';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import type { Db } from '../../src/lib/data/pouch-types.ts';
import { readAhead } from '../../src/lib/data/read-ahead.ts';
import { SyncEngine } from '../../src/lib/data/sync-engine.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { emptyInput } from '../../src/lib/domain/field-check-factory.ts';
import { makeCheck, OFFICER, officerAuthor } from '../support/fixtures.ts';
import { nodeEnvironment } from '../support/harness/node-environment.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const RECORDS = 430;
const BATCH = 100;

/** Every request sent to the server, as "METHOD last-path-segment", then gzipped as the app's. */
function countingFetch(log: string[]) {
  const send = compressingFetch();
  return (url: string | Request, init?: RequestInit) => {
    const path = new URL(typeof url === 'string' ? url : url.url).pathname;
    const last = path.split('/').pop()!;
    log.push(`${init?.method ?? 'GET'} ${path.includes('/_local/') ? '_local' : last}`);
    return send(url, init);
  };
}

/** Ids, winning revisions and conflicting ones: what two copies must agree on. */
async function contents(db: Db) {
  const res = await db.allDocs({ include_docs: true, conflicts: true });
  return res.rows
    .filter((r) => !r.id.startsWith('_design/'))
    .map((r) => [r.id, r.value.rev, (r.doc as { _conflicts?: string[] })._conflicts ?? []]);
}

/** A record on the server in two versions: edited on two phones before either synced. */
async function serverConflict(remote: Db) {
  const [a, b] = [memoryDb('a'), memoryDb('b')];
  const [repoA, repoB] = [new FieldCheckRepository(a), new FieldCheckRepository(b)];
  const input = emptyInput('environment', new Date());
  input.hamlet = 'Thôn Pò Nhùng';
  const draft = await repoA.createDraft(input, officerAuthor);
  await a.replicate.to(remote);
  await b.replicate.from(remote);
  await repoA.saveDraft(draft, { ...input, findings: 'Ghi trên điện thoại' });
  await repoB.saveDraft((await repoB.get(draft._id))!, { ...input, findings: 'Ghi ở văn phòng' });
  await a.replicate.to(remote);
  await b.replicate.to(remote);
  return draft._id;
}

describe("a new phone's first pull, one batch ahead", () => {
  it('brings every revision and asks the server for each batch once, before the replication asks', async () => {
    const remote = httpDb(server.url, LOG, OFFICER);
    await remote.bulkDocs(Array.from({ length: RECORDS }, (_, i) => makeCheck(i)));
    const conflicted = await serverConflict(remote);
    const log: string[] = [];
    const ahead = readAhead(countingFetch(log));
    const phone = memoryDb('new-phone');
    // What the replication asks, in the same log as what reaches the server.
    const asking = (url: string | Request, init?: RequestInit) => {
      if (String(url).includes('/_bulk_get')) log.push('ask _bulk_get');
      return ahead.fetch(url, init);
    };
    const engine = new SyncEngine(
      phone,
      httpDb(server.url, LOG, OFFICER, asking),
      'sync:new-phone',
      nodeEnvironment(true),
      { firstPullBatchSize: BATCH, readAhead: () => ahead.start() },
    );
    const caughtUp = new Promise<void>((resolve) =>
      engine.subscribe((e) => e.type === 'paused' && resolve()),
    );
    engine.start();
    await caughtUp;
    await engine.stop();

    expect(await contents(phone)).toEqual(await contents(remote));
    const onPhone = await phone.get(conflicted, { conflicts: true });
    expect((onPhone as { _conflicts?: string[] })._conflicts).toHaveLength(1);
    // The first pull's batches, ceil(431 / 100), each asked of the server once, and before
    // the replication asked for it (all but perhaps the first, whose changes it read first).
    const sent = log.filter((r) => r === 'POST _bulk_get');
    expect(sent).toHaveLength(Math.ceil((RECORDS + 1) / BATCH));
    let early = 0;
    log.reduce(
      (n, r) => {
        if (r === 'POST _bulk_get') n.sent += 1;
        if (r !== 'ask _bulk_get') return n;
        n.asked += 1;
        if (n.sent >= n.asked) early += 1;
        return n;
      },
      { sent: 0, asked: 0 },
    );
    expect(early).toBeGreaterThanOrEqual(sent.length - 1);
  });

  it('into a database that has some of it already, gets the rest as asked', async () => {
    const remote = httpDb(server.url, LOG, OFFICER);
    const log: string[] = [];
    const ahead = readAhead(countingFetch(log));
    const phone = memoryDb('half-phone');
    // Every other batch's first record is here already: PouchDB asks for fewer than read ahead.
    const all = await remote.allDocs({ startkey: 'check:', endkey: 'check:\uffff' });
    await phone.replicate.from(remote, {
      doc_ids: all.rows.filter((_, i) => i % 200 === 0).map((r) => r.id),
    });
    const stop = ahead.start();
    await phone.replicate.from(httpDb(server.url, LOG, OFFICER, ahead.fetch), {
      batch_size: BATCH,
    });
    stop();
    expect(await contents(phone)).toEqual(await contents(remote));
  });
});
