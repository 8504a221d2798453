// A request that trips a bug inside the embedded database gets a JSON error, no stack trace or
// file paths, and the server keeps serving.
import { describe, expect, it } from 'vitest';
import { basicAuth, OFFICER } from '../support/fixtures.ts';
import { testBackend, useTestServer } from '../support/server.ts';

const server = useTestServer();

// Only the embedded server (express-pouchdb) has these bugs to contain; CouchDB answers JSON itself.
describe.skipIf(testBackend() === 'couchdb')('embedded database errors', () => {
  it('answer in JSON without internals', async () => {
    const res = await fetch(`${server.url}/db/fieldbook-hong-phong/_bulk_docs`, {
      method: 'POST',
      headers: { authorization: basicAuth(OFFICER), 'content-type': 'application/json' },
      body: '{"docs":[null]}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'bad_request' });
    expect(text).not.toMatch(/node_modules|TypeError|at /);

    const after = await fetch(`${server.url}/db/fieldbook-hong-phong/`, {
      headers: { authorization: basicAuth(OFFICER) },
    });
    expect(after.status).toBe(200);
  });
});
