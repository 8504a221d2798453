// App size: the JS and CSS the first route loads (what the prerendered start page links and
// modulepreloads), gzipped at the level the build's own precompression uses.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AppSize {
  files: number;
  js: number;
  css: number;
  gzipJs: number;
  gzipCss: number;
  /** Every JS and CSS file of the client build (what the service worker precaches). */
  allGzip: number;
}

const gz = (buf: Buffer) => gzipSync(new Uint8Array(buf), { level: 9 }).length;

/** Builds when the sources are newer than build/ (the same check `npm start` makes). */
export function ensureBuild(root: string): void {
  execFileSync('node', ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
}

export function firstRouteFiles(root: string): string[] {
  const html = readFileSync(path.join(root, 'build/prerendered/index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<link href="([^"]+\.(?:js|css))" rel="(?:modulepreload|stylesheet)"/g),
    ...html.matchAll(/import\("([^"]+\.js)"\)/g),
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  return [...new Set(refs)];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

export function measureAppSize(root: string): AppSize {
  const client = path.join(root, 'build/client');
  const size = { files: 0, js: 0, css: 0, gzipJs: 0, gzipCss: 0, allGzip: 0 };
  for (const ref of firstRouteFiles(root)) {
    const buf = readFileSync(path.join(client, ref));
    size.files += 1;
    if (ref.endsWith('.css')) {
      size.css += buf.length;
      size.gzipCss += gz(buf);
    } else {
      size.js += buf.length;
      size.gzipJs += gz(buf);
    }
  }
  for (const file of walk(path.join(client, '_app'))) {
    if (/\.(js|css)$/.test(file) && statSync(file).isFile()) size.allGzip += gz(readFileSync(file));
  }
  return size;
}
