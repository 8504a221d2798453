// SyncEngine against the real server over HTTP, with the phone's network and connectivity in
// the test's hands (test/support/harness/phone-rig.ts). Every test asserts outcomes: which
// revisions the server holds, the status a person would see, what the engine remembers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/data/pouch-types.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { CHAIR, OFFICER, makeCheck } from '../support/fixtures.ts';
import { nodeEnvironment, type NodeEnvironment } from '../support/harness/node-environment.ts';
import { PhoneRig, until } from '../support/harness/phone-rig.ts';
import { TcpProxy } from '../support/harness/tcp-proxy.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
let proxy: TcpProxy;
let proxyUrl: string;

beforeAll(async () => {
  proxy = new TcpProxy(Number(new URL(server.url).port));
  proxyUrl = await proxy.start();
});
afterAll(async () => {
  await proxy.close();
});

let serial = 0;
/** `count` new records of the officer, each with its own time. */
async function write(local: Db, count: number): Promise<string[]> {
  const docs = Array.from({ length: count }, () => makeCheck((serial += 1)));
  const res = await local.bulkDocs(docs);
  return res.map((r) => (r as { id: string }).id);
}

/** Ids of `ids` whose current local revision the server holds (read past the proxy). */
async function onServer(local: Db, ids: string[]): Promise<string[]> {
  const there = await httpDb(server.url, LOG, OFFICER).allDocs({ keys: ids });
  const here = await local.allDocs({ keys: ids });
  const rev = new Map(here.rows.map((r) => [r.key, 'value' in r ? r.value.rev : '']));
  return there.rows
    .filter((r) => 'value' in r && r.value && rev.get(r.key) === r.value.rev)
    .map((r) => r.key);
}

function phone(env: NodeEnvironment = nodeEnvironment(true), batchSize?: number): PhoneRig {
  proxy.setLink(env.isOnline());
  return new PhoneRig(memoryDb('engine'), env, proxy, proxyUrl, LOG, OFFICER, { batchSize });
}

const caughtUp = (p: PhoneRig) => p.status.phase === 'upToDate' && p.status.pendingLocal === 0;

