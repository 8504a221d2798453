// /api/people: any signed-in member of the commune reads full names and role titles' codes for
// the usernames on records; nothing else about an account leaves (no password, no lock).
import { describe, expect, it } from 'vitest';
import { basicAuth, OFFICER, POLICE } from '../support/fixtures.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();

const get = (who?: { name: string; password: string }, method = 'GET') =>
  fetch(`${server.url}/api/people`, {
    method,
    headers: who ? { authorization: basicAuth(who) } : {},
  });

describe('/api/people', () => {
  it('refuses anonymous callers and anything but reading', async () => {
    expect((await get()).status).toBe(401);
    expect((await get(OFFICER, 'POST')).status).toBe(405);
  });

  it('gives members names and roles, nothing more', async () => {
    for (const who of [OFFICER, POLICE]) {
      const res = await get(who);
      expect(res.status).toBe(200);
      const people = (await res.json()) as Record<string, unknown>[];
      const officer = people.find((p) => p.name === 'canbo');
      expect(officer).toMatchObject({ fullName: 'Nguyễn Văn Cán Bộ', role: 'officer' });
      for (const p of people)
        expect(Object.keys(p).sort()).toEqual(['fullName', 'name', 'position', 'role']);
    }
  });
});
