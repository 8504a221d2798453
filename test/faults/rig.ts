// The fault run's world: the server as a child process, the fault proxy in front of it, and
// three devices (two phones of the same officer, the chair's office PC) syncing through it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { CHAIR, OFFICER } from '../support/fixtures.ts';
import { httpDb } from '../support/pouch.ts';
import { freshServerEnv } from '../support/harness/backend.ts';
import { ChildServer, freePort } from '../support/harness/child-server.ts';
import { Device } from '../support/harness/device.ts';
import { TcpProxy } from '../support/harness/tcp-proxy.ts';
import { Writer } from './writer.ts';

export const LOG = dbNames('hong-phong').log;

export interface Rig {
  server: ChildServer;
  proxy: TcpProxy;
  devices: Device[];
  writers: Writer[];
  /** The server's copy, read directly (not through the faulty proxy). */
  serverDb: ReturnType<typeof httpDb>;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-faults-'));
  // TEST_BACKEND=couchdb: the server in front of a real (emptied) CouchDB.
  const server = new ChildServer({ dataDir, port: await freePort(), env: await freshServerEnv() });
  await server.start();
  const proxy = new TcpProxy(Number(new URL(server.url).port));
  const proxyUrl = await proxy.start();
  const officer = { name: 'canbo', role: 'officer', commune: 'hong-phong' };
  const chair = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
  const devices = [
    new Device('phone-a', proxyUrl, LOG, OFFICER, 25),
    new Device('phone-b', proxyUrl, LOG, OFFICER, 25),
    new Device('office', proxyUrl, LOG, CHAIR, 25),
  ];
  const writers = [
    new Writer(devices[0], officer),
    new Writer(devices[1], officer),
    new Writer(devices[2], chair),
  ];
  for (const d of devices) d.start();
  return {
    server,
    proxy,
    devices,
    writers,
    serverDb: httpDb(server.url, LOG, CHAIR),
    async close() {
      for (const d of devices) await d.destroy();
      await proxy.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Each device writes a record every `everyMs` until stopped. */
export function keepWriting(writers: Writer[], everyMs: number): () => Promise<void> {
  let running = true;
  const loops = writers.map(async (w) => {
    while (running) {
      await w.writeOne();
      await new Promise((r) => setTimeout(r, everyMs * (0.5 + Math.random())));
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}
