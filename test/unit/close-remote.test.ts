// When a new version takes over, no request to the server may leave the page (UpdatePrompt:
// Chromium hands over to the new service worker only while the old one is idle).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeRemoteForUpdate, remoteDb } from '../../src/lib/data/local-db';
import type { PouchStatic } from '../../src/lib/data/pouch-types';
import { PouchDB } from '../support/pouch';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('closeRemoteForUpdate', () => {
  it('fails every later request of the server databases without sending it', async () => {
    const sent: string[] = [];
    vi.stubGlobal('fetch', async (url: string | Request) => {
      sent.push(String(url));
      return new Response(JSON.stringify({ _id: 'a', _rev: '1-x' }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    });
    const db = remoteDb(PouchDB as unknown as PouchStatic, 'http://127.0.0.1:9', 'log');
    expect(await db.get('a')).toMatchObject({ _id: 'a' });
    const before = sent.length;
    expect(before).toBeGreaterThan(0);

    closeRemoteForUpdate();
    await expect(db.get('a')).rejects.toThrow();
    expect(sent.length).toBe(before);
  });
});
