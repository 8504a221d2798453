// `npm run user -- <command>`: account administration from the command line.
//   list
//   add <name> --role officer [--position office] [--full-name "Nguyễn Văn A"] [--password …]
//   set <name> [--role …] [--position …] [--full-name …] [--password …] [--disable|--enable]
// With COUCHDB_URL it works on that CouchDB directly, as its server admin (no running app
// needed). On the embedded default it talks to the running server's /api/users as the database
// admin, or, when none runs, starts the database in this process for the command's duration.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { embeddedAdmin } from './admin-secret.ts';
import { startServer } from './app.ts';
import { loadConfig } from './config.ts';
import { createUserAdmin, HttpError } from './api/user-admin.ts';
import { adminCouch } from './provision/couch.ts';
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

/** The three operations, over HTTP (/api/users) or straight against CouchDB. */
interface Accounts {
  list(): Promise<UserSummary[]>;
  create(body: unknown): Promise<UserSummary>;
  change(name: string, body: unknown): Promise<UserSummary>;
}

function problem(message: string, fields: { path: string; message: string }[] = []) {
  const details = fields.map((f) => `  - ${f.path}: ${f.message}`).join('\n');
  return new Error(`${message}${details ? '\n' + details : ''}`);
}

function overHttp(base: string): Accounts {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as {
      error?: string;
      fields?: { path: string; message: string }[];
    };
    if (!res.ok) throw problem(json.error ?? res.statusText, json.fields);
    return json as unknown as UserSummary & UserSummary[];
  };
  return {
    list: () => call('GET', '/api/users'),
    create: (body) => call('POST', '/api/users', body),
    change: (n, body) => call('PUT', `/api/users/${encodeURIComponent(n)}`, body),
  };
}

function direct(couchUrl: string, couchAdmin: { name: string; password: string }): Accounts {
  const admin = createUserAdmin({ couch: adminCouch(couchUrl, couchAdmin), commune: cfg.commune });
  const explained =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    async (...a: A) => {
      try {
        return await fn(...a);
      } catch (err) {
        if (err instanceof HttpError) throw problem(err.message, err.fields);
        if ((err as { code?: string }).code === 'ECONNREFUSED') {
          throw new Error(`Không kết nối được CouchDB tại ${couchUrl}.`);
        }
        throw err;
      }
    };
  return {
    list: explained(() => admin.list()),
    create: explained((body: unknown) => admin.create(body)),
    change: explained((n: string, body: unknown) =>
      admin.change(n, body, { name: null, serverAdmin: true }),
    ),
  };
}

function print(u: UserSummary) {
  const state = u.disabled ? ' [đã khóa]' : '';
  console.log(
    `${u.name.padEnd(16)} ${String(u.role).padEnd(11)} ${String(u.position ?? '-').padEnd(16)} ${u.fullName}${state}`,
  );
}

async function run(accounts: Accounts) {
  if (command === 'list') {
    for (const u of await accounts.list()) print(u);
    return;
  }
  if (!name || (command !== 'add' && command !== 'set')) throw new Error(USAGE);
  if (command === 'add') {
    const password = values.password ?? randomBytes(9).toString('base64url');
    const created = await accounts.create({
      name,
      password,
      fullName: values['full-name'] ?? name,
      role: values.role,
      ...(values.position ? { position: values.position } : {}),
    });
    print(created);
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
  print(await accounts.change(name, change));
}

let local: Awaited<ReturnType<typeof startServer>> | null = null;
try {
  if (cfg.couchUrl && cfg.couchAdmin && !values.url) {
    await run(direct(cfg.couchUrl, cfg.couchAdmin));
  } else {
    const base = values.url ?? `http://127.0.0.1:${cfg.port}`;
    if (!(await reachable(base))) {
      if (values.url) throw new Error(`Không kết nối được ${base}. Hãy chạy npm start trước.`);
      local = await startServer({ ...cfg, port: 0, host: '127.0.0.1' }, { withApp: false });
    }
    await run(overHttp(local ? local.url : base));
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await local?.close();
}
