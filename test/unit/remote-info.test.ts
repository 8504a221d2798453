// A remote database's info request that fails once the database has answered gets the last
// answer (PouchDB's replication asks for it after every batch and does not catch a failure);
// its id (the server's uuid, asked at every replication's start) is asked once.
import { describe, expect, it } from 'vitest';
import { rememberId, rememberInfo } from '../../src/lib/data/remote-info';
import type { Db } from '../../src/lib/data/pouch-types';
import { httpDb } from '../support/pouch';

const answer = { db_name: 'log', doc_count: 3, update_seq: '7-abc', uuid: 'c0ffee' };

function phoneFetch() {
  const state = { online: true, calls: 0 };
  const fetch = async (): Promise<Response> => {
    state.calls += 1;
    if (!state.online) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { state, fetch };
}

const user = { name: 'canbo', password: 'x' };

/** PouchDB's `id()`, which its types leave out. */
const idOf = (db: Db) => (db as unknown as { id(): Promise<string> }).id();

describe('rememberInfo', () => {
  it('answers a failed info request with the last answer, over the real HTTP adapter', async () => {
    const { state, fetch } = phoneFetch();
    const db = rememberInfo(httpDb('http://127.0.0.1:9', 'log', user, fetch));
    expect(await db.info()).toMatchObject(answer);
    state.online = false;
    expect(await db.info()).toMatchObject(answer);
    expect(state.calls).toBe(2);
  });

  it('still fails when the database never answered', async () => {
    const { state, fetch } = phoneFetch();
    state.online = false;
    const db = rememberInfo(httpDb('http://127.0.0.1:9', 'log', user, fetch));
    await expect(db.info()).rejects.toThrow('Failed to fetch');
  });

  it('leaves other requests failing as they did', async () => {
    const { state, fetch } = phoneFetch();
    const db = rememberInfo(httpDb('http://127.0.0.1:9', 'log', user, fetch));
    await db.info();
    state.online = false;
    await expect(db.get('x')).rejects.toThrow();
  });
});

describe('rememberId', () => {
  it('asks the server for the id once, over the real HTTP adapter', async () => {
    const { state, fetch } = phoneFetch();
    const db = rememberId(httpDb('http://127.0.0.1:9', 'log', user, fetch));
    const first = await idOf(db);
    expect(first).toContain('c0ffee');
    expect(await idOf(db)).toBe(first);
    expect(state.calls).toBe(1);
    // Offline later: still the same id, so a replication started then keeps its checkpoints.
    state.online = false;
    expect(await idOf(db)).toBe(first);
  });

  it('does not keep the stand-in of a failed request', async () => {
    const { state, fetch } = phoneFetch();
    state.online = false;
    const db = rememberId(httpDb('http://127.0.0.1:9', 'log', user, fetch));
    expect(await idOf(db)).not.toContain('c0ffee');
    state.online = true;
    expect(await idOf(db)).toContain('c0ffee');
    expect(state.calls).toBe(2);
  });
});
