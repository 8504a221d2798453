// A Vite plugin for the app's build: PouchDB 9's IndexedDB adapter counts every document each
// time a database is opened (an IndexedDB index count, linear in records: 0.3-1.2 s at 50,000
// records on a 2-core machine, and every first read of a screen waits for it). The adapter
// already keeps that count in its meta document, updated in the same transaction as every
// write, so it is counted only when the meta document has none (a database from before).
// The app never reads doc_count or total_rows. Fails the build if PouchDB's code changed, so an
// upgrade cannot silently bring the count back or break the open.

const BEFORE = `    txn.objectStore(META_STORE).get(META_STORE).onsuccess = function (e) {
      metaDoc = e.target.result || { id: META_STORE };
      storeMetaDocIfReady();
    };

    //
    // countDocs
    //
    countDocs(txn, function (count) {
      docCount = count;
      storeMetaDocIfReady();
    });
`;

const AFTER = `    txn.objectStore(META_STORE).get(META_STORE).onsuccess = function (e) {
      metaDoc = e.target.result || { id: META_STORE };
      // fieldbook: the count kept by every write (scripts/pouch-open-count.mjs)
      if (typeof metaDoc.docCount === 'number') {
        docCount = metaDoc.docCount;
        storeMetaDocIfReady();
      } else {
        countDocs(txn, function (count) {
          docCount = count;
          storeMetaDocIfReady();
        });
      }
    };
`;

/** @returns {import('vite').Plugin} */
export function pouchOpenCount() {
  return {
    name: 'fieldbook-pouch-open-count',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]pouchdb-browser[\\/]lib[\\/]index(\.es)?\.js$/.test(id)) return null;
      if (!code.includes(BEFORE))
        throw new Error(
          `${id}: PouchDB's IndexedDB open changed; see scripts/pouch-open-count.mjs`,
        );
      return { code: code.replace(BEFORE, AFTER), map: null };
    },
  };
}
