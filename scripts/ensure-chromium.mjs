// Browser tests use Debian's Chromium (test tools cannot download browsers on our machines).
// `npm test` calls this first: it installs Chromium with apt-get when it is missing and we
// may (root), and otherwise says exactly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Cài Chromium cho kiểm thử trình duyệt… / installing Debian chromium…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      {
        stdio: 'inherit',
      },
    );
  } else {
    console.error(
      `Không thấy Chromium tại ${path}. Cài bằng: sudo apt-get install chromium\n` +
        `(or set CHROMIUM_PATH to a Chromium binary)`,
    );
    process.exit(1);
  }
}
