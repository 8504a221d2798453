// `npm start`: provision, then serve. Prints where to go and how to sign in.
import { loadConfig } from './config.ts';
import { startServer } from './app.ts';
import { demoUsers } from './provision/users.ts';

const cfg = loadConfig();

if (!cfg.couchUrl) {
  // The embedded database runs in this process. A request that trips one of its known bugs
  // must not take the whole commune offline: log it and keep serving.
  process.on('unhandledRejection', (reason) => console.error('[db] unhandled rejection:', reason));
  process.on('uncaughtException', (err) => console.error('[db] uncaught exception:', err));
}

const server = await startServer(cfg);
const changed = server.provisioned.filter((r) => r.outcome !== 'unchanged');
console.log(
  `Sổ hiện trường / Fieldbook đang chạy tại ${server.url}\n` +
    `  CSDL: ${cfg.couchUrl ? cfg.couchUrl : `nhúng, dữ liệu tại ${cfg.dataDir}`}\n` +
    `  Khởi tạo: ${changed.length ? changed.map((r) => `${r.step} (${r.outcome})`).join(', ') : 'không có gì thay đổi'}`,
);
// What provisioning changed on a server someone else also administers (`_security`, settings).
for (const r of changed) if (r.detail) console.log(`    ${r.step}: ${r.detail}`);
if (cfg.demoUsers) {
  console.log('  Tài khoản thử / demo logins:');
  for (const u of demoUsers(cfg.commune))
    console.log(`    ${u.name} / ${u.password}  (${u.fullName}, ${u.role})`);
}

const shutdown = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
