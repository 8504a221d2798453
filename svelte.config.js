import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // The PWA plugin registers the service worker (with workbox-window for updates).
    serviceWorker: { register: false },
    // Absolute asset URLs: pages are prerendered at nested paths and served from the SW cache.
    paths: { relative: false },
    prerender: { handleHttpError: 'fail' },
  },
};

export default config;