describe('SyncEngine with the real server', () => {
  it('counts what is not on the server from the push checkpoint, offline and after a restart', async () => {
    const p = phone(nodeEnvironment(false));
    p.engine.start();
    const ids = await write(p.local, 25);
    p.engine.refreshPending();
    await until(() => p.status.pendingLocal === 25, 'pending 25 while offline');
    expect(p.status.phase).toBe('offline');

    p.online();
    await until(async () => caughtUp(p) && (await onServer(p.local, ids)).length === 25, 'sent');
    expect(p.status.lastSyncedAt).not.toBeNull();
    await p.engine.stop();

    // Reopened offline: the remembered checkpoint says nothing is pending, with no network.
    p.offline();
    p.reopen();
    expect(await p.engine.countPending()).toBe(0);
    const later = await write(p.local, 3);
    expect(await p.engine.countPending()).toBe(3);
    // Someone else's record pulled from the server is not this person's to send.
    await httpDb(server.url, LOG, CHAIR).put(
      makeCheck(0, { name: 'chutich', role: 'chair', commune: 'hong-phong' }),
    );
    p.online();
    p.engine.start();
    await until(
      async () => caughtUp(p) && (await onServer(p.local, later)).length === 3,
      'later',
      () => [p.status, p.events.slice(-5)],
    );
    expect((await p.local.allDocs()).rows.length).toBeGreaterThan(28);
    await p.engine.stop();
  });

  it('connectivity flapping: every record reaches the server, one replication at a time', async () => {
    const p = phone(nodeEnvironment(true), 20);
    p.engine.start();
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      ids.push(...(await write(p.local, 60)));
      p.engine.refreshPending();
      // Cut while the batches are moving, write offline, come back.
      await until(() => p.events.some((e) => e.type === 'progress'), 'moving');
      p.offline();
      expect(p.status.phase).toBe('offline');
      ids.push(...(await write(p.local, 10)));
      p.engine.refreshPending();
      await until(() => p.status.pendingLocal > 0, 'pending offline');
      p.events = [];
      p.online();
    }
    await until(
      async () => caughtUp(p) && (await onServer(p.local, ids)).length === ids.length,
      'all',
    );
    expect(ids).toHaveLength(350);
    expect(p.status.error).toBeNull();
    expect(p.overlap.max).toEqual({ push: 1, pull: 1 });
    await p.engine.stop();
    expect(p.overlap.live).toEqual({ push: 0, pull: 0 });
  });

  it('a restart while a batch is in flight sends everything once', async () => {
    const p = phone(nodeEnvironment(true), 50);
    const ids = await write(p.local, 400);
    p.engine.start();
    for (let k = 0; k < 3; k++) {
      p.events = [];
      await until(() => p.events.some((e) => e.type === 'progress'), 'a batch written');
      // The connection drops under the request, and the browser reports "online" again.
      proxy.cutAll();
      p.env.setOnline(true);
    }
    // Signed in again at once (same person): stop and start without waiting.
    p.events = [];
    await until(() => p.events.some((e) => e.type === 'progress'), 'moving again');
    void p.engine.stop();
    p.engine.start();
    await until(async () => caughtUp(p) && (await onServer(p.local, ids)).length === 400, 'all');
    expect(p.overlap.max).toEqual({ push: 1, pull: 1 });
    await p.engine.stop();
  });

  it('remembers refused records across a restart and clears one once a later revision is accepted', async () => {
    const p = phone();
    const bad = { ...makeCheck((serial += 1)), schemaVersion: 99 };
    await p.local.put(bad);
    const good = await write(p.local, 2);
    p.engine.start();
    await until(
      async () => bad._id in p.status.rejected && (await onServer(p.local, good)).length === 2,
      'refused',
    );
    expect(await onServer(p.local, [bad._id])).toEqual([]);
    await p.engine.stop();

    p.reopen();
    expect(Object.keys(p.status.rejected)).toEqual([bad._id]);
    expect(p.status.rejected[bad._id]).not.toBe('');

    const stored = await p.local.get(bad._id);
    await p.local.put({ ...stored, schemaVersion: makeCheck(0).schemaVersion });
    p.engine.start();
    await until(async () => (await onServer(p.local, [bad._id])).length === 1, 'fixed sent');
    await until(() => caughtUp(p), 'caught up');
    expect(p.status.rejected).toEqual({});
    expect(p.engine.rejected).toEqual({});
    expect(p.events).toContainEqual({ type: 'accepted', id: bad._id });
    await p.engine.stop();
  });

  it('sign-out mid-sync: stop ends all activity, and the next sign-in sends the rest', async () => {
    const env = nodeEnvironment(true);
    const p = phone(env, 25);
    const ids = await write(p.local, 300);
    p.engine.start();
    await until(() => p.events.some((e) => e.type === 'progress'), 'a batch written');
    await p.engine.stop();
    expect(p.overlap.live).toEqual({ push: 0, pull: 0 });
    const sent = (await onServer(p.local, ids)).length;
    expect(sent).toBeLessThan(300);
    const afterStop = p.events.length;
    ids.push(...(await write(p.local, 5)));
    p.engine.refreshPending();
    await new Promise((r) => setTimeout(r, 500));
    // Nothing after the stop: no event for the screen, no record sent.
    expect(p.events.slice(afterStop)).toEqual([]);
    expect((await onServer(p.local, ids)).length).toBe(sent);
    expect(p.status.phase).toBe('connecting');

    // Another person on this phone has their own memory: none of the first one's.
    const other = new PhoneRig(memoryDb('other'), env, proxy, proxyUrl, LOG, CHAIR);
    expect(other.engine.lastSyncedAt).toBeNull();

    p.reopen();
    expect(await p.engine.countPending()).toBeGreaterThanOrEqual(305 - sent);
    p.engine.start();
    await until(async () => caughtUp(p) && (await onServer(p.local, ids)).length === 305, 'rest');
    await p.engine.stop();
  });

  it('a new phone pulls first, and its push neither compares the pulled records nor skips its own', async () => {
    // Records already on the server, from the officer's other phone and the commune.
    const elsewhere = Array.from({ length: 700 }, () => makeCheck((serial += 1)));
    for (let i = 0; i < elsewhere.length; i += 400)
      // the /db gate takes 500 a request
      await httpDb(server.url, LOG, OFFICER).bulkDocs(elsewhere.slice(i, i + 400));
    const p = phone();
    const compared: string[] = [];
    const revsDiff = p.remote.revsDiff.bind(p.remote);
    p.remote.revsDiff = ((diff: Record<string, string[]>) => {
      compared.push(...Object.keys(diff));
      return revsDiff(diff as never);
    }) as typeof p.remote.revsDiff;

    p.engine.start();
    // Something recorded while the first pull is still running is sent all the same.
    await until(() => p.events.some((e) => e.type === 'progress'), 'a first batch pulled');
    const during = await write(p.local, 3);
    await until(async () => caughtUp(p) && (await onServer(p.local, during)).length === 3, 'sent');
    const total = (await p.local.allDocs({ startkey: 'check:', endkey: 'check:\uffff' })).rows;
    expect(total.length).toBeGreaterThanOrEqual(703);
    await p.engine.stop();

    // A phone that records nothing during its first pull: the push starts after the pulled
    // records, so it never asks the server about them.
    const q = phone();
    const asked: string[] = [];
    const qDiff = q.remote.revsDiff.bind(q.remote);
    q.remote.revsDiff = ((diff: Record<string, string[]>) => {
      asked.push(...Object.keys(diff));
      return qDiff(diff as never);
    }) as typeof q.remote.revsDiff;
    // What the pending count reads of the changes feed (its reads ask for 1,000 at a time).
    const counted = { rows: 0 };
    const changes = q.local.changes.bind(q.local);
    (q.local as unknown as { changes: unknown }).changes = (opts?: PouchDB.Core.ChangesOptions) => {
      const feed = changes(opts as never);
      if (opts?.limit === 1000 && !opts.style && !opts.include_docs)
        void feed.on('change', () => (counted.rows += 1));
      return feed;
    };
    // Up to date once the pull is done and the push checkpoint set: the live replications,
    // which move nothing, start after that and say nothing new. Each "up to date" notes how many
    // live replications had started by then.
    const upToDateAfter: number[] = [];
    q.engine.subscribe(
      (e) => void (e.type === 'paused' && upToDateAfter.push(q.overlap.continuousStarted)),
    );
    // Before the checkpoint, "all pulled" lets what waits for the records (photos) start.
    const milestones: string[] = [];
    q.engine.subscribe((e) => {
      if (e.type === 'pulledAll' || e.type === 'paused') milestones.push(e.type);
    });
    q.engine.start();
    await until(() => caughtUp(q), 'first sync');
    await until(
      () => q.overlap.continuousStarted >= 2,
      'live replications started',
      () => q.overlap,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(upToDateAfter).toEqual([0]);
    expect(milestones).toEqual(['pulledAll', 'paused']);
    expect(q.overlap.continuousStarted).toBe(2);
    // It never read the pulled records: none of them can be the person's unsent work.
    expect(counted.rows).toBe(0);
    expect(
      (await q.local.allDocs({ keys: elsewhere.map((d) => d._id) })).rows.every(
        (r) => 'value' in r && r.value,
      ),
    ).toBe(true);
    expect(asked).toEqual([]);
    // The pulled records are the officer's own from another phone: none is pending, and still
    // none after the app opens again (the push checkpoint is remembered).
    expect(q.status.pendingLocal).toBe(0);
    await q.engine.stop();
    q.reopen();
    expect(await q.engine.countPending()).toBe(0);
    q.engine.start();
    await until(() => caughtUp(q), 'up to date after a reopen');
    const mine = await write(q.local, 4);
    q.engine.refreshPending();
    await until(
      async () => caughtUp(q) && (await onServer(q.local, mine)).length === 4,
      'own sent',
    );
    expect(asked.sort()).toEqual([...mine].sort());
    expect(q.overlap.max).toEqual({ push: 1, pull: 1 });
    await q.engine.stop();
    // The first phone's push compared what it had to: at least the three records of its own.
    expect(compared).toEqual(expect.arrayContaining(during));
  });

  it('sends nothing before the device migration is done, while a new phone pulls without waiting for it', async () => {
    const there = Array.from({ length: 60 }, () => makeCheck((serial += 1)));
    await httpDb(server.url, LOG, OFFICER).bulkDocs(there);
    let migrated = () => undefined as void;
    const migration = new Promise<void>((resolve) => (migrated = resolve));
    const env = nodeEnvironment(true);
    proxy.setLink(true);
    const p = new PhoneRig(memoryDb('engine'), env, proxy, proxyUrl, LOG, OFFICER, {
      beforePush: migration,
    });
    p.engine.start();
    const pulled = async () =>
      (await p.local.allDocs({ keys: there.map((d) => d._id) })).rows.every(
        (r) => 'value' in r && r.value,
      );
    await until(pulled, 'the first pull, the migration still running');
    const mine = await write(p.local, 2);
    p.engine.refreshPending();
    await new Promise((r) => setTimeout(r, 500));
    expect(await onServer(p.local, mine)).toEqual([]);
    expect(p.status.pendingLocal).toBe(2);

    migrated();
    await until(
      async () => caughtUp(p) && (await onServer(p.local, mine)).length === 2,
      'sent once migrated',
    );
    await p.engine.stop();
  });
});
