// The app is a client-rendered shell: every page is prerendered empty and filled from the
// local database, so it opens offline. Nothing is rendered on the server.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
