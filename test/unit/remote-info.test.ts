// A remote database's info request that fails once the database has answered gets the last
// answer (PouchDB's replication asks for it after every batch and does not catch a failure).
import { describe, expect, it } from 'vitest';
import { rememberInfo } from '../../src/lib/data/remote-info';
import { httpDb } from '../support/pouch';

const answer = { db_name: 'log', doc_count: 3, update_seq: '7-abc' };

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
