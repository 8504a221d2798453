// Reading a first pull one batch ahead (src/lib/data/read-ahead.ts), with a server stand-in that
// records what it was asked: the replication's own requests, in PouchDB's shapes.
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/lib/data/read-ahead.ts';

const DB = 'http://phone.test/db/fieldbook-hong-phong';
const BULK_GET = `${DB}/_bulk_get?revs=true&latest=true`;
const changesUrl = (since: number, feed = '') =>
  `${DB}/_changes?style=all_docs&since=${since}&limit=2${feed}`;

/** A changes page naming records `from`, `from + 1`, … in revision 1. */
const page = (from: number, n = 2) => ({
  results: Array.from({ length: n }, (_, i) => ({
    id: `check:${from + i}`,
    seq: from + i + 1,
    changes: [{ rev: `1-${from + i}` }],
  })),
  last_seq: from + n,
});

const revsOf = (from: number, n = 2) =>
  Array.from({ length: n }, (_, i) => ({ id: `check:${from + i}`, rev: `1-${from + i}` }));

/** What the replication sends for a batch's documents (createBulkGetOpts). */
const bulkGet = (docs: { id: string; rev: string }[]): RequestInit => ({
  method: 'POST',
  headers: new Headers({ 'Content-Type': 'application/json' }),
  body: JSON.stringify({ docs }),
});

/** The stand-in server: answers changes pages and `_bulk_get` with what was asked for. */
function server(fail: (init: RequestInit) => 'error' | 'refused' | null = () => null) {
  const asked: string[] = [];
  const cancelled: string[] = [];
  const fetch = async (url: string | Request, init: RequestInit = {}) => {
    const u = new URL(String(url));
    if (u.pathname.endsWith('/_changes')) {
      asked.push(`changes ${u.searchParams.get('since')}`);
      return Response.json(page(Number(u.searchParams.get('since'))));
    }
    const docs = (JSON.parse(String(init.body)) as { docs: { id: string }[] }).docs;
    const ids = docs.map((d) => d.id).join(' ');
    asked.push(`bulk_get ${ids}`);
    const failure = fail(init);
    if (failure === 'error') throw new TypeError('Failed to fetch');
    if (failure === 'refused') return Response.json({ error: 'unauthorized' }, { status: 401 });
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(JSON.stringify({ results: docs, ids })));
        c.close();
      },
      cancel: () => void cancelled.push(ids),
    });
    return new Response(body, { headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, asked, cancelled };
}

/** A read-ahead over the stand-in server, started as a first pull starts it. */
function started(fail?: Parameters<typeof server>[0]) {
  const s = server(fail);
  const ahead = readAhead(s.fetch);
  ahead.start();
  return { s, ahead };
}

/** A changes page through the read-ahead, read by the replication as PouchDB reads it. */
async function readChanges(ahead: ReturnType<typeof readAhead>, since: number, feed = '') {
  await (await ahead.fetch(changesUrl(since, feed), { method: 'GET' })).json();
  await new Promise((r) => setTimeout(r, 0));
}

describe('reading a first pull ahead', () => {
  it('asks for a batch once its changes are read, and answers the replication with it', async () => {
    const { s, ahead } = started();
    await readChanges(ahead, 0);
    expect(s.asked).toEqual(['changes 0', 'bulk_get check:0 check:1']);
    // The replication asks for the same revisions, in its own order: nothing more is sent.
    const answer = await ahead.fetch(BULK_GET, bulkGet(revsOf(0).reverse()));
    expect(await answer.json()).toMatchObject({ ids: 'check:0 check:1' });
    expect(s.asked).toEqual(['changes 0', 'bulk_get check:0 check:1']);
  });

  it('reads one batch ahead: the next is asked for when the replication takes one', async () => {
    const { s, ahead } = started();
    await readChanges(ahead, 0);
    await readChanges(ahead, 2);
    await readChanges(ahead, 4);
    expect(s.asked.filter((a) => a.startsWith('bulk_get'))).toEqual(['bulk_get check:0 check:1']);
    await (await ahead.fetch(BULK_GET, bulkGet(revsOf(0)))).json();
    expect(s.asked.at(-1)).toBe('bulk_get check:2 check:3');
    await (await ahead.fetch(BULK_GET, bulkGet(revsOf(2)))).json();
    expect(s.asked.at(-1)).toBe('bulk_get check:4 check:5');
    expect(s.asked.filter((a) => a.startsWith('bulk_get'))).toHaveLength(3);
  });

  it('sends a request for fewer revisions as it is, and drops what it read ahead for it', async () => {
    const { s, ahead } = started();
    await readChanges(ahead, 0);
    await readChanges(ahead, 2);
    // check:0 was on the phone already: the replication asks for check:1 alone.
    const answer = await ahead.fetch(BULK_GET, bulkGet(revsOf(1, 1)));
    expect(await answer.json()).toMatchObject({ ids: 'check:1' });
    expect(s.cancelled).toEqual(['check:0 check:1']);
    // The next batch was asked for meanwhile and answers as before.
    expect(s.asked.at(-2)).toBe('bulk_get check:2 check:3');
    expect(await (await ahead.fetch(BULK_GET, bulkGet(revsOf(2)))).json()).toMatchObject({
      ids: 'check:2 check:3',
    });
    expect(s.asked.filter((a) => a === 'bulk_get check:2 check:3')).toHaveLength(1);
  });

  it('skips batches the replication never asks for (nothing of them was missing)', async () => {
    const { s, ahead } = started();
    await readChanges(ahead, 0);
    await readChanges(ahead, 2);
    await (await ahead.fetch(BULK_GET, bulkGet(revsOf(2)))).json();
    expect(s.cancelled).toEqual(['check:0 check:1']);
    expect(s.asked.filter((a) => a === 'bulk_get check:2 check:3')).toHaveLength(1);
  });

  it('does not read a batch the replication asked for before its page was planned', async () => {
    const { s, ahead } = started();
    // The replication is quicker than the read-ahead's own reading of the page.
    const res = await ahead.fetch(changesUrl(0), { method: 'GET' });
    await (await ahead.fetch(BULK_GET, bulkGet(revsOf(0)))).json();
    await res.json();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.asked).toEqual(['changes 0', 'bulk_get check:0 check:1']);
  });

  it.each(['error', 'refused'] as const)(
    'asks the server itself when reading ahead failed (%s): the replication gets its answer',
    async (how) => {
      let failures = 1;
      const { s, ahead } = started(() => (failures-- > 0 ? how : null));
      await readChanges(ahead, 0);
      const answer = await ahead.fetch(BULK_GET, bulkGet(revsOf(0)));
      expect(answer.ok).toBe(true);
      expect(s.asked.filter((a) => a === 'bulk_get check:0 check:1')).toHaveLength(2);
    },
  );

  it('reads nothing ahead before a start, after its stop, or from a long poll', async () => {
    const s = server();
    const ahead = readAhead(s.fetch);
    await readChanges(ahead, 0);
    const stop = ahead.start();
    await readChanges(ahead, 2, '&feed=longpoll');
    expect(s.asked).toEqual(['changes 0', 'changes 2']);
    await readChanges(ahead, 4);
    expect(s.asked.at(-1)).toBe('bulk_get check:4 check:5');
    stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.cancelled).toEqual(['check:4 check:5']);
    await (await ahead.fetch(BULK_GET, bulkGet(revsOf(4)))).json();
    expect(s.asked.filter((a) => a === 'bulk_get check:4 check:5')).toHaveLength(2);
  });
});
