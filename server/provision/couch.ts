// An admin connection to CouchDB for provisioning (nano).
import Nano from 'nano';

export type Couch = Nano.ServerScope;

export function adminCouch(url: string, admin: { name: string; password: string }): Couch {
  const u = new URL(url);
  u.username = encodeURIComponent(admin.name);
  u.password = encodeURIComponent(admin.password);
  return Nano(u.toString());
}

export function isStatus(err: unknown, status: number): boolean {
  return (err as { statusCode?: number }).statusCode === status;
}
