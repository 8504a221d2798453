import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { pouchOpenCount } from './scripts/pouch-open-count.mjs';

// The browser's code: what two or more pages load at start is one file. Every file of a start
// comes through the service worker; the 31 script and style files of a home screen's start
// arrived over 0.3–0.4 s, the 9 left now in about 0.15 s (issue 10, docs/benchmarks.md).
// Pages' own code and what loads later (the report's DOCX and spreadsheet writers) stay apart.
// PouchDB joins the start's file (src/hooks.client.ts), so local-db.ts's lazy import of it,
// kept for code that also runs in Node, moves nothing.
const browserBuild = {
  chunkSizeWarningLimit: 600,
  rolldownOptions: {
    checks: { ineffectiveDynamicImport: false },
    output: {
      codeSplitting: { groups: [{ name: 'app', tags: ['$initial' as const], minShareCount: 2 }] },
    },
  },
};

export default defineConfig(({ isSsrBuild }) => ({
  build: isSsrBuild ? {} : browserBuild,
  plugins: [
    pouchOpenCount(),
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Sổ hiện trường',
        short_name: 'Sổ hiện trường',
        description: 'Ghi chép công tác hiện trường của xã, dùng được khi không có mạng',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5d3b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest}', 'prerendered/**/*.html'],
        navigateFallback: '/',
        // The CouchDB API must never be answered from a cache.
        navigateFallbackDenylist: [/^\/db\//, /^\/api\//],
        // An update waits for the person to accept it (see UpdatePrompt), but the very first
        // worker takes control at once so the app works offline after one visit.
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // PouchDB 9.0's replicator reads the source's info() after each batch without a catch
    // (test/support/harness/unhandled-rejections.ts): a connection the sync tests cut at that
    // moment rejects unhandled, which a browser only logs. Only that request is let through.
    onUnhandledError: (error) =>
      !(error.name === 'FetchError' && /\/db\/[^/]+\/ failed/.test(error.message ?? '')),
  },
}));
