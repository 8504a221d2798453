// PouchDB's code loads with the app's own, in parallel, rather than after the page has started:
// every signed-in screen needs it, and a phone usually starts signed in. Client only
// (pouchdb-browser touches `self` when imported); local-db.ts's lazy import finds it loaded.
import 'pouchdb-browser';
