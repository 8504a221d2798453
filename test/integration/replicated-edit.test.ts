// An edit made on a phone to a record the server already has must reach the server by
// replication (`_bulk_docs` with new_edits=false), and validation must still apply to it.
import { describe, expect, it } from 'vitest';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { emptyInput, type FieldCheckInput } from '../../src/lib/domain/field-check-factory.ts';
import { CHAIR, OFFICER, officerAuthor } from '../support/fixtures.ts';
import { httpDb, memoryDb, PouchDB } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;

describe('replicated edits on the embedded server', () => {
  it('store the new revision, not just answer success', async () => {
    const phone = memoryDb('phone');
    const repo = new FieldCheckRepository(phone);
    const input = emptyInput('environment', new Date());
    input.hamlet = 'Thôn Khòn Pát';
    const draft = await repo.createDraft(input, officerAuthor);
    const remote = httpDb(server.url, LOG, OFFICER);
    await PouchDB.replicate(phone, remote);

    const edited = await repo.saveDraft(draft, {
      ...draft,
      findings: 'Đã bổ sung sau khi về xã.',
    } as unknown as FieldCheckInput);
    await PouchDB.replicate(phone, remote);

    const onServer = await httpDb(server.url, LOG, CHAIR).get(draft._id);
    expect(onServer._rev).toBe(edited._rev);
    expect((onServer as unknown as { findings: string }).findings).toBe(
      'Đã bổ sung sau khi về xã.',
    );
  });

  it('still validate them: another user cannot replicate an edit of my draft', async () => {
    const phone = memoryDb('phone');
    const repo = new FieldCheckRepository(phone);
    const input = emptyInput('environment', new Date());
    input.hamlet = 'Thôn Bản Thẩu';
    const draft = await repo.createDraft(input, officerAuthor);
    await PouchDB.replicate(phone, httpDb(server.url, LOG, OFFICER));
    await repo.saveDraft(draft, { ...draft, findings: 'giả mạo' } as unknown as FieldCheckInput);

    const res = await PouchDB.replicate(phone, httpDb(server.url, LOG, CHAIR));
    expect(res.doc_write_failures).toBe(1);
    const onServer = await httpDb(server.url, LOG, CHAIR).get(draft._id);
    expect(onServer._rev).toBe(draft._rev);
  });
});
