// Two devices syncing through the running embedded server converge.
import { describe, expect, it } from 'vitest';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { emptyInput } from '../../src/lib/domain/field-check-factory.ts';
import { CHAIR, OFFICER, officerAuthor } from '../support/fixtures.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;

describe('two devices through the server', () => {
  it('converge: each sees what the other wrote, and the server holds both', async () => {
    const phone = memoryDb('phone');
    const office = memoryDb('office');
    const phoneRepo = new FieldCheckRepository(phone);
    const officeRepo = new FieldCheckRepository(office);
    for (let i = 0; i < 5; i++) {
      const input = emptyInput('environment', new Date());
      input.hamlet = `Thôn ${i}`;
      await phoneRepo.createDraft(input, officerAuthor);
    }
    const chairAuthor = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
    const meeting = emptyInput('hamletMeeting', new Date());
    meeting.hamlet = 'Bản Khòn Pát';
    await officeRepo.createDraft(meeting, chairAuthor);

    const phoneRemote = httpDb(server.url, LOG, OFFICER);
    const officeRemote = httpDb(server.url, LOG, CHAIR);
    await phone.sync(phoneRemote);
    await office.sync(officeRemote);
    await phone.sync(phoneRemote);

    const ids = async (repo: FieldCheckRepository) =>
      (await repo.listNewest(100)).items.map((c) => c._id).sort();
    expect(await ids(phoneRepo)).toHaveLength(6);
    expect(await ids(phoneRepo)).toEqual(await ids(officeRepo));
    const onServer = await httpDb(server.url, LOG, CHAIR).allDocs({
      startkey: 'check:',
      endkey: 'check:\uffff',
    });
    expect(onServer.rows.map((r) => r.id).sort()).toEqual(await ids(phoneRepo));
  });

  it('serve the CouchDB API under /db on the same origin, with sessions', async () => {
    const res = await fetch(`${server.url}/db/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OFFICER),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/AuthSession=/);
    expect(await res.json()).toMatchObject({
      ok: true,
      name: 'canbo',
      roles: expect.arrayContaining(['member@hong-phong']),
    });
  });
});
