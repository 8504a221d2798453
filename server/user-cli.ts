// `npm run user -- <command>`: account administration from the command line.
//   list
//   add <name> --role officer [--position office] [--full-name "Nguyễn Văn A"] [--password …]
//   set <name> [--role …] [--position …] [--full-name …] [--password …] [--disable|--enable]
// It talks to the running server's /api/users as the database admin; when no server runs on
// the embedded default, it starts the database in this process for the duration of the command.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { embeddedAdmin } from './admin-secret.ts';
import { startServer } from './app.ts';
import { loadConfig } from './config.ts';
import type { UserSummary } from '../src/lib/domain/user.ts';

const USAGE = `Cách dùng / usage:
  npm run user -- list
  npm run user -- add <tên> --role <vai trò> [--position <vị trí>] [--full-name "<họ tên>"] [--password <mật khẩu>]
  npm run user -- set <tên> [--role …] [--position …] [--full-name …] [--password …] [--disable | --enable]
Vai trò / roles: officer, police, hamletHead, chair, viceChair, reviewer, admin
Vị trí / positions: office, justice, finance, culture, land, police, front, digitalTeam,
  inspectionBoard, hamletHead, chair, viceChair`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    position: { type: 'string' },
    'full-name': { type: 'string' },
    password: { type: 'string' },
    disable: { type: 'boolean' },
    enable: { type: 'boolean' },
    url: { type: 'string' },
  },
});

const [command, name] = positionals;
const cfg = loadConfig();
const admin = cfg.couchAdmin ?? embeddedAdmin(cfg.dataDir);
const auth = 'Basic ' + Buffer.from(`${admin.name}:${admin.password}`).toString('base64');

async function reachable(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/db/`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as {
    error?: string;
    fields?: { path: string; message: string }[];
  };
  if (!res.ok) {
    const details = (json.fields ?? []).map((f) => `  - ${f.path}: ${f.message}`).join('\n');
    throw new Error(`${json.error ?? res.statusText}${details ? '\n' + details : ''}`);
  }
  return json;
}

function print(u: UserSummary) {
  const state = u.disabled ? ' [đã khóa]' : '';
  console.log(
    `${u.name.padEnd(16)} ${String(u.role).padEnd(11)} ${String(u.position ?? '-').padEnd(16)} ${u.fullName}${state}`,
  );
}

async function run(base: string) {
  if (command === 'list') {
    for (const u of (await call(base, 'GET', '/api/users')) as unknown as UserSummary[]) print(u);
    return;
  }
  if (!name || (command !== 'add' && command !== 'set')) throw new Error(USAGE);
  if (command === 'add') {
    const password = values.password ?? randomBytes(9).toString('base64url');
    const created = await call(base, 'POST', '/api/users', {
      name,
      password,
      fullName: values['full-name'] ?? name,
      role: values.role,
      ...(values.position ? { position: values.position } : {}),
    });
    print(created as unknown as UserSummary);
    if (!values.password) console.log(`Mật khẩu / password: ${password}`);
    return;
  }
  const change: Record<string, unknown> = {};
  if (values.role) change.role = values.role;
  if (values.position) change.position = values.position;
  if (values['full-name']) change.fullName = values['full-name'];
  if (values.password) change.password = values.password;
  if (values.disable) change.disabled = true;
  if (values.enable) change.disabled = false;
  print(
    (await call(
      base,
      'PUT',
      `/api/users/${encodeURIComponent(name)}`,
      change,
    )) as unknown as UserSummary,
  );
}

const base = values.url ?? `http://127.0.0.1:${cfg.port}`;
let local: Awaited<ReturnType<typeof startServer>> | null = null;
try {
  if (!(await reachable(base))) {
    if (values.url || cfg.couchUrl)
      throw new Error(`Không kết nối được ${base}. Hãy chạy npm start trước.`);
    local = await startServer({ ...cfg, port: 0, host: '127.0.0.1' }, { withApp: false });
  }
  await run(local ? local.url : base);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await local?.close();
}
