// A record edited on two devices, resolved by a supervisor over the real server: the merge
// takes fields from both versions, the losing version goes only after a resolution holding
// every version in full, every device converges, and an officer may not remove versions.
import { describe, expect, it } from 'vitest';
import { ConflictRepository } from '../../src/lib/data/conflicts.repo.ts';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { compareVersions } from '../../src/lib/domain/conflict.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { emptyInput } from '../../src/lib/domain/field-check-factory.ts';
import { CHAIR, OFFICER, basicAuth, officerAuthor } from '../support/fixtures.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const chair = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
const chairActor = { name: 'chutich', roles: ['chair@hong-phong'], commune: 'hong-phong' };

describe('a conflict resolved by a supervisor', () => {
  it('merges field by field, keeps every version in the resolution, and converges', async () => {
    const phone = memoryDb('phone');
    const office = memoryDb('office');
    const desk = memoryDb('chair');
    const asOfficer = () => httpDb(server.url, LOG, OFFICER);
    const phoneRepo = new FieldCheckRepository(phone);
    const officeRepo = new FieldCheckRepository(office);
    const input = emptyInput('environment', new Date());
    input.hamlet = 'Thôn Pò Nhùng';
    const draft = await phoneRepo.createDraft(input, officerAuthor);
    await phone.sync(asOfficer());
    await office.sync(asOfficer());
    await phoneRepo.saveDraft(draft, { ...input, findings: 'Ghi trên điện thoại', place: 'Bãi A' });
    await officeRepo.saveDraft((await officeRepo.get(draft._id))!, {
      ...input,
      findings: 'Ghi ở văn phòng',
      place: 'Bãi B',
    });
    await phone.sync(asOfficer());
    await office.sync(asOfficer());
    await desk.sync(httpDb(server.url, LOG, CHAIR));

    const conflicts = new ConflictRepository(desk, undefined, chairActor);
    await expect.poll(async () => (await conflicts.list()).length).toBe(1);
    const versions = await conflicts.versions(draft._id);
    expect(versions).toHaveLength(2);
    const differs = compareVersions(versions)
      .filter((r) => r.differs)
      .map((r) => r.path);
    expect(differs.sort()).toEqual(['findings', 'place']);
    const phoneV = versions.find((v) => v.findings === 'Ghi trên điện thoại')!;
    const officeV = versions.find((v) => v.findings === 'Ghi ở văn phòng')!;

    // An officer cannot remove the other version with a made-up resolution.
    const forged = {
      _id: draft._id,
      _rev: officeV._rev,
      _deleted: true,
      resolvedBy: `resolution:${draft._id}:x`,
    };
    const res = await fetch(`${server.url}/db/${LOG}/${encodeURIComponent(draft._id)}`, {
      method: 'PUT',
      headers: { authorization: basicAuth(OFFICER), 'content-type': 'application/json' },
      body: JSON.stringify(forged),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { reason: string }).reason).toContain('(not a resolver)');

    const resolution = await conflicts.resolve(
      draft._id,
      versions.map((v) => v._rev!),
      { findings: officeV._rev!, place: phoneV._rev! },
      chair,
    );
    expect(resolution).not.toBeNull();
    await desk.sync(httpDb(server.url, LOG, CHAIR));
    for (const db of [phone, office]) await db.sync(asOfficer());
    for (const repo of [phoneRepo, officeRepo]) {
      const doc = (await repo.get(draft._id))!;
      expect([doc.findings, doc.place]).toEqual(['Ghi ở văn phòng', 'Bãi A']);
      expect(await repo.conflictsOf(draft._id)).toEqual([]);
    }
    // Nothing lost: the resolution on the server holds both versions in full.
    const onServer = new ConflictRepository(httpDb(server.url, LOG, OFFICER) as never);
    const [kept] = await onServer.resolutionsOf(draft._id);
    expect(kept.versions.map((v) => v.findings).sort()).toEqual(
      ['Ghi trên điện thoại', 'Ghi ở văn phòng'].sort(),
    );
    expect(kept.removedRevs).toHaveLength(1);
    expect(await conflicts.list()).toEqual([]);
  });
});
