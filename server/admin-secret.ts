// The embedded server's admin account: generated once, kept in the data directory (mode 600).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function embeddedAdmin(dataDir: string): { name: string; password: string } {
  const file = path.join(dataDir, 'admin.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const admin = { name: 'admin', password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(admin), { mode: 0o600 });
  return admin;
}
