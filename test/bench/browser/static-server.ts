// A static file server on loopback for the bundled browser benchmark: one page that loads it.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/bench.js"></script>';

export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => void respond(req, res));
  async function respond(req: http.IncomingMessage, res: http.ServerResponse) {
    const name = (req.url ?? '/').split('?')[0];
    if (name === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(PAGE);
    }
    try {
      const body = await readFile(
        path.join(dir, path.normalize(name).replace(/^(\.\.[/\\])+/, '')),
      );
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
