// Bundles entry.ts (or another benchmark page) for the browser with Vite, `$lib` pointing at src/lib as in the app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');

export async function bundleBrowserBench(
  outDir: string,
  entry = path.join(here, 'entry.ts'),
): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: here,
    resolve: { alias: { $lib: path.join(root, 'src/lib') } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry, formats: ['es'], fileName: 'bench' },
    },
  });
}
