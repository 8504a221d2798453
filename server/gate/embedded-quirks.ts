// Requests the embedded server (express-pouchdb 4.2) cannot answer safely, refused at the gate
// even to the server admin: each leaves an unhandled promise rejection behind in the app's own
// process (a `_changes` filter it cannot find, a design function or attachment of a missing
// design document, partitions it does not have). `npm start` contains those with a handler,
// but a request must never depend on that. A real CouchDB answers them and is not affected.
import type { Route } from './route.ts';

const DESIGN_FUNCTIONS = new Set(['_list', '_show', '_update', '_rewrite']);

/** Why the embedded server must not see this request, or null. */
export function embeddedQuirk(method: string, route: Route, rawQuery: string): string | null {
  const p = route.pattern;
  if (p.endsWith('/_changes')) {
    const q = new URLSearchParams(rawQuery);
    const filter = q.get('filter');
    if (q.has('selector')) return 'the embedded database has no selector filter';
    if (q.has('view')) return 'the embedded database has no view filters';
    if (filter !== null && filter !== '_doc_ids') {
      return 'the embedded database takes only the _doc_ids filter';
    }
    if (filter === '_doc_ids' && method === 'GET' && !q.has('doc_ids')) {
      return 'filter=_doc_ids needs doc_ids';
    }
    return null;
  }
  const fn = /\{ddoc\}\/(_[a-z_]+)$/.exec(p)?.[1];
  if (fn && DESIGN_FUNCTIONS.has(fn)) return 'the embedded database has no design functions';
  if (p.endsWith('/{ddoc}/{att}')) return 'the embedded database serves no design attachments';
  if (/\/_partition(\/\*)?$/.test(p) || p.endsWith('/_all_docs/*')) {
    return 'not supported by the embedded database';
  }
  return null;
}
