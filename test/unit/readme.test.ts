// Issue 12.8: the README's demo logins are one table with every demo account `npm start` makes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoUsers } from '../../server/provision/users.ts';

describe('README demo logins', () => {
  it('is one table naming every demo account and its password', () => {
    const lines = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('| tên đăng nhập'));
    expect(start).toBeGreaterThan(0);
    const table: string[] = [];
    for (let i = start; i < lines.length && lines[i].startsWith('|'); i++) table.push(lines[i]);
    const rows = table.slice(2).map((l) => l.split('|').map((c) => c.trim().replace(/`/g, '')));
    const users = demoUsers('hong-phong');
    expect(rows.map((r) => [r[1], r[2]]).sort()).toEqual(
      users.map((u) => [u.name, u.password]).sort(),
    );
  });
});
