import { describe, expect, it } from 'vitest';
import { idRange, makeId, parseId, randomSuffix } from '../../src/lib/domain/ids.ts';

describe('time-ordered ids', () => {
  it('round-trips through parseId', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const id = makeId('check', at, 'canbo', 'abcd1234');
    expect(id).toBe('check:2026-03-04T05:06:07.089Z:canbo:abcd1234');
    expect(parseId(id)).toEqual({
      prefix: 'check',
      at: at.toISOString(),
      user: 'canbo',
      random: 'abcd1234',
    });
  });

  it('sort by time as plain strings', () => {
    const ids = [3, 1, 2].map((h) => makeId('check', new Date(Date.UTC(2026, 0, 1, h)), 'u'));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('do not collide between devices writing at the same millisecond', () => {
    const at = new Date();
    const ids = new Set(Array.from({ length: 2000 }, () => makeId('check', at, 'canbo')));
    expect(ids.size).toBe(2000);
    expect(randomSuffix()).toMatch(/^[a-z0-9]{8}$/);
  });

  it('refuse user names that would break the format', () => {
    expect(() => makeId('check', new Date(), 'a:b')).toThrow();
    expect(() => makeId('check', new Date(), '')).toThrow();
    expect(parseId('check:not-a-time:u:abcd1234')).toBeNull();
  });

  it('give a range that holds exactly one prefix, newest first', () => {
    const r = idRange('check');
    const id = makeId('check', new Date(), 'u');
    expect(id > r.endkey && id < r.startkey).toBe(true);
    expect('progress:2026' > r.startkey || 'progress:2026' < r.endkey).toBe(true);
  });
});
