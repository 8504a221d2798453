// `npm start` builds the app first when there is no build yet, or it is older than the sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync('build/handler.js') ? statSync('build/handler.js').mtimeMs : 0;
const sources = Math.max(newest('src'), newest('static'), statSync('vite.config.ts').mtimeMs);
if (built < sources) {
  console.log('Đang build ứng dụng… / building the app…');
  execSync('npx vite build', { stdio: 'inherit' });
}
