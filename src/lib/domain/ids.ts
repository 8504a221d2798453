// Time-ordered document ids: `<prefix>:<ISO time>:<user>:<random>`. Sorting ids sorts by time,
// so the log is a range read, and the random tail keeps two devices from ever colliding.

export type IdPrefix = 'check' | 'progress' | 'review';

const ID_PATTERN =
  /^(check|progress|review):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):([^:]+):([a-z0-9]{8})$/;

export function randomSuffix(): string {
  const bytes = new Uint8Array(5);
  crypto.getRandomValues(bytes);
  // 40 bits as 8 base-32 characters.
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n.toString(32).padStart(8, '0');
}

export function makeId(prefix: IdPrefix, at: Date, user: string, random = randomSuffix()): string {
  if (!user || user.includes(':')) throw new Error('user name must be non-empty and free of ":"');
  return `${prefix}:${at.toISOString()}:${user}:${random}`;
}

export interface ParsedId {
  prefix: IdPrefix;
  at: string;
  user: string;
  random: string;
}

export function parseId(id: string): ParsedId | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  return { prefix: m[1] as IdPrefix, at: m[2], user: m[3], random: m[4] };
}

/** Bounds for a range read of one prefix, newest first with `descending: true`. */
export function idRange(prefix: IdPrefix): { startkey: string; endkey: string } {
  return { startkey: `${prefix}:\uffff`, endkey: `${prefix}:` };
}

/** The id pattern of one prefix, for schemas (JSON-Schema friendly: a plain regex). */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(ID_PATTERN.source.replace('(check|progress|review)', prefix));
}

export { ID_PATTERN };
