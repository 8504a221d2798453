// A refusal in CouchDB's JSON shape: `{"error": …, "reason": …}` with its HTTP status.
import type { ServerResponse } from 'node:http';

export interface Refusal {
  status: number;
  error: string;
  reason: string;
}

export const refuse = (status: number, error: string, reason: string): Refusal => ({
  status,
  error,
  reason,
});

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'status' in x && 'error' in x && 'reason' in x;
}

export function sendRefusal(res: ServerResponse, r: Refusal) {
  sendJson(res, r.status, { error: r.error, reason: r.reason });
}

export function sendJson(res: ServerResponse, status: number, body: object) {
  if (res.headersSent) return void res.destroy();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'must-revalidate',
  });
  res.end(text);
}
