// `npm run user` with COUCHDB_URL works on that CouchDB directly: no Fieldbook server needs to
// run (issue 11). On the embedded leg the "CouchDB" is the test server's own database, reached
// over HTTP as any CouchDB would be.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const run = promisify(execFile);

async function userCli(...args: string[]) {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/user-cli.ts', ...args],
      {
        env: {
          ...process.env,
          COUCHDB_URL: server.couchUrl,
          COUCHDB_USER: server.admin.name,
          COUCHDB_PASSWORD: server.admin.password,
          // Where `npm start` would listen: nothing does.
          PORT: '1',
          DATA_DIR: server.dataDir,
        },
      },
    );
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run user with COUCHDB_URL', () => {
  it('adds, locks and lists accounts with no Fieldbook server running', async () => {
    const added = await userCli(
      'add',
      'vanthu',
      '--role',
      'officer',
      '--position',
      'office',
      '--full-name',
      'Trần Thị Văn Thư',
      '--password',
      'van-thu-2026',
    );
    expect(added.out).not.toMatch(/Không kết nối được/);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/vanthu\s+officer\s+office\s+Trần Thị Văn Thư/);

    // The new account signs in through the server like any other.
    const session = await fetch(`${server.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'vanthu', password: 'van-thu-2026' }),
    });
    expect(await session.json()).toMatchObject({
      ok: true,
      roles: ['officer', 'officer@hong-phong', 'member@hong-phong', 'position:office'],
    });

    const locked = await userCli('set', 'vanthu', '--disable');
    expect(locked.code).toBe(0);
    expect(locked.out).toMatch(/vanthu.*\[đã khóa\]/);

    const list = await userCli('list');
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/canbo\s+officer/);
    expect(list.out).toMatch(/vanthu.*\[đã khóa\]/);
  });

  it('explains a bad request in Vietnamese', async () => {
    const bad = await userCli('add', 'x', '--role', 'officer');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/Thông tin tài khoản chưa hợp lệ/);
  });
});
