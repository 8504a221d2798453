// PouchDB's code loads with the app's own, in parallel, rather than after the page has started:
// every signed-in screen needs it, a phone usually starts signed in, and the sign-in screen
// has it ready for the tap. Client only (pouchdb-browser touches `self` when imported);
// local-db.ts's lazy import finds it loaded.
import 'pouchdb-browser';
