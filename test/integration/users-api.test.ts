// /api/users: only the commune's admins manage accounts; bad input is refused with Vietnamese
// messages; a role change takes effect on the next request; other communes' roles survive.
import { describe, expect, it } from 'vitest';
import { adminCouch } from '../../server/provision/couch.ts';
import type { UserSummary } from '../../src/lib/domain/user.ts';
import { ADMIN, basicAuth, CHAIR, OFFICER } from '../support/fixtures.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();

function api(
  method: string,
  path: string,
  who?: { name: string; password: string },
  body?: unknown,
) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(who ? { authorization: basicAuth(who) } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('/api/users', () => {
  it('refuses anonymous callers and non-admins', async () => {
    expect((await api('GET', '/api/users')).status).toBe(401);
    expect((await api('GET', '/api/users', OFFICER)).status).toBe(403);
    expect((await api('GET', '/api/users', CHAIR)).status).toBe(403);
    const forged = await api('POST', '/api/users', OFFICER, {
      name: 'mole',
      password: 'password1',
      fullName: 'X',
      role: 'admin',
    });
    expect(forged.status).toBe(403);
  });

  it('lists the commune’s accounts for its admin', async () => {
    const res = await api('GET', '/api/users', ADMIN);
    expect(res.status).toBe(200);
    const names = ((await res.json()) as { name: string }[]).map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['canbo', 'chutich', 'congan', 'quantri']));
  });

  it('explains bad input field by field, in Vietnamese', async () => {
    const res = await api('POST', '/api/users', ADMIN, {
      name: 'X Y',
      password: 'short',
      fullName: '',
      role: 'boss',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fields: { path: string }[] };
    expect(body.error).toBe('Thông tin tài khoản chưa hợp lệ.');
    expect(body.fields.map((f) => f.path).sort()).toEqual(['fullName', 'name', 'password', 'role']);
    expect((await api('POST', '/api/users', ADMIN, '{oops')).status).toBe(400);
  });

  it('creates an account that can sign in, and refuses a duplicate', async () => {
    const user = {
      name: 'taichinh',
      password: 'tai-chinh-2026',
      fullName: 'Lê Văn Tài',
      role: 'officer',
      position: 'finance',
    };
    expect((await api('POST', '/api/users', ADMIN, user)).status).toBe(201);
    expect((await api('POST', '/api/users', ADMIN, user)).status).toBe(409);
    const session = await fetch(`${server.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: user.name, password: user.password }),
    });
    expect(await session.json()).toMatchObject({
      ok: true,
      roles: expect.arrayContaining([
        'officer@hong-phong',
        'member@hong-phong',
        'position:finance',
      ]),
    });
  });

  it('disabling an account shuts it out of the commune’s data at once', async () => {
    const who = { name: 'taichinh', password: 'tai-chinh-2026' };
    const read = () =>
      fetch(`${server.url}/db/fieldbook-hong-phong/_all_docs?limit=1`, {
        headers: { authorization: basicAuth(who) },
      });
    expect((await read()).status).toBe(200);
    expect((await api('PUT', '/api/users/taichinh', ADMIN, { disabled: true })).status).toBe(200);
    // CouchDB applies a `_users` change to its credentials cache a moment later (the embedded
    // server at once): the account is shut out within that moment.
    await expect.poll(async () => (await read()).status, { timeout: 5000 }).not.toBe(200);
    expect([401, 403]).toContain((await read()).status);
    expect((await api('PUT', '/api/users/taichinh', ADMIN, { disabled: false })).status).toBe(200);
    await expect.poll(async () => (await read()).status, { timeout: 5000 }).toBe(200);
  });

  it('a locked account signs in with nothing but the mark that it is locked', async () => {
    const who = { name: 'taichinh', password: 'tai-chinh-2026' };
    const signIn = async () =>
      (await (
        await fetch(`${server.url}/db/_session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(who),
        })
      ).json()) as { roles: string[] };
    expect((await api('PUT', '/api/users/taichinh', ADMIN, { disabled: true })).status).toBe(200);
    await expect
      .poll(async () => (await signIn()).roles, { timeout: 5000 })
      .toEqual(['locked@hong-phong']);
    const listed = (await (await api('GET', '/api/users', ADMIN)).json()) as UserSummary[];
    expect(listed.find((u) => u.name === 'taichinh')).toMatchObject({ disabled: true });
    expect((await api('PUT', '/api/users/taichinh', ADMIN, { disabled: false })).status).toBe(200);
    await expect
      .poll(async () => (await signIn()).roles, { timeout: 5000 })
      .toContain('member@hong-phong');
  });

  it('an admin cannot lock their own account', async () => {
    const res = await api('PUT', `/api/users/${ADMIN.name}`, ADMIN, { disabled: true });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe(
      'Bạn không thể tự khóa tài khoản của chính mình.',
    );
    const listed = (await (await api('GET', '/api/users', ADMIN)).json()) as UserSummary[];
    expect(listed.find((u) => u.name === ADMIN.name)).toMatchObject({ disabled: false });
  });

  it('keeps the roles another commune gave a reviewer', async () => {
    const couch = adminCouch(server.couchUrl, server.admin);
    const users = couch.use<Record<string, unknown>>('_users');
    await users.insert({
      _id: 'org.couchdb.user:thamtra',
      name: 'thamtra',
      type: 'user',
      password: 'tham-tra-2026',
      roles: ['reviewer', 'reviewer@tan-thanh', 'member@tan-thanh'],
      fieldbook: {
        fullName: 'Người duyệt',
        position: null,
        role: 'reviewer',
        commune: 'tan-thanh',
      },
    });
    // Not this commune's account: its admin cannot touch it (not even see it)…
    const takeover = await api('PUT', '/api/users/thamtra', ADMIN, { password: 'taken-over!' });
    expect(takeover.status).toBe(404);
    // …but the server admin can give it a role here.
    const res = await api('PUT', '/api/users/thamtra', server.admin, { role: 'reviewer' });
    expect(res.status).toBe(200);
    const doc = (await users.get('org.couchdb.user:thamtra')) as unknown as { roles: string[] };
    expect(doc.roles).toEqual(
      expect.arrayContaining([
        'reviewer@tan-thanh',
        'member@tan-thanh',
        'reviewer@hong-phong',
        'member@hong-phong',
      ]),
    );
  });
});
